// An image's layers as a picture: a horizontal mermaid `xychart-beta` bar per layer that
// holds files, labelled with the Dockerfile instruction that made it, and a table of every
// history entry (metadata-only 0 B steps such as CMD or ENV included, since learners look
// for them) with its share of the total. When a workspace Dockerfile has the same
// instruction, the row points at its line. Names and instructions come from the daemon
// (user input): every label goes through mermaidText, so a `"` or a newline cannot end the
// string and add a statement.
import { DockerfileModel } from '../lint';
import { pick, type Lang } from '../util/i18n';
import { mermaidText } from './diagram';
import type { HistoryEntry } from './daemonLists';
import { TEXT } from './explorerText';
import { humanSize, instructionOf, oneLine } from './format';
import { sizeUnit } from '../util/format';

/** Where a workspace Dockerfile wrote an instruction (0-based line). */
export interface DockerfileStep {
  file: string;
  line: number;
  /** The instruction, normalised as history instructions are (see stepKey). */
  key: string;
  /** A COPY/ADD as the classic builder records it, sources hashed away (`COPY in /app/`). */
  classicKey?: string;
  /** In the image the file builds: an instruction of the final stage or of a stage it builds on (`Stage.ships`), FROM lines aside. */
  ships: boolean;
}

export interface LayerRow {
  /** 1-based build order (the oldest layer, the base image's, is 1). */
  step: number;
  /** The instruction as the learner wrote it (`RUN apk add curl`), on one line. */
  instruction: string;
  size: number;
  /** Size / total, 0…1 (0 when the image is empty). */
  share: number;
  /** A step that only changed metadata (CMD, ENV…): no bar is drawn for it. */
  metadataOnly: boolean;
  /** The matching line of a workspace Dockerfile, if any. */
  source?: { file: string; line: number };
}

export interface LayerChart {
  rows: LayerRow[];
  total: number;
  /** The mermaid chart; empty when no layer holds any bytes. */
  source: string;
}

/** Longest bar label; longer instructions end in `…` (the table shows them whole). */
export const LABEL_MAX = 40;

/**
 * One form for an instruction from both sides: keyword upper-cased, line continuations and
 * runs of blanks collapsed, `--flag` options dropped (BuildKit leaves some out of the
 * history: `COPY --from=build /out /app` is recorded as `COPY /out /app`).
 */
export function stepKey(instruction: string): string {
  // The classic builder prints an exec form as Go does (`["sh" "app.sh"]`): commas between the strings go, on both sides.
  const flat = instruction.replace(/\\[ \t]*\r?\n/g, ' ').replace(/\s+/g, ' ').replace(/"\s*,\s*"/g, '" "').trim();
  const [keyword = '', ...rest] = flat.split(' ');
  const words = rest.filter((w, i) => !(w.startsWith('--') && rest.slice(0, i).every((x) => x.startsWith('--'))));
  const key = [keyword.toUpperCase(), ...words].join(' ');
  // The classic builder's COPY/ADD (`COPY file:0ca63046aea6 in /app/`, as instructionOf shortens it): its sources are a hash.
  const classic = /^(COPY|ADD) (?:file|dir|multi):[0-9a-f]+ in (.+)$/.exec(key);
  return classic ? `${classic[1]} in ${classic[2]}` : key;
}

