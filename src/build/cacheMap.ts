// The cache map: for each instruction of a Dockerfile, whether the last build reused its
// cached layer or rebuilt it, how long it took and how big a layer it left. The steps come
// from parseBuildOutput, the sizes from the image's history (GET /images/{id}/history),
// the instructions from the linter's Dockerfile model (one parser for the whole extension).
import { instructionOf } from '../docker';
import { DockerfileModel, type Instr, type Stage } from '../lint';
import type { BuildStep, ParsedBuild } from './output';

/** One entry of `GET /images/{id}/history`, newest first. `Id` is `<missing>` for layers the daemon did not build itself (pulled, or BuildKit's). */
export interface HistoryEntry {
  Id: string;
  CreatedBy: string;
  Size: number;
}

export type LineState = 'cached' | 'rebuilt' | 'failed' | 'not-run';

export interface CacheMapLine {
  /** 0-based lines of the instruction (a continued RUN spans several). */
  line: number;
  endLine: number;
  keyword: string;
  /** The instruction's first line as written. */
  text: string;
  state: LineState;
  durationMs?: number;
  /** Bytes of the layer it produced; for FROM, the base image's layers together. */
  sizeBytes?: number;
  /** The builder's step, when the output names one for this line. */
  step?: BuildStep;
  /**
   * For a rebuilt line: the line of its stage's first rebuilt instruction, the one whose
   * cache missed (itself when it is that line). Every later line of a stage rebuilds once
   * one line has, which is why the order of COPY and install lines matters.
   */
  cause?: number;
}

export interface LayerMatch {
  /** Index in the history array (0 = newest). */
  index: number;
  entry: HistoryEntry;
  /** 0-based line of the instruction that made it (the FROM line for the base image's layers). */
  line: number;
  /** True for the base image's layers (older than the final stage's first instruction). */
  base: boolean;
}

// BuildKit shows only instructions that produce a build step; the others (ENV, CMD, …) only
// change the image's configuration and have no vertex, hence no `[i/n]`.
const BUILDKIT_VERTEX = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR']);
const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/** The instruction keyword a history entry's CreatedBy records, classic (`/bin/sh -c #(nop) COPY …`) or BuildKit (`COPY … # buildkit`). */
export function createdByKeyword(createdBy: string): string {
  // Anything not led by a keyword is a command the builder ran (an exec-form RUN, another SHELL).
  const first = /^([A-Z]+)\b/.exec(instructionOf(createdBy))?.[1];
  return first && KEYWORDS.has(first) ? first : 'RUN';
}

function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages.find((s) => s.isFinal) ?? model.stages[model.stages.length - 1];
}

/**
 * History entries → the instruction lines that made them. History covers the final
 * stage's image only: its newest entries are that stage's instructions, last first, and
 * the rest are the base image's (attributed to the FROM line). An instruction that left
 * no entry (BuildKit records no ARG) is skipped by matching keywords.
 */
export function matchLayers(history: readonly HistoryEntry[], dockerfileText: string | DockerfileModel): LayerMatch[] {
  const model = typeof dockerfileText === 'string' ? new DockerfileModel(dockerfileText) : dockerfileText;
  const stage = finalStage(model);
  const out: LayerMatch[] = [];
  if (!stage) return out;
  const instrs = stage.instructions.filter((i) => i !== stage.from);
  let j = 0;
  for (let i = instrs.length - 1; i >= 0 && j < history.length; i--) {
    if (createdByKeyword(history[j].CreatedBy) !== instrs[i].keyword) continue;
    out.push({ index: j, entry: history[j], line: instrs[i].line, base: false });
    j++;
  }
  for (; j < history.length; j++) out.push({ index: j, entry: history[j], line: stage.from.line, base: true });
  return out;
}

function stageKey(stage: Stage, model: DockerfileModel): string | undefined {
  if (model.stages.length < 2) return undefined;
  return stage.name ? stage.name.toLowerCase() : `stage-${stage.index}`;
}

/** The builder's steps → instruction indexes in model.instructions. */
function assignSteps(model: DockerfileModel, parsed: ParsedBuild): Map<number, BuildStep> {
  const out = new Map<number, BuildStep>();
  const keywordOf = (s: BuildStep) => (/^(\S+)/.exec(s.instruction)?.[1] ?? '').toUpperCase();
  if (parsed.builder === 'classic') {
    // `Step N/M` counts every instruction of the file in order (global ARGs too).
    for (const s of parsed.steps) {
      const instr = model.instructions[s.number - 1];
      if (instr && instr.keyword === keywordOf(s)) out.set(instr.index, s);
    }
  } else if (parsed.builder === 'buildkit') {
    for (const stage of model.stages) {
      const key = stageKey(stage, model);
      const vertices = [stage.from, ...stage.instructions].filter((i) => BUILDKIT_VERTEX.has(i.keyword));
      for (const s of parsed.steps) {
        if ((s.stage?.toLowerCase() ?? undefined) !== key) continue;
        const instr = vertices[s.number - 1];
        if (instr && instr.keyword === keywordOf(s)) out.set(instr.index, s);
      }
    }
  }
  return out;
}

