// The explorer tree as plain data: which nodes exist (rootNodes / childNodes) and how
// each one reads (present). No editor API here, so the tree can be built and checked
// in plain Node; src/explorer/vscode/provider.ts only maps NodeView onto TreeItem.
import { pick, type Lang, type Localized } from '../util/i18n';
import { groupByProject, type ComposeProject, type ComposeService } from '../compose';
import {
  byText,
  containerName,
  sortBy,
  isAnonymousVolume,
  isBuiltinNetwork,
  isDangling,
  membersByNetwork,
  publishedPorts,
  usersByVolume,
  type ContainerSummary,
  type GroupData,
  type GroupId,
  type HistoryEntry,
  type ImageSummary,
  type NetworkMember,
  type NetworkSummary,
  type VolumeSummary,
  type VolumeUse,
} from './daemonLists';
import { age, containerStatus, escapeMarkdown, humanSize, instructionOf, oneLine, shortId } from './format';
import { TEXT } from './explorerText';
import type { ExplorerProblem } from './problem';
import { containerMatches, imageMatches, isFilterSet, networkMatches, volumeMatches, type ActiveFilter } from './filter';

export type ExplorerNode =
  | { kind: 'group'; key: string; group: GroupId }
  | { kind: 'composeProject'; key: string; project: ComposeProject<ContainerSummary> }
  | { kind: 'composeService'; key: string; service: ComposeService<ContainerSummary> }
  | { kind: 'container'; key: string; container: ContainerSummary }
  | { kind: 'port'; key: string; container: ContainerSummary; hostPort: number; containerPort: number; protocol: string; hostIp?: string }
  | { kind: 'containerNetwork'; key: string; container: ContainerSummary; network: string; ip?: string }
  | { kind: 'containerMount'; key: string; container: ContainerSummary; mount: NonNullable<ContainerSummary['Mounts']>[number] }
  | { kind: 'image'; key: string; image: ImageSummary; ref: string; usedBy: number }
  | { kind: 'layer'; key: string; image: ImageSummary; entry: HistoryEntry; index: number }
  | { kind: 'network'; key: string; network: NetworkSummary; members: NetworkMember[] }
  | { kind: 'networkMember'; key: string; network: NetworkSummary; member: NetworkMember }
  | { kind: 'volume'; key: string; volume: VolumeSummary; users: VolumeUse[] }
  | { kind: 'volumeUser'; key: string; volume: VolumeSummary; use: VolumeUse }
  | { kind: 'problem'; key: string; problem: ExplorerProblem }
  | { kind: 'help'; key: string; text: Localized; command?: string }
  | { kind: 'retry'; key: string }
  | { kind: 'message'; key: string; text: Localized; args?: Record<string, string | number>; error?: boolean };

export type NodeOf<K extends ExplorerNode['kind']> = Extract<ExplorerNode, { kind: K }>;

/** What the tree knows at one moment; the live model (explorerModel.ts) keeps it current. */
export interface TreeState {
  endpoint: string;
  data: Partial<GroupData>;
  groupErrors: Partial<Record<GroupId, ExplorerProblem>>;
  /** Set when the daemon cannot be reached at all: the tree becomes one node. */
  problem?: ExplorerProblem;
  showDangling: boolean;
  /** The explorer's filter (see ./filter.ts); absent or empty shows everything. */
  filter?: ActiveFilter;
}

export interface NodeView {
  label: string;
  description?: string;
  /** Markdown, built only when asked (VS Code resolves tooltips on hover). */
  tooltip?: () => string;
  icon?: { id: string; color?: string };
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; arguments: unknown[] };
}

const STATE_ORDER = ['running', 'restarting', 'paused', 'created', 'exited', 'removing', 'dead'];

function stateRank(state: string): number {
  const i = STATE_ORDER.indexOf(state);
  return i < 0 ? STATE_ORDER.length : i;
}

/** `docker ps -a` contents with running ones first, then by name. */
export function sortContainers(containers: readonly ContainerSummary[]): ContainerSummary[] {
  return sortBy(containers, containerName, (c) => stateRank(c.State));
}

