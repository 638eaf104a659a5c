// The live network diagram as mermaid text, from the explorer's model: one subgraph per
// network with the containers only it holds; a container on several networks is drawn
// once, outside them, with an edge (labelled with its IP) to each. Built-in networks are
// drawn faintly, and only when a container uses them. Names come from the daemon (user
// input): they never become mermaid identifiers (nodes are n0, c0…) and every label
// character outside a small safe set is written as a mermaid entity code (#60;), so a
// name cannot close a label, add a statement or smuggle HTML.
import { pick, type Lang } from '../util/i18n';
import { containerName, isBuiltinNetwork, publishedPorts, sortBy, type ContainerNetwork, type ContainerSummary, type GroupData, type NetworkSummary } from './daemonLists';
import { TEXT } from './explorerText';
import { containerMatches, isFilterSet, networkMatches, type ActiveFilter } from './filter';

export interface NetworkDiagram {
  /** The flowchart; empty when there is nothing to draw. */
  source: string;
  networks: number;
  containers: number;
}

/** Mermaid label text: safe characters as they are, everything else as `#<code point>;`. */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) out += /[\p{L}\p{N} _.,:/()→·-]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

function label(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join('<br/>')}"`;
}

function portText(c: ContainerSummary): string[] {
  return publishedPorts(c).map((p) => `${p.hostIp ? `${p.hostIp}:` : ''}${p.hostPort}→${p.containerPort}/${p.protocol}`);
}

/** Names other containers may use for this one on a network, besides its own name (the list's Aliases/DNSNames, Compose's service). */
function aliasesOf(c: ContainerSummary, attachment: ContainerNetwork): string[] {
  const name = containerName(c);
  const names = [...(attachment.Aliases ?? []), ...(attachment.DNSNames ?? []), c.Labels?.['com.docker.compose.service'] ?? ''];
  return [...new Set(names)].filter((a) => a && a !== name && !c.Id.startsWith(a));
}

export function networkDiagram(data: Partial<GroupData>, lang: Lang, filter?: ActiveFilter): NetworkDiagram {
  const active = filter && isFilterSet(filter) ? filter : undefined;
  const networks = data.networks ?? [];
  const byName = new Map(networks.map((n) => [n.Name, n]));
  const byId = new Map(networks.map((n) => [n.Id, n]));
  const containers = sortBy((data.containers ?? []).filter((c) => !active || containerMatches(c, active)), containerName);

  type Attachment = { network: NetworkSummary; ip?: string; aliases: string[] };
  const attachments = new Map<ContainerSummary, Attachment[]>();
  const used = new Set<NetworkSummary>();
  for (const c of containers) {
    const list: Attachment[] = [];
    for (const [name, a] of Object.entries(c.NetworkSettings?.Networks ?? {})) {
      const network = (a.NetworkID && byId.get(a.NetworkID)) || byName.get(name);
      if (!network) continue;
      list.push({ network, ip: a.IPAddress || undefined, aliases: aliasesOf(c, a) });
      used.add(network);
    }
    attachments.set(c, list);
  }
  // A network the filter admits, or one an admitted container is on (the isolated container's bridge).
  const drawn = sortBy(
    networks.filter((n) => used.has(n) || (!isBuiltinNetwork(n) && (!active || networkMatches(n, active)))),
    (n) => n.Name,
    (n) => (isBuiltinNetwork(n) ? 1 : 0),
  );
  if (drawn.length === 0 && containers.length === 0) return { source: '', networks: 0, containers: 0 };

  const netId = new Map(drawn.map((n, i) => [n, `n${i}`]));
  const lines = ['flowchart LR'];
  const nodeOf = (c: ContainerSummary, i: number, ip?: string, aliases: readonly string[] = []): string => {
    const running = c.State === 'running';
    const text = [containerName(c), c.Image];
    if (ip) text.push(ip);
    if (aliases.length) text.push(`${pick(TEXT.diagram.aliases, lang)}: ${aliases.join(', ')}`);
    text.push(...portText(c));
    if (!running) text.push(`(${c.State})`);
    return `c${i}[${label(text)}]:::${running ? 'running' : 'stopped'}`;
  };
  const outside: string[] = [];
  const inside = new Map<NetworkSummary, string[]>();
  containers.forEach((c, i) => {
    const list = attachments.get(c) ?? [];
    const only = list.length === 1 ? list[0] : undefined;
    if (only) {
      const members = inside.get(only.network) ?? [];
      members.push(`    ${nodeOf(c, i, only.ip, only.aliases)}`);
      inside.set(only.network, members);
      return;
    }
    outside.push(`  ${nodeOf(c, i, undefined, [...new Set(list.flatMap((a) => a.aliases))])}`);
    for (const a of list) outside.push(`  c${i} ---${a.ip ? `|${label([a.ip])}|` : ''} ${netId.get(a.network)}`);
  });
  for (const n of drawn) {
    const subnets = (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => Boolean(s));
    const title = [n.Name, n.Driver, ...subnets, ...(isBuiltinNetwork(n) ? [pick(TEXT.network.builtin, lang)] : [])].join(' · ');
    lines.push(`  subgraph ${netId.get(n)}[${label([title])}]`);
    // A network no container uses gets a placeholder, so that it reads as an empty box.
    const members = inside.get(n) ?? (used.has(n) ? [] : [`    e${netId.get(n)}[${label([pick(TEXT.diagram.emptyNetwork, lang)])}]:::empty`]);
    lines.push(...members);
    lines.push('  end');
    if (isBuiltinNetwork(n)) lines.push(`  style ${netId.get(n)} opacity:0.55,stroke-dasharray:6 4`);
  }
  lines.push(...outside);
  lines.push(
    '  classDef running stroke-width:2px',
    '  classDef stopped stroke-dasharray:4 3,opacity:0.6',
    '  classDef empty opacity:0.5,stroke-dasharray:2 2',
  );
  return { source: lines.join('\n') + '\n', networks: drawn.length, containers: containers.length };
}
