// Pre-pulling a session's images before class, with progress from the pull stream.
import type Dockerode from 'dockerode';
import { PullProgress, type PullEvent } from '../../docker';
import type { Lab, VariableValues } from '../labModel';
import { referencedImages } from './created';
import { hasTemplate, substitute } from '../load/template';

/** The images a session lists, or (for course Markdown without metadata) the ones its commands run or pull. */
export function imagesToPull(lab: Lab, vars: VariableValues = {}): string[] {
  const out = new Set<string>();
  const fill = (t: string): string | undefined => {
    try {
      const v = substitute(t, vars, lab.variables);
      return hasTemplate(v) ? undefined : v;
    } catch {
      return undefined;
    }
  };
  for (const i of lab.images) {
    const v = fill(i);
    if (v) out.add(v);
  }
  if (out.size === 0) {
    for (const step of lab.steps) {
      for (const c of step.commands.filter((c) => c.runnable)) {
        const text = fill(c.text);
        if (text) for (const i of referencedImages(text)) out.add(i);
      }
    }
  }
  return [...out];
}

export interface PrepullProgress {
  image: string;
  /** 0–1 over all images. */
  fraction: number;
  status: string;
}

/** Pulls one image, reporting 0–1 for it as the layers download and extract. */
export async function pullImage(docker: Dockerode, ref: string, onProgress: (fraction: number, status: string) => void, signal?: AbortSignal): Promise<void> {
  const stream = (await docker.pull(ref)) as NodeJS.ReadableStream & { destroy?: () => void };
  const progress = new PullProgress();
  const abort = (): void => stream.destroy?.();
  signal?.addEventListener('abort', abort);
  try {
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (err: Error | null) => (err ? reject(err) : signal?.aborted ? reject(new Error('cancelled')) : resolve()),
        (e: PullEvent) => {
          if (e.error) return;
          progress.feed(e);
          onProgress(progress.fraction, e.status ?? '');
        },
      );
    });
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

/** Pulls every image in turn; failures are collected, not thrown. */
export async function pullAll(
  docker: Dockerode,
  images: string[],
  onProgress: (p: PrepullProgress) => void,
  signal?: AbortSignal,
): Promise<{ pulled: string[]; failed: { image: string; error: string }[] }> {
  const pulled: string[] = [];
  const failed: { image: string; error: string }[] = [];
  for (const [k, image] of images.entries()) {
    if (signal?.aborted) break;
    try {
      await pullImage(docker, image, (f, status) => onProgress({ image, fraction: (k + f) / images.length, status }), signal);
      pulled.push(image);
      onProgress({ image, fraction: (k + 1) / images.length, status: 'done' });
    } catch (err) {
      failed.push({ image, error: err instanceof Error ? err.message.split('\n')[0] : String(err) });
    }
  }
  return { pulled, failed };
}