/** The four group nodes (kept as the same objects so a group can be refreshed alone). */
export function createGroupNodes(): Record<GroupId, NodeOf<'group'>> {
  return {
    containers: { kind: 'group', key: 'group:containers', group: 'containers' },
    images: { kind: 'group', key: 'group:images', group: 'images' },
    networks: { kind: 'group', key: 'group:networks', group: 'networks' },
    volumes: { kind: 'group', key: 'group:volumes', group: 'volumes' },
  };
}

export function rootNodes(state: TreeState, groups: Record<GroupId, NodeOf<'group'>>): ExplorerNode[] {
  if (state.problem) return [{ kind: 'problem', key: 'problem', problem: state.problem }];
  return [groups.containers, groups.images, groups.networks, groups.volumes];
}

/** Image tree nodes: one per `repo:tag` (as `docker images` prints), dangling ones only when shown. */
export function imageNodes(state: TreeState): NodeOf<'image'>[] {
  const images = state.data.images ?? [];
  const usedBy = new Map<string, number>();
  for (const c of state.data.containers ?? []) usedBy.set(c.ImageID, (usedBy.get(c.ImageID) ?? 0) + 1);
  const tagged: NodeOf<'image'>[] = [];
  const dangling: NodeOf<'image'>[] = [];
  for (const image of images) {
    const used = usedBy.get(image.Id) ?? 0;
    if (isDangling(image)) {
      // The short ID is what `docker images` shows and `docker rmi` accepts.
      if (state.showDangling) dangling.push({ kind: 'image', key: `image:${image.Id}`, image, ref: shortId(image.Id), usedBy: used });
      continue;
    }
    for (const tag of image.RepoTags ?? []) {
      if (tag === '<none>:<none>') continue;
      tagged.push({ kind: 'image', key: `image:${image.Id}:${tag}`, image, ref: tag, usedBy: used });
    }
  }
  return [...sortBy(tagged, (n) => n.ref), ...sortBy(dangling, (n) => n.ref)];
}

export function danglingCount(state: TreeState): number {
  return (state.data.images ?? []).filter(isDangling).length;
}

function groupChildren(state: TreeState, group: GroupId): ExplorerNode[] {
  const failure = state.groupErrors[group];
  if (failure) {
    return [{ kind: 'message', key: `message:${group}:error`, text: TEXT.problem.groupFailed, args: { cause: '' }, error: true }];
  }
  const data = state.data;
  if (!data[group]) return [{ kind: 'message', key: `message:${group}:loading`, text: TEXT.loading }];
  const filter = isFilterSet(state.filter) ? state.filter : undefined;
  let nodes: ExplorerNode[];
  switch (group) {
    case 'containers': {
      // A Compose project's containers sit under it (project → service → containers); the rest as before.
      const { projects, ungrouped } = groupByProject(filter ? (data.containers ?? []).filter((c) => containerMatches(c, filter)) : (data.containers ?? []));
      nodes = [
        ...projects.map((project): ExplorerNode => ({ kind: 'composeProject', key: `compose:${project.name}`, project })),
        ...sortContainers(ungrouped).map((container): ExplorerNode => ({ kind: 'container', key: `container:${container.Id}`, container })),
      ];
      break;
    }
    case 'images':
      nodes = imageNodes(state);
      if (filter) nodes = nodes.filter((n) => n.kind === 'image' && imageMatches(n.image, n.ref, filter));
      break;
    case 'networks': {
      const members = membersByNetwork(data.containers ?? [], data.networks ?? []);
      nodes = sortBy(filter ? (data.networks ?? []).filter((n) => networkMatches(n, filter)) : (data.networks ?? []), (n) => n.Name, (n) => (isBuiltinNetwork(n) ? 0 : 1))
        .map((network) => ({ kind: 'network', key: `network:${network.Id}`, network, members: members.get(network.Id) ?? members.get(network.Name) ?? [] }));
      break;
    }
    case 'volumes': {
      const users = usersByVolume(data.containers ?? []);
      nodes = sortBy(filter ? (data.volumes ?? []).filter((v) => volumeMatches(v, filter)) : (data.volumes ?? []), (v) => v.Name, (v) => (isAnonymousVolume(v) ? 1 : 0))
        .map((volume) => ({ kind: 'volume', key: `volume:${volume.Name}`, volume, users: users.get(volume.Name) ?? [] }));
      break;
    }
  }
  if (filter) {
    const hint: ExplorerNode[] = filter.labOnly && filter.lab === null ? [{ kind: 'message', key: `message:${group}:nolab`, text: TEXT.filter.noLab_hint }] : [];
    if (nodes.length === 0) return [...hint, { kind: 'message', key: `message:${group}:nomatch`, text: TEXT.filter.noMatch }];
    return [...hint, ...nodes];
  }
  if (nodes.length === 0) return [{ kind: 'message', key: `message:${group}:empty`, text: TEXT.empty[group] }];
  return nodes;
}

