// The explorer's filter as plain data: a text (matched against names, images and
// label keys/values) and "this lab only" (the objects the open lab owns for my
// pair, as the lab engine's reset scope names them). The tree applies it to the
// four groups' objects; the view's description says what is set.
import { normalizeImageRef } from '../docker';
import { format, pick, type Lang } from '../util/i18n';
import { containerName, type ContainerSummary, type ImageSummary, type NetworkSummary, type VolumeSummary } from './daemonLists';
import { TEXT } from './explorerText';

/** What the user chose (persisted per workspace). */
export interface ExplorerFilter {
  text: string;
  labOnly: boolean;
}

/** The objects of a lab, by name (the lab engine's `ResourceSet`). */
export interface LabObjects {
  containers: readonly string[];
  images: readonly string[];
  networks: readonly string[];
  volumes: readonly string[];
}

/** The filter in force: the choice, with the open lab's objects when "this lab only" is on (null: no lab is open). */
export interface ActiveFilter extends ExplorerFilter {
  lab?: { title: string; objects: LabObjects } | null;
}

export const NO_FILTER: ExplorerFilter = { text: '', labOnly: false };

export function isFilterSet(filter: ExplorerFilter | undefined): boolean {
  return !!filter && (filter.text.trim() !== '' || filter.labOnly);
}

/** A stored value read back: anything malformed is no filter. */
export function parseFilter(value: unknown): ExplorerFilter {
  if (!value || typeof value !== 'object') return { ...NO_FILTER };
  const v = value as Record<string, unknown>;
  return { text: typeof v.text === 'string' ? v.text : '', labOnly: v.labOnly === true };
}

function textMatches(needle: string, values: (string | undefined)[], labels: Record<string, string> | null | undefined): boolean {
  const n = needle.trim().toLowerCase();
  if (!n) return true;
  for (const v of values) if (v && v.toLowerCase().includes(n)) return true;
  for (const [k, v] of Object.entries(labels ?? {})) if (k.toLowerCase().includes(n) || v.toLowerCase().includes(n) || `${k}=${v}`.toLowerCase().includes(n)) return true;
  return false;
}

function sameImage(a: string, b: string): boolean {
  try {
    return normalizeImageRef(a) === normalizeImageRef(b);
  } catch {
    return a === b;
  }
}

/** Whether the lab's scope admits an object; no scope (filter off, or no lab open) admits everything. */
function inLab(filter: ActiveFilter, names: (objects: LabObjects) => readonly string[], test: (name: string) => boolean): boolean {
  if (!filter.labOnly || !filter.lab) return true;
  return names(filter.lab.objects).some(test);
}

export function containerMatches(c: ContainerSummary, filter: ActiveFilter): boolean {
  const name = containerName(c);
  return textMatches(filter.text, [name, c.Image], c.Labels) && inLab(filter, (o) => o.containers, (n) => n === name || n === c.Id || (n.length >= 12 && c.Id.startsWith(n)));
}

export function imageMatches(image: ImageSummary, ref: string, filter: ActiveFilter): boolean {
  return textMatches(filter.text, [ref, ...(image.RepoTags ?? [])], image.Labels) && inLab(filter, (o) => o.images, (n) => sameImage(n, ref) || image.Id === n || image.Id === `sha256:${n}`);
}

export function networkMatches(network: NetworkSummary, filter: ActiveFilter): boolean {
  return textMatches(filter.text, [network.Name], network.Labels) && inLab(filter, (o) => o.networks, (n) => n === network.Name || n === network.Id);
}

export function volumeMatches(volume: VolumeSummary, filter: ActiveFilter): boolean {
  return textMatches(filter.text, [volume.Name], volume.Labels) && inLab(filter, (o) => o.volumes, (n) => n === volume.Name);
}

/** The view's description while a filter is set (`필터: web · 이 실습만`), else undefined. */
export function describeFilter(filter: ActiveFilter | undefined, lang: Lang): string | undefined {
  if (!filter || !isFilterSet(filter)) return undefined;
  const parts: string[] = [];
  if (filter.text.trim()) parts.push(filter.text.trim());
  if (filter.labOnly) parts.push(pick(filter.lab === null ? TEXT.filter.noLab : TEXT.filter.labOnly, lang));
  return format(pick(TEXT.filter.description, lang), { filter: parts.join(' · ') });
}
