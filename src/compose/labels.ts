// The Compose vocabulary read from the Engine API: Compose (v1 `docker-compose` and
// v2 `docker compose` alike) labels every container it creates with its project,
// service, working directory, config files and replica number. Reading those labels is
// how the explorer groups containers by project and how the CLI line for a project is
// rebuilt, with no compose file parsed.
import * as path from 'node:path';

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  containerNumber: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
} as const;

/** What Compose wrote on one container. */
export interface ComposeLabels {
  project: string;
  service: string;
  /** The directory Compose ran in (v1 and v2 both record it). */
  workingDir?: string;
  /** Absolute paths of the compose files (v1 records them relative to workingDir). */
  configFiles: string[];
  /** 1 for the first replica of a service. */
  containerNumber?: number;
  /** A `compose run` container rather than a service replica. */
  oneoff: boolean;
}

type Labels = Record<string, string> | null | undefined;

/** The container's Compose labels, or undefined for a container Compose did not create. */
export function composeLabelsOf(labels: Labels): ComposeLabels | undefined {
  const project = labels?.[COMPOSE_LABELS.project];
  const service = labels?.[COMPOSE_LABELS.service];
  if (!labels || !project || !service) return undefined;
  const workingDir = labels[COMPOSE_LABELS.workingDir] || undefined;
  const number = Number(labels[COMPOSE_LABELS.containerNumber]);
  return {
    project,
    service,
    workingDir,
    configFiles: splitConfigFiles(labels[COMPOSE_LABELS.configFiles], workingDir),
    containerNumber: Number.isInteger(number) && number > 0 ? number : undefined,
    oneoff: /^true$/i.test(labels[COMPOSE_LABELS.oneoff] ?? ''),
  };
}

/** `a.yml,b.yml` → absolute paths; v1 writes them relative to the working directory, v2 absolute. */
function splitConfigFiles(value: string | undefined, workingDir: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => (isAbsolute(f) || !workingDir ? f : joinLike(workingDir, f)));
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** Joins with the separator the working directory uses (the daemon may be on another OS than the editor). */
function joinLike(dir: string, file: string): string {
  return /^[A-Za-z]:\\/.test(dir) ? path.win32.join(dir, file) : path.posix.join(dir, file);
}

/** A project as the explorer shows it: its services, each with its containers. */
export interface ComposeProject<C> {
  name: string;
  workingDir?: string;
  configFiles: string[];
  services: ComposeService<C>[];
}

export interface ComposeService<C> {
  project: string;
  name: string;
  containers: C[];
}

export interface ComposeGrouping<C> {
  projects: ComposeProject<C>[];
  /** Containers no Compose project claims, in their original order. */
  ungrouped: C[];
}

/**
 * Groups containers by Compose project, then service (both by name), replicas by
 * number; the rest stay ungrouped. The project's working directory and files come
 * from its containers (the most common answer, should they disagree).
 */
export function groupByProject<C extends { Labels?: Labels }>(containers: readonly C[]): ComposeGrouping<C> {
  const projects = new Map<string, { labels: ComposeLabels[]; services: Map<string, Array<{ c: C; n: number }>> }>();
  const ungrouped: C[] = [];
  for (const c of containers) {
    const labels = composeLabelsOf(c.Labels);
    if (!labels) {
      ungrouped.push(c);
      continue;
    }
    let project = projects.get(labels.project);
    if (!project) projects.set(labels.project, (project = { labels: [], services: new Map() }));
    project.labels.push(labels);
    const list = project.services.get(labels.service) ?? [];
    list.push({ c, n: labels.oneoff ? Number.MAX_SAFE_INTEGER : (labels.containerNumber ?? 0) });
    project.services.set(labels.service, list);
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    projects: [...projects.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([name, p]) => ({
        name,
        workingDir: mostCommon(p.labels.map((l) => l.workingDir)),
        configFiles: mostCommon(p.labels.map((l) => (l.configFiles.length ? l.configFiles.join(',') : undefined)))?.split(',') ?? [],
        services: [...p.services.entries()]
          .sort(([a], [b]) => byName(a, b))
          .map(([service, list]) => ({ project: name, name: service, containers: list.sort((a, b) => a.n - b.n).map((x) => x.c) })),
      })),
    ungrouped,
  };
}

function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}