/** Children that need no further daemon call (image layers do: see layerNodes). */
export function childNodes(node: ExplorerNode, state: TreeState): ExplorerNode[] {
  switch (node.kind) {
    case 'group':
      return groupChildren(state, node.group);
    case 'composeProject':
      return node.project.services.map((service) => ({ kind: 'composeService', key: `${node.key}/service:${service.name}`, service }));
    case 'composeService':
      return node.service.containers.map((container) => ({ kind: 'container', key: `container:${container.Id}`, container }));
    case 'container': {
      const c = node.container;
      const ports: ExplorerNode[] = publishedPorts(c).map((p) => ({
        kind: 'port',
        key: `${node.key}/port:${p.hostPort}/${p.protocol}`,
        container: c,
        ...p,
      }));
      const networks: ExplorerNode[] = Object.entries(c.NetworkSettings?.Networks ?? {})
        .sort(([a], [b]) => byText(a, b))
        .map(([name, n]) => ({ kind: 'containerNetwork', key: `${node.key}/network:${name}`, container: c, network: name, ip: n.IPAddress || undefined }));
      const mounts: ExplorerNode[] = (c.Mounts ?? []).map((mount) => ({
        kind: 'containerMount',
        key: `${node.key}/mount:${mount.Destination}`,
        container: c,
        mount,
      }));
      return [...ports, ...networks, ...mounts];
    }
    case 'network':
      return node.members.map((member) => ({ kind: 'networkMember', key: `${node.key}/member:${member.container.Id}`, network: node.network, member }));
    case 'volume':
      return node.users.map((use) => ({ kind: 'volumeUser', key: `${node.key}/user:${use.container.Id}:${use.destination}`, volume: node.volume, use }));
    case 'problem':
      return [
        ...node.problem.help.map((h, i): ExplorerNode => ({ kind: 'help', key: `problem/help:${i}`, text: h.text, command: h.command })),
        { kind: 'retry', key: 'problem/retry' },
      ];
    default:
      return [];
  }
}

/** Layers in Dockerfile order (the API answers newest first, like `docker history`). */
export function layerNodes(node: NodeOf<'image'>, history: readonly HistoryEntry[]): ExplorerNode[] {
  if (history.length === 0) return [{ kind: 'message', key: `${node.key}/layers:empty`, text: TEXT.empty.layers }];
  return [...history].reverse().map((entry, index) => ({ kind: 'layer', key: `${node.key}/layer:${index}`, image: node.image, entry, index: index + 1 }));
}

export function hasChildren(node: ExplorerNode): boolean {
  switch (node.kind) {
    case 'group':
    case 'image':
    case 'problem':
    case 'composeProject':
    case 'composeService':
      return true;
    case 'container':
      return publishedPorts(node.container).length > 0 || Object.keys(node.container.NetworkSettings?.Networks ?? {}).length > 0 || (node.container.Mounts ?? []).length > 0;
    case 'network':
      return node.members.length > 0;
    case 'volume':
      return node.users.length > 0;
    default:
      return false;
  }
}

const STATE_ICON: Record<string, { id: string; color?: string }> = {
  running: { id: 'vm-running', color: 'testing.iconPassed' },
  restarting: { id: 'debug-restart', color: 'editorWarning.foreground' },
  paused: { id: 'debug-pause', color: 'editorWarning.foreground' },
  created: { id: 'vm-outline' },
  exited: { id: 'vm-outline', color: 'disabledForeground' },
  dead: { id: 'error', color: 'errorForeground' },
  removing: { id: 'trash' },
};

export interface PresentOptions {
  lang: Lang;
  now?: number;
}

function tip(lines: Array<string | undefined | false>): string {
  return lines.filter((l): l is string => typeof l === 'string' && l.length > 0).join('\n\n');
}

