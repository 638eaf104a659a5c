// Pre-pulling a session's images before class, with progress from the pull stream.
import type Dockerode from 'dockerode';
import type { Lab, VariableValues } from './model';
import { referencedImages } from './fences';
import { hasTemplate, substitute } from './template';

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

export interface PullProgress {
  image: string;
  /** 0–1 over all images. */
  fraction: number;
  status: string;
}

interface PullEvent {
  id?: string;
  status?: string;
  error?: string;
  progressDetail?: { current?: number; total?: number };
}

/** Pulls one image, reporting 0–1 for it from the layer byte counts. */
export async function pullImage(docker: Dockerode, ref: string, onProgress: (fraction: number, status: string) => void, signal?: AbortSignal): Promise<void> {
  const stream = (await docker.pull(ref)) as NodeJS.ReadableStream & { destroy?: () => void };
  const layers = new Map<string, { current: number; total: number; done: boolean }>();
  const abort = (): void => stream.destroy?.();
  signal?.addEventListener('abort', abort);
  try {
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (err: Error | null) => (err ? reject(err) : signal?.aborted ? reject(new Error('cancelled')) : resolve()),
        (e: PullEvent) => {
          if (e.error) return;
          if (e.id && e.progressDetail?.total) {
            layers.set(e.id, { current: e.progressDetail.current ?? 0, total: e.progressDetail.total, done: false });
          }
          if (e.id && /complete|already exists/i.test(e.status ?? '')) {
            const l = layers.get(e.id) ?? { current: 1, total: 1, done: true };
            layers.set(e.id, { ...l, current: l.total, done: true });
          }
          const all = [...layers.values()];
          const total = all.reduce((n, l) => n + l.total, 0);
          const current = all.reduce((n, l) => n + Math.min(l.current, l.total), 0);
          onProgress(total ? current / total : 0, e.status ?? '');
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
  onProgress: (p: PullProgress) => void,
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
