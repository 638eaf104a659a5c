// Quick inputs for the actions that need answers: `docker run` options, a new tag, a
// network or volume name. Each step validates as the learner types and says what
// the equivalent CLI flag is, so the dialog teaches the command it builds.
import * as vscode from 'vscode';
import type Dockerode from 'dockerode';
import { pick, type Lang } from '../../util/i18n';
import { containerName, isBuiltinNetwork } from '../daemonLists';
import type { TreeState } from '../tree';
import { parseEnv, parsePorts, validateContainerName, type RunOptions } from '../run';
import { isValidImageRef } from '../../docker';

export interface PromptContext {
  state: TreeState;
  lang: () => Lang;
  client: () => Dockerode;
}

/** Suggests `-p` mappings from the image's EXPOSE lines: 80 → 8080:80, 3306 → 3306:3306. */
async function suggestedPorts(client: Dockerode, image: string): Promise<string> {
  try {
    const info = (await client.getImage(image).inspect()) as { Config?: { ExposedPorts?: Record<string, unknown> } };
    return Object.keys(info.Config?.ExposedPorts ?? {})
      .map((key) => {
        const [port, protocol] = key.split('/');
        const n = Number(port);
        const host = n < 1024 ? 8000 + n : n;
        return `${host}:${n}${protocol && protocol !== 'tcp' ? `/${protocol}` : ''}`;
      })
      .join(' ');
  } catch {
    return '';
  }
}

export async function promptRunOptions(ctx: PromptContext, image: string): Promise<RunOptions | undefined> {
  const title = (step: number) => vscode.l10n.t('docker run {0} ({1}/4)', image, step);
  const taken = new Set((ctx.state.data.containers ?? []).map((c) => containerName(c)));
  const name = await vscode.window.showInputBox({
    title: title(1),
    prompt: vscode.l10n.t('Container name (--name). Leave empty and Docker picks one.'),
    placeHolder: 'my-web',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const bad = validateContainerName(value.trim());
      if (bad) return pick(bad, ctx.lang());
      if (taken.has(value.trim())) return vscode.l10n.t('A container named {0} already exists: pick another name or remove it first (docker rm {0}).', value.trim());
      return undefined;
    },
  });
  if (name === undefined) return undefined;

  const ports = await vscode.window.showInputBox({
    title: title(2),
    prompt: vscode.l10n.t('Published ports (-p HOST:CONTAINER), separated by spaces. Leave empty for none.'),
    value: await suggestedPorts(ctx.client(), image),
    placeHolder: '8080:80',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parsePorts(value);
      return 'error' in parsed ? pick(parsed.error, ctx.lang(), { value: parsed.value }) : undefined;
    },
  });
  if (ports === undefined) return undefined;

  const networks = [...(ctx.state.data.networks ?? [])].sort((a, b) => Number(isBuiltinNetwork(a)) - Number(isBuiltinNetwork(b)) || a.Name.localeCompare(b.Name));
  const defaultItem: vscode.QuickPickItem = { label: 'bridge', description: vscode.l10n.t('default: reachable by IP only') };
  const networkItems: vscode.QuickPickItem[] = [
    defaultItem,
    ...networks.filter((n) => n.Name !== 'bridge').map((n) => ({
      label: n.Name,
      description: isBuiltinNetwork(n) ? n.Driver : vscode.l10n.t('user-defined: containers reach each other by name'),
    })),
  ];
  const network = await vscode.window.showQuickPick(networkItems, {
    title: title(3),
    placeHolder: vscode.l10n.t('Network (--network)'),
    ignoreFocusOut: true,
  });
  if (network === undefined) return undefined;

  const env = await vscode.window.showInputBox({
    title: title(4),
    prompt: vscode.l10n.t('Environment variables (-e KEY=VALUE), separated by spaces; quote values with spaces. Leave empty for none.'),
    placeHolder: 'MYSQL_ROOT_PASSWORD=rootpass MYSQL_DATABASE=testdb',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseEnv(value);
      return 'error' in parsed ? pick(parsed.error, ctx.lang(), { value: parsed.value }) : undefined;
    },
  });
  if (env === undefined) return undefined;

  const parsedPorts = parsePorts(ports);
  const parsedEnv = parseEnv(env);
  return {
    image,
    name: name.trim() || undefined,
    ports: 'ports' in parsedPorts ? parsedPorts.ports : [],
    network: network === defaultItem ? undefined : network.label,
    env: 'env' in parsedEnv ? parsedEnv.env : [],
  };
}

export function promptReference(options: { title: string; prompt: string; value?: string; placeHolder: string }): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    ...options,
    ignoreFocusOut: true,
    validateInput: (value) =>
      isValidImageRef(value.trim(), { digest: false }) ? undefined : vscode.l10n.t('Not an image name: use lower-case repository[:tag], e.g. my-app:1.0 or nginx:alpine.'),
  }).then((v) => v?.trim());
}

/** A network or volume name (the daemon's rule: a letter or digit, then letters, digits, _ . -). */
export function promptObjectName(options: { title: string; prompt: string; placeHolder: string; taken: ReadonlySet<string>; optional?: boolean }): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    validateInput: (raw) => {
      const value = raw.trim();
      if (!value) return options.optional ? undefined : vscode.l10n.t('Enter a name.');
      if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(value)) return vscode.l10n.t('Use letters, digits, _ . - only, starting with a letter or digit.');
      if (options.taken.has(value)) return vscode.l10n.t('{0} already exists.', value);
      return undefined;
    },
  }).then((v) => v?.trim());
}

export function promptSubnet(title: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Subnet (--subnet), e.g. 172.19.0.0/24. Leave empty and Docker picks one.'),
    placeHolder: '172.19.0.0/24',
    ignoreFocusOut: true,
    validateInput: (raw) => {
      const value = raw.trim();
      if (!value) return undefined;
      const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
      const ok = m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
      return ok ? undefined : vscode.l10n.t('Not a subnet: write it as an IPv4 network in CIDR form, e.g. 172.19.0.0/24.');
    },
  }).then((v) => v?.trim());
}