/** The first `max` items and "+N": an image may carry hundreds of tags. */
function listSome(items: string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} +${items.length - max}` : items.join(', ');
}

function codeSpan(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

export function subnetsOf(network: NetworkSummary): string[] {
  return (network.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => Boolean(s));
}

export type NodeKind = ExplorerNode['kind'];

/** What every presenter reads besides its node: the language, the clock, and `pick` bound to the language. */
export interface PresentContext {
  lang: Lang;
  now: number;
  p: (text: Localized, args?: Record<string, string | number>) => string;
}

/** How one kind of node reads in the tree. */
export type Presenter<K extends NodeKind> = (node: NodeOf<K>, state: TreeState, ctx: PresentContext) => NodeView;

const GROUP_ICONS: Record<GroupId, string> = { containers: 'package', images: 'layers', networks: 'type-hierarchy-sub', volumes: 'database' };

const presentGroup: Presenter<'group'> = (node, state, { p }) => {
  const group = node.group;
  let description: string | undefined;
  const data = state.data[group];
  if (data) {
    if (group === 'containers') {
      const list = state.data.containers ?? [];
      description = p(TEXT.count.containers, { total: list.length, running: list.filter((c) => c.State === 'running').length });
    } else if (group === 'images') {
      const shown = imageNodes(state).length;
      const hidden = state.showDangling ? 0 : danglingCount(state);
      description = hidden > 0 ? p(TEXT.count.imagesWithHidden, { total: shown, hidden }) : p(TEXT.count.images, { total: shown });
    } else {
      description = p(TEXT.count[group], { total: data.length });
    }
  }
  const dangling = group === 'images' ? (state.showDangling ? '.danglingShown' : '.danglingHidden') : '';
  return {
    label: p(TEXT.group[group]),
    description,
    tooltip: () => p(TEXT.groupTooltip[group]),
    icon: { id: GROUP_ICONS[group] },
    contextValue: `group.${group}${dangling}`,
    collapsible: 'expanded',
  };
};

const RUNNING = new Set(['running', 'restarting']);

const presentComposeProject: Presenter<'composeProject'> = (node, _state, { p }) => {
  const project = node.project;
  const containers = project.services.flatMap((s) => s.containers);
  const running = containers.filter((c) => RUNNING.has(c.State)).length;
  return {
    label: project.name,
    description: p(TEXT.compose.projectDescription, { services: project.services.length, running, total: containers.length }),
    tooltip: () => tip([
      p(TEXT.compose.projectTooltip, { name: escapeMarkdown(project.name) }),
      project.workingDir && `${p(TEXT.compose.workingDir)}: ${codeSpan(project.workingDir)}`,
      project.configFiles.length > 0 && `${p(TEXT.compose.configFiles)}: ${project.configFiles.map(codeSpan).join(', ')}`,
      p(TEXT.compose.projectTryIt),
    ]),
    icon: { id: 'layers-active', color: running > 0 ? 'testing.iconPassed' : undefined },
    contextValue: `composeProject.${running > 0 ? 'running' : 'stopped'}`,
    collapsible: 'expanded',
  };
};

const presentComposeService: Presenter<'composeService'> = (node, _state, { p }) => {
  const service = node.service;
  const running = service.containers.filter((c) => RUNNING.has(c.State)).length;
  return {
    label: service.name,
    description: p(TEXT.compose.serviceDescription, { running, total: service.containers.length }),
    tooltip: () => p(TEXT.compose.serviceTooltip, { name: escapeMarkdown(service.name), project: codeSpan(service.project) }),
    icon: { id: 'symbol-class', color: running > 0 ? 'testing.iconPassed' : undefined },
    contextValue: `composeService.${running > 0 ? 'running' : 'stopped'}`,
    collapsible: 'expanded',
  };
};

const presentContainer: Presenter<'container'> = (node, _state, { p, lang, now }) => {
  const c = node.container;
  const name = containerName(c);
  const state = TEXT.state[c.State];
  const ports = publishedPorts(c);
  const networks = Object.keys(c.NetworkSettings?.Networks ?? {});
  return {
    label: name,
    // A container whose image was re-tagged or removed reports the bare image ID.
    description: `${c.Image.startsWith('sha256:') ? shortId(c.Image) : c.Image} · ${containerStatus(c.Status, lang)}`,
    tooltip: () => tip([
      p(TEXT.container.tooltipTitle, { name: escapeMarkdown(name) }),
      `${p(TEXT.container.state)}: ${state ? p(state) : escapeMarkdown(c.State)} — ${escapeMarkdown(containerStatus(c.Status, lang))}`,
      `${p(TEXT.container.image)}: ${codeSpan(c.Image)}`,
      c.Command && `${p(TEXT.container.command)}: ${codeSpan(c.Command)}`,
      `${p(TEXT.container.id)}: ${codeSpan(shortId(c.Id))} · ${p(TEXT.container.created)} ${age(c.Created, lang, now)}`,
      ports.length > 0 && `${p(TEXT.container.ports)}: ${ports.map((x) => codeSpan(`${x.hostPort}:${x.containerPort}/${x.protocol}`)).join(', ')}`,
      networks.length > 0 && `${p(TEXT.container.networks)}: ${networks.map(codeSpan).join(', ')}`,
      `${p(TEXT.container.tryIt)}: ${codeSpan(c.State === 'running' ? `docker logs ${name}` : `docker start ${name}`)}`,
    ]),
    icon: STATE_ICON[c.State] ?? { id: 'vm-outline' },
    contextValue: `container.${c.State}`,
    collapsible: hasChildren(node) ? 'collapsed' : 'none',
  };
};

const presentPort: Presenter<'port'> = (node, _state, { p }) => {
  const args = { host: node.hostPort, container: node.containerPort, protocol: node.protocol };
  const web = node.protocol === 'tcp';
  return {
    label: p(TEXT.port.label, args),
    description: web ? p(TEXT.port.description, args) : undefined,
    tooltip: () => tip([p(TEXT.port.tooltip, args), !web && p(TEXT.port.udp)]),
    icon: { id: web ? 'globe' : 'plug' },
    contextValue: web ? 'port.tcp' : 'port.udp',
    collapsible: 'none',
    command: web ? { command: 'dockerLabs.explorer.container.openPort', arguments: [node] } : undefined,
  };
};

const presentContainerNetwork: Presenter<'containerNetwork'> = (node, _state, { p }) => ({
  label: node.network,
  description: node.ip ? p(TEXT.containerNetwork.description, { ip: node.ip }) : p(TEXT.containerNetwork.noIp),
  icon: { id: 'type-hierarchy-sub' },
  contextValue: 'containerNetwork',
  collapsible: 'none',
});

const presentContainerMount: Presenter<'containerMount'> = (node, _state, { p }) => {
  const m = node.mount;
  const args = { name: m.Name ?? '', source: m.Source ?? '', destination: m.Destination, type: m.Type };
  const text = m.Type === 'volume' ? TEXT.mount.volume : m.Type === 'bind' ? TEXT.mount.bind : TEXT.mount.other;
  return {
    label: oneLine(p(text, { ...args, name: m.Name && /^[0-9a-f]{64}$/.test(m.Name) ? shortId(m.Name) : args.name }), 100),
    description: m.RW === false ? p(TEXT.mount.readOnly) : undefined,
    icon: { id: m.Type === 'volume' ? 'database' : 'folder' },
    contextValue: `containerMount.${m.Type}`,
    collapsible: 'none',
  };
};

const presentImage: Presenter<'image'> = (node, _state, { p, lang, now }) => {
  const image = node.image;
  const dangling = isDangling(image);
  const label = dangling ? `<none> ${shortId(image.Id)}` : node.ref;
  const description = [
    humanSize(image.Size),
    age(image.Created, lang, now),
    node.usedBy > 0 ? p(TEXT.image.usedBy, { count: node.usedBy }) : undefined,
    dangling ? p(TEXT.image.dangling) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    label,
    description,
    tooltip: () => tip([
      p(TEXT.image.tooltipTitle, { name: escapeMarkdown(label) }),
      dangling && p(TEXT.image.danglingTooltip),
      `ID: ${codeSpan(shortId(image.Id))} · ${p(TEXT.image.size)} ${humanSize(image.Size)} · ${p(TEXT.image.created)} ${age(image.Created, lang, now)}`,
      (image.RepoTags ?? []).length > 1 && `${p(TEXT.image.tags)}: ${listSome((image.RepoTags ?? []).map(codeSpan), 10)}`,
      (image.RepoDigests ?? []).length > 0 && `${p(TEXT.image.digest)}: ${codeSpan((image.RepoDigests ?? [])[0] ?? '')}`,
      node.usedBy > 0 && p(TEXT.image.usedByTooltip),
      p(TEXT.image.layersHint),
    ]),
    icon: { id: dangling ? 'circle-slash' : 'layers' },
    contextValue: dangling ? 'image.dangling' : 'image.tagged',
    collapsible: 'collapsed',
  };
};

const presentLayer: Presenter<'layer'> = (node, _state, { p }) => {
  const instruction = instructionOf(node.entry.CreatedBy);
  return {
    label: `${node.index}. ${oneLine(instruction || '—')}`,
    description: node.entry.Size > 0 ? humanSize(node.entry.Size) : `0B · ${p(TEXT.layer.metadata)}`,
    tooltip: () => tip([p(TEXT.layer.tooltip, { index: node.index }), '```dockerfile\n' + instruction.replace(/```/g, '` ` `') + '\n```', node.entry.Comment && escapeMarkdown(node.entry.Comment)]),
    icon: { id: node.entry.Size > 0 ? 'file-binary' : 'symbol-property' },
    contextValue: 'layer',
    collapsible: 'none',
  };
};