/** A Dockerfile COPY/ADD in the classic builder's history form: only the destination is left to compare. */
function classicKeyOf(key: string): string | undefined {
  const m = /^(COPY|ADD) (?!\[)(?:\S+ )+(\S+)$/.exec(key);
  return m ? `${m[1]} in ${m[2]}` : undefined;
}

/** The instructions of workspace Dockerfiles (parsed with the linter's model, not a new parser). */
export function dockerfileSteps(files: ReadonlyArray<{ file: string; text: string }>): DockerfileStep[] {
  const steps: DockerfileStep[] = [];
  for (const { file, text } of files) {
    let model: DockerfileModel;
    try {
      model = new DockerfileModel(text);
    } catch {
      continue;
    }
    // The linter's model knows which stages reach the image (the final one and those it is built FROM).
    const shipped = new Set(model.stages.filter((st) => st.ships).flatMap((st) => st.instructions));
    for (const instr of model.instructions) {
      const key = stepKey(instr.text);
      const classicKey = classicKeyOf(key);
      steps.push({ file, line: instr.line, key, ...(classicKey ? { classicKey } : {}), ships: shipped.has(instr) });
    }
  }
  return steps;
}

/** A bar's label: its step number (keeps two identical instructions apart) and the instruction, shortened. */
export function barLabel(step: number, instruction: string, max = LABEL_MAX): string {
  return oneLine(`${step}. ${instruction}`, max);
}

/** A number mermaid's lexer reads (`12.345`, never `1e-7`). */
export function chartNumber(value: number): string {
  return (Math.round(value * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '') || '0';
}

/** A horizontal bar chart: one bar per label, values in bytes. */
export function barChart(title: string, axis: string, bars: ReadonlyArray<{ label: string; bytes: number }>, max = Math.max(0, ...bars.map((b) => b.bytes))): string {
  if (bars.length === 0) return '';
  const unit = sizeUnit(max);
  const quote = (text: string) => `"${mermaidText(text)}"`;
  return [
    'xychart-beta horizontal',
    `  title ${quote(title)}`,
    `  x-axis [${bars.map((b) => quote(b.label)).join(', ')}]`,
    `  y-axis ${quote(`${axis} (${unit.name})`)} 0 --> ${chartNumber(Math.max(max / unit.divisor, 0.001))}`,
    `  bar [${bars.map((b) => chartNumber(b.bytes / unit.divisor)).join(', ')}]`,
  ].join('\n') + '\n';
}

/** The history entries oldest first (the Engine lists them newest first, as `docker history` prints). */
export function buildOrder(history: readonly HistoryEntry[]): HistoryEntry[] {
  return [...history].reverse();
}

export function layerChart(ref: string, history: readonly HistoryEntry[], lang: Lang, steps: readonly DockerfileStep[] = []): LayerChart {
  const entries = buildOrder(history);
  const total = entries.reduce((sum, e) => sum + Math.max(0, e.Size || 0), 0);
  const instructions = entries.map((e) => oneLine(instructionOf(e.CreatedBy ?? ''), 500));
  const matched = matchDockerfile(instructions.map((i) => (i ? stepKey(i) : '')), steps);
  const rows = entries.map((e, i): LayerRow => {
    const instruction = instructions[i] ?? '';
    const size = Math.max(0, e.Size || 0);
    const match = matched.get(i);
    return { step: i + 1, instruction, size, share: total > 0 ? size / total : 0, metadataOnly: size === 0, ...(match ? { source: { file: match.file, line: match.line } } : {}) };
  });
  const bars = rows.filter((r) => !r.metadataOnly).map((r) => ({ label: barLabel(r.step, r.instruction || '?'), bytes: r.size }));
  const title = `${ref} · ${humanSize(total)}`;
  return { rows, total, source: bars.length ? barChart(title, pick(TEXT.charts.size, lang), bars) : '' };
}

/**
 * Which Dockerfile line made which history entry (`keys` oldest first, as stepKey made them).
 * The image was built from one file, and its newest entries are the final stage's last
 * instructions: each file is walked from its last instruction upwards, beside the history
 * from its newest entry down, an entry taking the nearest line above the last one taken with
 * its key. Only the final stage's lines are walked, and those of the stage it is built `FROM`
 * (whose instructions are in the image too); an entry with no line left is passed over. The file
 * that explains the most entries wins (session 4 has `Dockerfile.basic` and `Dockerfile` side
 * by side, both with `WORKDIR /app`).
 */
export function matchDockerfile(keys: readonly string[], steps: readonly DockerfileStep[]): Map<number, DockerfileStep> {
  const byFile = new Map<string, DockerfileStep[]>();
  for (const step of steps) byFile.set(step.file, [...(byFile.get(step.file) ?? []), step]);
  let best = new Map<number, DockerfileStep>();
  for (const fileSteps of byFile.values()) {
    const found = alignFile(keys, fileSteps);
    if (found.size > best.size) best = found;
  }
  return best;
}

function alignFile(keys: readonly string[], steps: readonly DockerfileStep[]): Map<number, DockerfileStep> {
  // Oldest first: a parent stage stands above the stage built on it.
  const chain = steps.filter((s) => s.ships);
  const found = new Map<number, DockerfileStep>();
  let at = chain.length - 1;
  for (let k = keys.length - 1; k >= 0 && at >= 0; k--) {
    const key = keys[k];
    if (!key) continue;
    for (let j = at; j >= 0; j--) {
      const step = chain[j];
      if (step && (step.key === key || step.classicKey === key)) {
        found.set(k, step);
        at = j - 1;
        break;
      }
    }
  }
  return found;
}
