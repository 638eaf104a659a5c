// Facts about instructions that several rules share (so no rule imports another).
import type { Localized } from '../../util/i18n';
import type { Instr, Stage, Word } from '../parse/model';
import type { RuleOptions } from '../rule';

/** The instruction keywords the builder knows. */
export const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG',
  'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];

/** Instructions whose arguments the builder reads itself: a `#` there is not a comment. */
const NO_SHELL = new Set(['FROM', 'COPY', 'ADD', 'EXPOSE', 'USER', 'WORKDIR', 'STOPSIGNAL', 'ARG', 'ENV', 'LABEL', 'VOLUME', 'MAINTAINER']);

/** The first argument that starts a would-be trailing comment on the same line as the argument before it, if any. */
export function inlineCommentArg(ins: Instr) {
  if (!NO_SHELL.has(ins.keyword) || ins.heredocs.length > 0) return null;
  // No `#` on the logical line: nothing to look at (and no need to split the arguments).
  const hashAt = ins.doc.text.indexOf('#', ins.keywordEnd);
  if (hashAt === -1 || hashAt >= ins.logicalEnd || ins.isJsonForm) return null;
  const args = ins.args;
  const lines = ins.doc.lines;
  const text = ins.doc.text;
  return (
    args.find((a, i) => {
      if (i === 0 || !a.value.startsWith('#') || lines.lineOf(a.start) !== lines.lineOf(args[i - 1].end)) return false;
      // `LABEL a="x # y"`: inside quotes it is part of the value.
      let quote = '';
      for (let k = args[0].start; k < a.start; k++) {
        const c = text[k];
        if (c === ins.doc.escape) k++;
        else if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
      }
      return quote === '';
    }) ?? null
  );
}

/** A word as the builder reads it: one pair of surrounding quotes removed (`"dir/"` → `dir/`). */
export function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** The last USER instruction in the stage or the stages it builds on. */
export function lastUser(stage: Stage) {
  for (let s: Stage | null = stage; s; s = s.parent) {
    for (let k = s.instructions.length - 1; k >= 0; k--) if (s.instructions[k].keyword === 'USER') return s.instructions[k];
  }
  return null;
}

/** An absolute path in the image (POSIX or Windows), or one starting with a variable (which the builder resolves). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('$') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');
}

/**
 * A Windows drive path as written in the source (`C:\app`, `"C:\"`): with the default
 * escape character the word's value has lost those backslashes (`C:app`), but the
 * author meant an absolute path, and hadolint reads it as one.
 */
export function writtenAsWindowsAbsolute(raw: string): boolean {
  return /^["']?[A-Za-z]:\\/.test(raw);
}

/** The sources and destination of a COPY or ADD (JSON or plain form), a trailing `# comment` left out; [] for a heredoc copy. */
export function copyOperands(ins: Instr): Word[] {
  if (ins.heredocs.length > 0) return [];
  const json = ins.json;
  if (json) return json.strings;
  const hash = inlineCommentArg(ins);
  return ins.args.filter((a) => !hash || a.start < hash.start);
}

/** `COPY . .`, `ADD ./ /app`: the whole build context. */
export function copiesWholeContext(ins: Instr): boolean {
  return wholeContextSource(ins) !== null;
}

/** The source word of a whole-context copy (`.`, `./`, `*`, `./*`), or null. */
export function wholeContextSource(ins: Instr): Word | null {
  const sources = contextSources(ins);
  return sources?.find((w) => w.value === '.' || w.value === './' || w.value === '*' || w.value === './*') ?? null;
}

/** The sources a COPY/ADD reads from the build context (all but the destination); null for `--from=` copies, heredocs and other instructions. */
export function contextSources(ins: Instr): Word[] | null {
  if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.flag('from') || ins.heredocs.length > 0) return null;
  const paths = copyOperands(ins);
  if (paths.length < 2) return null;
  return paths.slice(0, -1);
}

/**
 * Whether a rule about what a RUN leaves in its layer (caches, lists,
 * recommended packages) judges `ins`: in stages that ship only, since a
 * builder's layers never reach the image; in every stage under
 * `hadolint-compat`, as hadolint judges them (see `SHIPPED_STAGES_ONLY`).
 */
export function judgesLayerOf(options: RuleOptions, ins: Instr): boolean {
  return !!ins.stage && (shipsLayerOf(ins) || !!options.hadolintCompat);
}

/**
 * Whether the layer `ins` makes reaches a shipped image: its stage ships, or it is an
 * `ONBUILD RUN` trigger, which runs in whatever image is built FROM this one — a
 * builder stage's ONBUILD still lands in someone's image (hadolint judges it so too).
 */
export function shipsLayerOf(ins: Instr): boolean {
  return !!ins.stage && (ins.stage.ships || !!ins.onbuild);
}

/** The `differsFromHadolint` of the rules that use `judgesLayerOf`. */
export const SHIPPED_STAGES_ONLY: Localized = {
  ko: '최종 이미지에 들어가는 스테이지(최종 스테이지와 그것이 `FROM`으로 이어받는 스테이지)의 RUN만 봅니다. 빌더 스테이지의 레이어는 이미지에 남지 않기 때문입니다(`ONBUILD RUN`은 이 이미지를 `FROM`으로 쓰는 이미지에서 실행되므로 언제나 봅니다). hadolint는 모든 스테이지를 봅니다. `.hadolint.yaml`에 `hadolint-compat: true`를 두면 모든 스테이지를 봅니다.',
  en: 'Only RUNs of the stages that ship (the final stage and the stages it is built `FROM`) are judged: a builder stage’s layers never reach the image (an `ONBUILD RUN` is always judged: it runs in the image built from this one). hadolint judges every stage. `hadolint-compat: true` in `.hadolint.yaml` judges every stage, as hadolint does.',
};