const presentNetwork: Presenter<'network'> = (node, _state, { p }) => {
  const n = node.network;
  const builtin = isBuiltinNetwork(n);
  const subnets = subnetsOf(n);
  const gateways = (n.IPAM?.Config ?? []).map((c) => c.Gateway).filter((g): g is string => Boolean(g));
  const names = node.members.map((m) => containerName(m.container));
  let lesson: string;
  if (n.Name === 'bridge') lesson = p(TEXT.network.defaultBridge);
  else if (n.Name === 'host') lesson = p(TEXT.network.host);
  else if (n.Name === 'none') lesson = p(TEXT.network.none);
  else if (names.length >= 2) lesson = p(TEXT.network.byName, { a: names[0] ?? '', b: names[1] ?? '' });
  else lesson = p(TEXT.network.byNameGeneric);
  return {
    label: n.Name,
    description: [n.Driver, ...subnets, builtin ? p(TEXT.network.builtin) : undefined].filter(Boolean).join(' · '),
    tooltip: () => tip([
      p(TEXT.network.tooltipTitle, { name: escapeMarkdown(n.Name) }) + (builtin ? ` (${p(TEXT.network.builtin)})` : ''),
      `${p(TEXT.network.driver)}: ${codeSpan(n.Driver)}` +
        (subnets.length ? ` · ${p(TEXT.network.subnet)}: ${subnets.map(codeSpan).join(', ')}` : '') +
        (gateways.length ? ` · ${p(TEXT.network.gateway)}: ${gateways.map(codeSpan).join(', ')}` : ''),
      p(TEXT.network.members, { count: node.members.length }),
      lesson,
    ]),
    icon: { id: builtin ? 'lock-small' : 'type-hierarchy-sub' },
    contextValue: builtin ? 'network.builtin' : 'network.custom',
    collapsible: hasChildren(node) ? 'collapsed' : 'none',
  };
};

