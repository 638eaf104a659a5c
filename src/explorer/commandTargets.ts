// What an explorer command acts on. A command runs from a tree item (the item, or the
// whole selection when several are selected and the command takes several), or from
// the command palette with no item, when a quick pick of the right kind of object
// asks which one. One resolver for every command and every kind; the editor supplies
// only the quick pick, so this runs in plain Node.
import { groupByProject, type ComposeProject } from '../compose';
import { containerName, type ContainerSummary, type NetworkSummary, type VolumeSummary } from './daemonLists';
import { humanSize } from './format';
import { imageNodes, type ExplorerNode, type NodeOf, type TreeState } from './tree';

/** An image as commands name it: the `repo:tag` (or short ID) of its tree node, or a layer's image ID. */
export interface ImageTarget {
  ref: string;
  node?: NodeOf<'image'>;
}

export interface TargetOf {
  container: ContainerSummary;
  image: ImageTarget;
  network: NetworkSummary;
  volume: VolumeSummary;
  composeProject: ComposeProject<ContainerSummary>;
}

export type TargetKind = keyof TargetOf;

/** How a command was called: VS Code passes the clicked item and, for a multi-selection, all selected items. */
export interface Invocation {
  node?: ExplorerNode;
  selected?: readonly ExplorerNode[];
}

export interface PickItem<T> {
  label: string;
  description?: string;
  target: T;
}

/** The editor side of resolving: the quick pick and what to say when there is nothing to pick. */
export interface TargetHost {
  /** The lists are current and the daemon answers (it reports why not). */
  ready(): Promise<boolean>;
  state(): TreeState;
  pick<T>(items: PickItem<T>[], placeHolder: string): Promise<PickItem<T> | undefined>;
  /** A quick pick of several, `picked` ticked already; undefined when dismissed. */
  pickMany<T>(items: Array<PickItem<T> & { picked: boolean }>, placeHolder: string): Promise<Array<PickItem<T>> | undefined>;
  nothingToPick(kind: TargetKind): void;
}

export interface TargetOptions<K extends TargetKind> {
  /** Shown in the quick pick. */
  placeHolder: string;
  /** The command takes the whole selection (stop, remove…), not only the clicked item. */
  many?: boolean;
  /** Which objects the quick pick offers (a tree item is taken as clicked). */
  filter?: (target: TargetOf[K]) => boolean;
  /** Which tree items name a target, when not every item of the kind's default does. */
  fromNode?: (node: ExplorerNode) => TargetOf[K] | undefined;
  /**
   * The command needs at least this many targets (a comparison needs two): when the items
   * name fewer, a quick pick of several asks, with those already ticked.
   */
  atLeast?: number;
}

interface TargetKindSpec<K extends TargetKind> {
  fromNode(node: ExplorerNode): TargetOf[K] | undefined;
  candidates(state: TreeState): TargetOf[K][];
  item(target: TargetOf[K]): { label: string; description?: string };
}

/** The container a tree item is about: the container itself or one of its children, a network member, a volume user. */
export function containerOfNode(node: ExplorerNode): ContainerSummary | undefined {
  switch (node.kind) {
    case 'container':
    case 'port':
    case 'containerNetwork':
    case 'containerMount':
      return node.container;
    case 'networkMember':
      return node.member.container;
    case 'volumeUser':
      return node.use.container;
    default:
      return undefined;
  }
}

const KINDS: { [K in TargetKind]: TargetKindSpec<K> } = {
  container: {
    fromNode: containerOfNode,
    candidates: (state) => state.data.containers ?? [],
    item: (c) => ({ label: containerName(c), description: `${c.Image} · ${c.Status}` }),
  },
  image: {
    fromNode: (n) => (n.kind === 'image' ? { ref: n.ref, node: n } : n.kind === 'layer' ? { ref: n.image.Id } : undefined),
    // Dangling images too: from the palette they can be chosen by short ID.
    candidates: (state) => imageNodes({ ...state, showDangling: true }).map((node) => ({ ref: node.ref, node })),
    item: (i) => ({ label: i.ref, description: i.node ? humanSize(i.node.image.Size) : undefined }),
  },
  network: {
    fromNode: (n) => (n.kind === 'network' || n.kind === 'networkMember' ? n.network : undefined),
    candidates: (state) => state.data.networks ?? [],
    item: (n) => ({ label: n.Name, description: n.Driver }),
  },
  volume: {
    fromNode: (n) => (n.kind === 'volume' || n.kind === 'volumeUser' ? n.volume : undefined),
    candidates: (state) => state.data.volumes ?? [],
    item: (v) => ({ label: v.Name, description: v.Driver }),
  },
  composeProject: {
    fromNode: (n) => (n.kind === 'composeProject' ? n.project : n.kind === 'composeService' ? projectOf(n.service.project, n.service.containers) : undefined),
    candidates: (state) => groupByProject(state.data.containers ?? []).projects,
    item: (p) => ({ label: p.name, description: p.workingDir }),
  },
};

/** A service node carries its containers only; its project is regrouped from them. */
function projectOf(name: string, containers: readonly ContainerSummary[]): ComposeProject<ContainerSummary> | undefined {
  return groupByProject(containers).projects.find((p) => p.name === name);
}

/**
 * The objects a command acts on, in selection order; empty when there is none (items
 * of another kind, the daemon unreachable, nothing to pick, the pick dismissed).
 */
export async function resolveTargets<K extends TargetKind>(host: TargetHost, kind: K, invocation: Invocation, options: TargetOptions<K>): Promise<TargetOf[K][]> {
  const spec = KINDS[kind] as TargetKindSpec<K>;
  const { node, selected } = invocation;
  const atLeast = options.atLeast ?? 1;
  let given: TargetOf[K][] = [];
  if (node) {
    const nodes = options.many && selected && selected.length > 1 ? selected : [node];
    const fromNode = options.fromNode ?? spec.fromNode;
    given = nodes.map(fromNode).filter((t): t is TargetOf[K] => t !== undefined);
    if (given.length >= atLeast || atLeast <= 1) return given;
  }
  if (!(await host.ready())) return [];
  const filter = options.filter ?? (() => true);
  const candidates = spec.candidates(host.state()).filter(filter);
  if (candidates.length === 0) {
    host.nothingToPick(kind);
    return [];
  }
  if (atLeast > 1) {
    // The same object may come from the item and from the list: tick it by its label.
    const ticked = new Set(given.map((t) => spec.item(t).label));
    const chosen = await host.pickMany(
      candidates.map((target) => ({ ...spec.item(target), target, picked: ticked.has(spec.item(target).label) })),
      options.placeHolder,
    );
    return chosen ? chosen.map((c) => c.target) : [];
  }
  const chosen = await host.pick(
    candidates.map((target) => ({ ...spec.item(target), target })),
    options.placeHolder,
  );
  return chosen ? [chosen.target] : [];
}
