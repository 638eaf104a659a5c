// Step times for the classic builder, which prints none: the output is read as it arrives
// (shell integration's execution.read()), so a step's time is from the moment its
// `Step N/M` line arrived to the moment the next step's (or the build's last line) did.
// BuildKit prints its own (`#5 DONE 0.4s`); those are kept.
import { stripAnsi } from '../util/ansi';
import { parseBuildOutput, type ParsedBuild } from './output';

const STEP_LINE = /^Step (\d+)\/\d+ : /;

/** A build's output collected piece by piece, each line stamped with when it began to arrive. */
export class TimedOutput {
  private readonly parts: string[] = [];
  private partial = '';
  private partialAt = 0;
  /** Start times of the classic builder's steps, by step number. */
  private readonly stepStarts = new Map<number, number>();
  private lastLineAt?: number;
  private length = 0;

  /** `maxChars`: output past it is dropped (a runaway build's log need not be held whole). */
  constructor(private readonly maxChars = Number.POSITIVE_INFINITY) {}

  /** Adds a piece of output that arrived at `atMs`. */
  push(data: string, atMs: number): void {
    if (this.length >= this.maxChars) return;
    this.length += data.length;
    this.parts.push(data);
    let rest = data;
    for (;;) {
      const nl = rest.indexOf('\n');
      if (nl === -1) break;
      if (this.partial === '') this.partialAt = atMs;
      this.line(this.partial + rest.slice(0, nl), this.partialAt);
      this.partial = '';
      rest = rest.slice(nl + 1);
    }
    if (rest !== '') {
      if (this.partial === '') this.partialAt = atMs;
      this.partial += rest;
    }
  }

  get text(): string {
    return this.parts.join('');
  }

  /** The output parsed, classic steps given the times they took (the last one up to the last line, or `endMs` when no line came). */
  parse(endMs: number): ParsedBuild {
    if (this.partial !== '') {
      this.line(this.partial, this.partialAt);
      this.partial = '';
    }
    const parsed = parseBuildOutput(this.text);
    if (parsed.builder !== 'classic') return parsed;
    // The builder's closing lines (`Successfully built`, the error) arrive as the last step ends.
    const end = this.lastLineAt ?? endMs;
    const steps = [...parsed.steps].sort((a, b) => a.number - b.number);
    steps.forEach((step, i) => {
      const start = this.stepStarts.get(step.number);
      if (start === undefined || step.state === 'unfinished' || step.durationMs !== undefined) return;
      const next = steps[i + 1] ? this.stepStarts.get(steps[i + 1].number) : undefined;
      step.durationMs = Math.max(0, Math.round((next ?? end) - start));
    });
    return parsed;
  }

  private line(raw: string, atMs: number): void {
    const text = stripAnsi(raw);
    if (text.trim() === '') return;
    this.lastLineAt = atMs;
    const step = STEP_LINE.exec(text);
    if (step && !this.stepStarts.has(Number(step[1]))) this.stepStarts.set(Number(step[1]), atMs);
  }
}