const presentNetworkMember: Presenter<'networkMember'> = (node, _state, { p, lang }) => {
  const ip = node.member.ipv4 ?? node.member.ipv6;
  const c = node.member.container;
  return {
    label: containerName(c),
    description: ip ? p(TEXT.network.memberDescription, { ip }) : p(TEXT.network.memberNoIp),
    tooltip: () => tip([p(TEXT.container.tooltipTitle, { name: escapeMarkdown(containerName(c)) }), `${p(TEXT.container.state)}: ${escapeMarkdown(containerStatus(c.Status, lang))}`]),
    icon: STATE_ICON[c.State] ?? { id: 'vm-outline' },
    contextValue: isBuiltinNetwork(node.network) ? 'networkMember.builtin' : 'networkMember',
    collapsible: 'none',
  };
};

const presentVolume: Presenter<'volume'> = (node, _state, { p }) => {
  const v = node.volume;
  const anonymous = isAnonymousVolume(v) || /^[0-9a-f]{64}$/.test(v.Name);
  const label = anonymous ? shortId(v.Name) : v.Name;
  return {
    label,
    description: [v.Driver, anonymous ? p(TEXT.volume.anonymous) : undefined, node.users.length ? p(TEXT.volume.usedBy, { count: node.users.length }) : p(TEXT.volume.unused)]
      .filter(Boolean)
      .join(' · '),
    tooltip: () => tip([
      p(TEXT.volume.tooltipTitle, { name: escapeMarkdown(v.Name) }),
      `${p(TEXT.volume.driver)}: ${codeSpan(v.Driver)}` + (v.Mountpoint ? ` · ${p(TEXT.volume.mountpoint)}: ${codeSpan(v.Mountpoint)}` : ''),
      node.users.length > 0 && node.users.map((u) => `- ${escapeMarkdown(containerName(u.container))} → ${codeSpan(u.destination)}`).join('\n'),
      p(TEXT.volume.keep),
    ]),
    icon: { id: 'database' },
    contextValue: node.users.length > 0 ? 'volume.used' : 'volume.unused',
    collapsible: hasChildren(node) ? 'collapsed' : 'none',
  };
};