function lineState(step: BuildStep | undefined): LineState {
  if (!step || step.state === 'unfinished') return 'not-run';
  return step.state;
}

/** The cache map of `dockerfileText` after a build whose output was `parsed`; `history` (the built image's) adds the layer sizes. */
export function buildCacheMap(dockerfileText: string, parsed: ParsedBuild, history?: readonly HistoryEntry[]): CacheMapLine[] {
  const model = new DockerfileModel(dockerfileText);
  const steps = assignSteps(model, parsed);
  const lines: CacheMapLine[] = [];
  const byIndex = new Map<number, CacheMapLine>();
  for (const instr of model.instructions) {
    const step = steps.get(instr.index);
    const entry: CacheMapLine = {
      line: instr.line,
      endLine: model.lines.lineOf(Math.max(instr.start, instr.end - 1)),
      keyword: instr.keyword,
      text: firstLine(instr),
      state: lineState(step),
    };
    if (step) entry.step = step;
    if (step?.durationMs !== undefined) entry.durationMs = step.durationMs;
    lines.push(entry);
    byIndex.set(instr.index, entry);
  }

  if (parsed.builder === 'buildkit') inheritBuildKitStates(model, byIndex, steps, parsed);
  markCauses(model, byIndex);
  if (history?.length) addSizes(model, byIndex, steps, history);
  return lines;
}

// Instructions without a BuildKit vertex (ENV, CMD, …) follow the step before them in their
// stage: after a rebuilt RUN they are part of the rebuilt image, after a failure they never ran.
function inheritBuildKitStates(model: DockerfileModel, byIndex: Map<number, CacheMapLine>, steps: Map<number, BuildStep>, parsed: ParsedBuild): void {
  const anyRan = parsed.steps.some((s) => s.state !== 'unfinished');
  for (const arg of model.globalArgs) byIndex.get(arg.index)!.state = anyRan ? 'cached' : 'not-run';
  for (const stage of model.stages) {
    let previous: LineState = lineState(steps.get(stage.from.index));
    for (const instr of stage.instructions) {
      const line = byIndex.get(instr.index)!;
      if (BUILDKIT_VERTEX.has(instr.keyword)) previous = line.state;
      else line.state = previous === 'failed' ? 'not-run' : previous;
    }
  }
}

function markCauses(model: DockerfileModel, byIndex: Map<number, CacheMapLine>): void {
  for (const stage of model.stages) {
    let cause: number | undefined;
    for (const instr of stage.instructions) {
      const line = byIndex.get(instr.index)!;
      if (line.state !== 'rebuilt' && line.state !== 'failed') continue;
      cause ??= line.line;
      line.cause = cause;
    }
  }
}

function addSizes(model: DockerfileModel, byIndex: Map<number, CacheMapLine>, steps: Map<number, BuildStep>, history: readonly HistoryEntry[]): void {
  const short = (id: string) => id.replace(/^sha256:/, '');
  const below = (index: number) => history.slice(index).reduce((sum, e) => sum + e.Size, 0);
  // Classic: each step's resulting image id is a history entry's Id, an exact match.
  for (const [index, step] of steps) {
    if (!step.imageId) continue;
    const at = history.findIndex((e) => e.Id !== '<missing>' && short(e.Id).startsWith(short(step.imageId!)));
    if (at === -1) continue;
    const line = byIndex.get(index)!;
    line.sizeBytes = line.keyword === 'FROM' ? below(at) : history[at].Size;
  }
  // The rest (BuildKit, whose history ids are <missing>): by CreatedBy, final stage only.
  const matches = matchLayers(history, model);
  const fromLine = finalStage(model)?.from.line;
  const baseSize = matches.filter((m) => m.base).reduce((sum, m) => sum + m.entry.Size, 0);
  for (const line of byIndex.values()) {
    if (line.sizeBytes !== undefined) continue;
    if (line.keyword === 'FROM') {
      if (line.line === fromLine && matches.some((m) => m.base)) line.sizeBytes = baseSize;
      continue;
    }
    const m = matches.find((x) => !x.base && x.line === line.line);
    if (m) line.sizeBytes = m.entry.Size;
  }
}

function firstLine(instr: Instr): string {
  return instr.text.split(/\r?\n/)[0].trim();
}
