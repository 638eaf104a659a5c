// Reads what `docker build` printed: the classic builder's `Step N/M : …` blocks (the
// fixture daemon, Engine 20.10 without buildx) and BuildKit's `--progress=plain` vertices
// (`#5 [2/4] RUN …`). The text may be a terminal's (ANSI colours, CRLF) and may stop
// anywhere: a failed or interrupted build still tells which steps ran.
import { stripAnsi } from '../util/ansi';

export type Builder = 'classic' | 'buildkit';

/** unfinished: the output stops inside the step (interrupted, or still running). */
export type StepState = 'cached' | 'rebuilt' | 'failed' | 'unfinished';

export interface BuildStep {
  builder: Builder;
  /** Classic: the step number over the whole file (1-based). BuildKit: the position in its stage (`[2/4]` → 2). */
  number: number;
  /** Classic: M of `Step N/M`; BuildKit: n of `[i/n]`. */
  total: number;
  /** BuildKit: the stage prefix of a multi-stage build (`[build 2/4]` → `build`, `[stage-1 2/3]` → `stage-1`). */
  stage?: string;
  /** The instruction as the builder printed it (`RUN npm ci`). */
  instruction: string;
  state: StepState;
  /** BuildKit's `#5 DONE 0.4s`, in milliseconds; the classic builder prints no times. */
  durationMs?: number;
  /** Classic: the image id the step produced (` ---> 3f2a9c…`, short form). */
  imageId?: string;
  /** The error the step failed with. */
  error?: string;
}

export interface ParsedBuild {
  /** null when the text holds no step at all (an empty or unrelated output). */
  builder: Builder | null;
  steps: BuildStep[];
  /** `Successfully built …` (classic) or `writing image sha256:…` (BuildKit). */
  imageId?: string;
  tags: string[];
  succeeded: boolean;
  /** The build's error line, when it failed. */
  error?: string;
}

const CLASSIC_STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const CLASSIC_ARROW = /^ ---> (.*)$/;
const HEX_ID = /^(?:sha256:)?([0-9a-f]{12,64})$/;
// The classic builder's own failure lines (the CLI prints them last, on stderr). The
// step's command output may say anything, so only these forms count as the error.
const CLASSIC_ERRORS = [/^The command '.*' returned a non-zero code: \d+/, /^(?:COPY|ADD) failed: /, /^Error response from daemon: /, /^failed to /i, /^unable to prepare context: /, /^Service '.*' failed to build/];

const BK_LINE = /^#(\d+) (.*)$/;
const BK_STEP = /^\[(?:(\S+) )?(\d+)\/(\d+)\] (.*)$/;
const BK_DONE = /^DONE (\d+(?:\.\d+)?)s$/;
const BK_ERROR = /^ERROR:? ?(.*)$/;

export function parseBuildOutput(text: string): ParsedBuild {
  const lines = stripAnsi(text).split('\n');
  if (lines.some((l) => BK_LINE.test(l) && BK_STEP.test(l.replace(BK_LINE, '$2')))) return parseBuildKit(lines);
  return parseClassic(lines);
}

function parseClassic(lines: string[]): ParsedBuild {
  const steps: BuildStep[] = [];
  const tags: string[] = [];
  let imageId: string | undefined;
  let error: string | undefined;
  let current: BuildStep | undefined;
  let running = false;
  for (const line of lines) {
    const step = CLASSIC_STEP.exec(line);
    if (step) {
      current = { builder: 'classic', number: Number(step[1]), total: Number(step[2]), instruction: step[3].trim(), state: 'unfinished' };
      running = false;
      steps.push(current);
      continue;
    }
    const arrow = CLASSIC_ARROW.exec(line);
    if (arrow && current) {
      const what = arrow[1].trim();
      if (what === 'Using cache') current.state = 'cached';
      else if (what.startsWith('Running in ')) running = true;
      else {
        const id = HEX_ID.exec(what);
        if (id) {
          current.imageId = id[1];
          // FROM names the base image: nothing was built, so it counts as reused.
          if (current.state !== 'cached') current.state = !running && /^FROM\b/i.test(current.instruction) ? 'cached' : 'rebuilt';
        }
      }
      continue;
    }
    const built = /^Successfully built ([0-9a-f]+)/.exec(line);
    if (built) imageId = built[1];
    const tagged = /^Successfully tagged (\S+)/.exec(line);
    if (tagged) tags.push(tagged[1]);
    if (CLASSIC_ERRORS.some((re) => re.test(line))) error = line.trim();
  }
  const succeeded = imageId !== undefined && error === undefined;
  // The step without a resulting image id is the one the error stopped.
  const last = steps[steps.length - 1];
  if (!succeeded && error && last && !last.imageId) {
    last.state = 'failed';
    last.error = error;
  }
  return { builder: steps.length ? 'classic' : null, steps, imageId, tags, succeeded, error };
}

function parseBuildKit(lines: string[]): ParsedBuild {
  const byVertex = new Map<number, BuildStep>();
  const steps: BuildStep[] = [];
  const tags: string[] = [];
  let imageId: string | undefined;
  let error: string | undefined;
  for (const line of lines) {
    const m = BK_LINE.exec(line);
    if (!m) {
      const fatal = /^ERROR: (.*)$/.exec(line);
      if (fatal) error = fatal[1].trim();
      continue;
    }
    const vertex = Number(m[1]);
    const rest = m[2].trim();
    const step = BK_STEP.exec(rest);
    if (step) {
      // A vertex's header repeats when its progress interleaves with others': one step per vertex.
      if (!byVertex.has(vertex)) {
        const s: BuildStep = { builder: 'buildkit', number: Number(step[2]), total: Number(step[3]), instruction: step[4].trim(), state: 'unfinished' };
        if (step[1]) s.stage = step[1];
        byVertex.set(vertex, s);
        steps.push(s);
      }
      continue;
    }
    const written = /^writing image (sha256:[0-9a-f]+)/.exec(rest);
    if (written) imageId = written[1];
    const naming = /^naming to (\S+)/.exec(rest);
    if (naming) tags.push(naming[1]);
    const s = byVertex.get(vertex);
    if (!s) continue;
    if (rest === 'CACHED') s.state = 'cached';
    else if (BK_DONE.test(rest)) {
      s.durationMs = Math.round(Number(BK_DONE.exec(rest)![1]) * 1000);
      if (s.state !== 'cached') s.state = /^FROM\b/i.test(s.instruction) ? 'cached' : 'rebuilt';
    } else if (rest === 'CANCELED') s.state = 'unfinished';
    else if (BK_ERROR.test(rest)) {
      s.state = 'failed';
      s.error = BK_ERROR.exec(rest)![1].trim();
    }
  }
  const failed = steps.some((s) => s.state === 'failed');
  if (failed && !error) error = steps.find((s) => s.state === 'failed')!.error;
  return { builder: 'buildkit', steps, imageId, tags, succeeded: imageId !== undefined && !failed && error === undefined, error };
}