const presentVolumeUser: Presenter<'volumeUser'> = (node, _state, { p }) => {
  const c = node.use.container;
  return {
    label: containerName(c),
    description: p(TEXT.volume.userDescription, { destination: node.use.destination }) + (node.use.readOnly ? ` · ${p(TEXT.mount.readOnly)}` : ''),
    icon: STATE_ICON[c.State] ?? { id: 'vm-outline' },
    contextValue: 'volumeUser',
    collapsible: 'none',
  };
};

const presentProblem: Presenter<'problem'> = (node, state, { p }) => ({
  label: p(TEXT.problem.label, { endpoint: state.endpoint }),
  description: p(node.problem.cause),
  tooltip: () => tip([p(TEXT.problem.label, { endpoint: codeSpan(state.endpoint) }), escapeMarkdown(p(node.problem.message)), node.problem.detail && codeSpan(node.problem.detail)]),
  icon: { id: 'error', color: 'errorForeground' },
  contextValue: 'problem',
  collapsible: 'expanded',
});

const presentHelp: Presenter<'help'> = (node, _state, { p }) => ({
  label: p(node.text),
  description: node.command,
  tooltip: () => (node.command ? codeSpan(node.command) : ''),
  icon: { id: node.command ? 'terminal' : 'info' },
  contextValue: node.command ? 'help.command' : 'help',
  collapsible: 'none',
});

const presentRetry: Presenter<'retry'> = (_node, _state, { p }) => ({
  label: p(TEXT.problem.retry),
  tooltip: () => p(TEXT.problem.retryTooltip),
  icon: { id: 'refresh' },
  contextValue: 'retry',
  collapsible: 'none',
  command: { command: 'dockerLabs.explorer.refresh', arguments: [] },
});

const presentMessage: Presenter<'message'> = (node, state, { p }) => {
  let args = node.args;
  if (node.error) {
    const group = node.key.split(':')[1] as GroupId;
    const failure = state.groupErrors[group];
    args = { ...args, cause: failure ? p(failure.cause) : '' };
  }
  return {
    label: p(node.text, args),
    icon: node.error ? { id: 'warning', color: 'editorWarning.foreground' } : { id: 'info' },
    contextValue: node.error ? 'message.error' : 'message',
    collapsible: 'none',
  };
};

/** One presenter per kind of node; a kind without one does not compile. */
export const PRESENTERS: { readonly [K in NodeKind]: Presenter<K> } = {
  group: presentGroup,
  composeProject: presentComposeProject,
  composeService: presentComposeService,
  container: presentContainer,
  port: presentPort,
  containerNetwork: presentContainerNetwork,
  containerMount: presentContainerMount,
  image: presentImage,
  layer: presentLayer,
  network: presentNetwork,
  networkMember: presentNetworkMember,
  volume: presentVolume,
  volumeUser: presentVolumeUser,
  problem: presentProblem,
  help: presentHelp,
  retry: presentRetry,
  message: presentMessage,
};

/** How a node reads in the tree, in the learner's language. */
export function present(node: ExplorerNode, state: TreeState, options: PresentOptions): NodeView {
  const { lang } = options;
  const ctx: PresentContext = { lang, now: options.now ?? Date.now(), p: (text, args) => pick(text, lang, args) };
  // The table pairs each kind with its presenter; TypeScript cannot follow the pairing through an index.
  const presenter = PRESENTERS[node.kind] as Presenter<NodeKind>;
  return presenter(node, state, ctx);
}
