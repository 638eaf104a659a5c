// Small formatters shared by the tree and the actions: sizes and ages the way the
// docker CLI prints them (image history instructions come from src/docker/history.ts), the
// daemon's English status text in Korean, Markdown escaping, and CLI lines.
import type { Lang } from '../util/i18n';
import { instructionOf } from '../docker';
import { commandLine, humanSize } from '../util/format';

export { instructionOf };
// Sizes and CLI lines are shared with the build's cache map: they live in src/util/format.
export { humanSize, commandLine };

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const relativeFormats = new Map<Lang, Intl.RelativeTimeFormat>();

/** "3 days ago" / "3일 전" for a Unix time in seconds. */
export function age(unixSeconds: number, lang: Lang, nowMs: number = Date.now()): string {
  let format = relativeFormats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    relativeFormats.set(lang, format);
  }
  let value = Math.max(0, nowMs / 1000 - unixSeconds);
  for (const [unit, size] of RELATIVE_STEPS) {
    if (value < size) return format.format(-Math.round(value), unit);
    value /= size;
  }
  return format.format(-Math.round(value), 'year');
}

/** First 12 hex digits of an ID, without the `sha256:` prefix (as the CLI shows it). */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** One line for a tree label: whitespace collapsed, cut at `max` characters. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const KO_DURATION: Array<[RegExp, (n: string) => string]> = [
  [/^Less than a second$/, () => '1초 미만'],
  [/^About a minute$/, () => '약 1분'],
  [/^About an hour$/, () => '약 1시간'],
  [/^(\d+) seconds?$/, (n) => `${n}초`],
  [/^(\d+) minutes?$/, (n) => `${n}분`],
  [/^(\d+) hours?$/, (n) => `${n}시간`],
  [/^(\d+) days?$/, (n) => `${n}일`],
  [/^(\d+) weeks?$/, (n) => `${n}주`],
  [/^(\d+) months?$/, (n) => `${n}개월`],
  [/^(\d+) years?$/, (n) => `${n}년`],
];

function koDuration(text: string): string {
  for (const [pattern, render] of KO_DURATION) {
    const m = pattern.exec(text);
    if (m) return render(m[1] ?? '');
  }
  return text;
}

const KO_HEALTH: Record<string, string> = {
  healthy: '정상',
  unhealthy: '비정상',
  'health: starting': '상태 확인 중',
  Paused: '일시 정지됨',
};

/**
 * The daemon's status text (`Up 5 minutes (healthy)`, `Exited (137) 2 hours ago`,
 * `Created`) in the learner's language. The daemon only speaks English; unknown
 * shapes are returned unchanged rather than guessed.
 */
export function containerStatus(status: string, lang: Lang): string {
  if (lang === 'en') return status;
  let m = /^Up (.+?)(?: \(([^)]+)\))?$/.exec(status);
  if (m) {
    const extra = m[2] ? KO_HEALTH[m[2]] ?? m[2] : undefined;
    const paused = m[2] === 'Paused';
    return `${paused ? '일시 정지됨' : '실행 중'} (${koDuration(m[1] ?? '')})${extra && !paused ? ` · ${extra}` : ''}`;
  }
  m = /^Exited \((-?\d+)\) (.+) ago$/.exec(status);
  if (m) return `종료됨 (코드 ${m[1]}) · ${koDuration(m[2] ?? '')} 전`;
  m = /^Restarting \((-?\d+)\) (.+) ago$/.exec(status);
  if (m) return `재시작 중 (코드 ${m[1]}) · ${koDuration(m[2] ?? '')} 전`;
  if (status === 'Created') return '생성됨';
  if (status === 'Dead') return '죽음(dead)';
  if (status === 'Removal In Progress') return '삭제 중';
  return status;
}

/** Escapes text for a Markdown tooltip so names like `my_app*` render as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The table `docker history` prints (newest layer first), with the instructions cleaned. */
export function historyTable(
  entries: ReadonlyArray<{ Id: string; Created: number; CreatedBy: string; Size: number; Comment?: string }>,
  lang: Lang,
  nowMs: number = Date.now(),
): string {
  const rows = entries.map((e) => [
    e.Id.startsWith('sha256:') ? shortId(e.Id) : e.Id,
    age(e.Created, lang, nowMs),
    oneLine(instructionOf(e.CreatedBy), 60),
    humanSize(e.Size),
    e.Comment ?? '',
  ]);
  const header = lang === 'ko' ? ['IMAGE', '생성', 'CREATED BY (Dockerfile 명령)', 'SIZE', 'COMMENT'] : ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return all.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, (widths[i] ?? 0) + 3))).join('').trimEnd()).join('\n') + '\n';
}

/** Columns a string takes in a monospace editor: Hangul and other wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return width;
}
