// Which pairs: "1-12", "1,3,5-8", "7". One parser for the CLI and the class view.
import type { Localized } from '../util/i18n';

const msg = (ko: string, en: string): Localized => ({ ko, en });

/** The pairs a range names, ascending, each once; or the sentence saying what is wrong with it. */
export function parsePairRange(text: string, limits: { min: number; max: number }): { pairs: number[] } | { problem: Localized } {
  const out = new Set<number>();
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return { problem: msg(`페어 범위 \`${text}\`를 읽을 수 없습니다. 1-12 또는 1,3,5-8처럼 쓰세요.`, `cannot read the pair range \`${text}\`; write it like 1-12 or 1,3,5-8.`) };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return { problem: msg(`페어 범위 \`${part}\`가 거꾸로입니다. 작은 번호를 먼저 쓰세요(${to}-${from}).`, `the pair range \`${part}\` runs backwards; put the smaller number first (${to}-${from}).`) };
    if (from < limits.min || to > limits.max) return { problem: msg(`이 세션의 페어 번호는 ${limits.min}–${limits.max}입니다(\`${part}\`).`, `this session's pairs are ${limits.min}–${limits.max} (\`${part}\`).`) };
    for (let p = from; p <= to; p++) out.add(p);
  }
  return { pairs: [...out].sort((a, b) => a - b) };
}
