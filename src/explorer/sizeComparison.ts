// Two or more images side by side: one bar chart of their totals and, per image, a bar
// chart of its layers on one common scale, so a single-stage and a multi-stage build of one
// app (session 4) read as the picture they are. A layer the images share is stored once by
// the daemon: it is marked shared. Sharing follows Docker's own identity of layers, the
// chain of `RootFS.Layers` diff IDs from `docker image inspect`: layer i is shared when
// another image starts with the same i+1 layers.
import { pick, type Lang } from '../util/i18n';
import type { HistoryEntry } from './daemonLists';
import { TEXT } from './explorerText';
import { instructionOf, oneLine } from './format';
import { barChart, barLabel, buildOrder } from './layerChart';

export interface ImageLayers {
  /** How the learner named the image (`myapp:single`). */
  ref: string;
  history: readonly HistoryEntry[];
  /** `RootFS.Layers` of `docker image inspect`, oldest first. */
  layers: readonly string[];
}

export interface ComparedLayer {
  step: number;
  instruction: string;
  size: number;
  /** Its diff ID, when the history entry could be matched to one. */
  diffId?: string;
  shared: boolean;
}

export interface ComparedImage {
  ref: string;
  total: number;
  /** Bytes in layers another compared image also has (stored once). */
  sharedBytes: number;
  layers: ComparedLayer[];
  /** This image's layer chart (on the comparison's common scale); empty with no bytes. */
  source: string;
}

export interface SizeComparison {
  images: ComparedImage[];
  /** The totals chart; empty when there is nothing to compare. */
  source: string;
}

// WORKDIR too: the classic builder commits a (0 B) layer for it (seen on Engine 20.10).
const FILESYSTEM = /^(RUN|COPY|ADD|WORKDIR)\b/;

/**
 * Which history entries (oldest first) made the diff IDs in `RootFS.Layers`. The Engine's
 * history does not say which steps were metadata only (the image config's `empty_layer`
 * is not in it), so: entries with bytes made layers; when the image has more layers than
 * that, 0 B RUN/COPY/ADD/WORKDIR steps made the rest (a `COPY` of an empty folder, a `RUN` that
 * changed nothing), oldest first. Returns, per entry, the index into `layers` or -1.
 */
export function layerIndexes(entries: readonly HistoryEntry[], layerCount: number): number[] {
  const carries = entries.map((e) => (e.Size || 0) > 0);
  let missing = layerCount - carries.filter(Boolean).length;
  for (let i = 0; i < entries.length && missing > 0; i++) {
    if (!carries[i] && FILESYSTEM.test(instructionOf(entries[i]?.CreatedBy ?? ''))) {
      carries[i] = true;
      missing--;
    }
  }
  let next = 0;
  return carries.map((c) => (c && next < layerCount ? next++ : -1));
}

/** How many leading layers `a` has in common with `b` (layers are identified by their chain). */
function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function sizeComparison(images: readonly ImageLayers[], lang: Lang): SizeComparison {
  const compared = images.map((image, index): Omit<ComparedImage, 'source'> => {
    // The longest chain this image shares with any other compared image.
    const shared = Math.max(0, ...images.filter((_, j) => j !== index).map((other) => commonPrefix(image.layers, other.layers)));
    const entries = buildOrder(image.history);
    const indexes = layerIndexes(entries, image.layers.length);
    const layers = entries.map((e, i): ComparedLayer => {
      const at = indexes[i] ?? -1;
      return {
        step: i + 1,
        instruction: oneLine(instructionOf(e.CreatedBy ?? ''), 500),
        size: Math.max(0, e.Size || 0),
        ...(at >= 0 ? { diffId: image.layers[at] } : {}),
        shared: at >= 0 && at < shared,
      };
    });
    const total = layers.reduce((sum, l) => sum + l.size, 0);
    return { ref: image.ref, total, sharedBytes: layers.filter((l) => l.shared).reduce((sum, l) => sum + l.size, 0), layers };
  });
  const axis = pick(TEXT.charts.size, lang);
  const sharedWord = pick(TEXT.charts.shared, lang);
  // One scale for every image's chart: the largest layer of all.
  const max = Math.max(0, ...compared.flatMap((c) => c.layers.map((l) => l.size)));
  const withCharts = compared.map((c): ComparedImage => {
    const bars = c.layers.filter((l) => l.size > 0).map((l) => ({ label: `${barLabel(l.step, l.instruction || '?', l.shared ? 32 : undefined)}${l.shared ? ` (${sharedWord})` : ''}`, bytes: l.size }));
    return { ...c, source: bars.length ? barChart(c.ref, axis, bars, max) : '' };
  });
  const totals = compared.map((c, i) => ({ label: `${i + 1}. ${oneLine(c.ref, 40)}`, bytes: c.total }));
  const anything = compared.some((c) => c.total > 0);
  return { images: withCharts, source: anything ? barChart(pick(TEXT.charts.total, lang), axis, totals) : '' };
}
