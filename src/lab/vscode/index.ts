// Editor glue for the lab engine: commands and walkthrough context keys. Built-in sessions
// live in the extension's exercises/. Only the command handlers and the lab store (progress, walkthrough keys) load
// at activation; the LabManager (and with it the engine: markdown-it, yaml, ajv) is required
// on the first lab command.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';
import { parseViewMessage } from '../view/protocol';
import { LabStore } from './labStore';
import { LabsTreeProvider } from './labsView';
import type { LabManager } from './manager';
import type { LabSession } from './session';

function asString(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** A Labs view node (its inline actions pass it) or a session id / step id given as strings. */
function sessionAndStep(first: unknown, second?: unknown): { sessionId?: string; stepId?: string } {
  if (first && typeof first === 'object' && 'sessionId' in first) {
    const node = first as { sessionId?: unknown; stepId?: unknown };
    return { sessionId: asString(node.sessionId), stepId: asString(node.stepId) };
  }
  return { sessionId: asString(first), stepId: asString(second) };
}

/** What other capabilities may ask the labs (through extension.ts): the open lab, without loading the engine when none is. */
export interface LabsApi {
  /** The lab opened most recently and the objects it owns for my pair (its reset scope); undefined when no lab is open. */
  activeLab(): { title: string; objects: { containers: string[]; images: string[]; networks: string[]; volumes: string[] } } | undefined;
  /** A lab opened, closed or reloaded. */
  readonly onDidChangeLabs: vscode.Event<void>;
}

export function registerLabs(context: vscode.ExtensionContext, docker: DockerService): LabsApi {
  const store = new LabStore(context.globalState, context.extension);
  // Walkthrough steps tick from context keys: restore them now, without loading the engine.
  void store.restoreContextKeys();

  const labsChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(labsChanged);
  let loaded: LabManager | undefined;
  const getManager = (): LabManager => {
    if (!loaded) {
      const { LabManager: Manager } = require('./manager') as typeof import('./manager');
      const created = new Manager(context, docker, store);
      loaded = created;
      context.subscriptions.push(created, created.onDidChangeSessions(() => labsChanged.fire()));
    }
    return loaded;
  };

  const register = (id: string, fn: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };

  const labsTree = new LabsTreeProvider(store, getManager);
  context.subscriptions.push(labsTree, vscode.window.createTreeView('dockerLabs.labs', { treeDataProvider: labsTree, showCollapseAll: true }));
  // Internal (not contributed): what the Labs view shows, for the tests.
  register('dockerLabs.lab.labsViewItems', () => labsTree.sessions());
  // Internal (not contributed): a message as the lab page would post it, for the tests.
  register('dockerLabs.lab.viewMessage', async (raw?: unknown) => {
    const message = parseViewMessage(raw);
    const session = message ? getManager().session(message.sessionId) : undefined;
    return message && session ? session.handle(message) : undefined;
  });

  register('dockerLabs.lab.open', async (arg?: unknown, stepArg?: unknown) => {
    if (arg && typeof arg === 'object' && 'sessionId' in arg) {
      const { sessionId, stepId } = sessionAndStep(arg);
      const session = sessionId ? await getManager().byId(sessionId) : undefined;
      if (session && stepId) session.focusStep(stepId);
      return session;
    }
    if (arg instanceof vscode.Uri) return arg.fsPath.toLowerCase().endsWith('.md') ? getManager().openMarkdown(arg) : getManager().open({ kind: 'folder', path: arg.fsPath });
    const id = asString(arg);
    // An absolute path (a walkthrough link, a test) opens that file or folder.
    if (id && path.isAbsolute(id) && fs.existsSync(id)) {
      return id.toLowerCase().endsWith('.md') ? getManager().openMarkdown(vscode.Uri.file(id)) : getManager().open({ kind: 'folder', path: id });
    }
    if (!id) return getManager().pickBuiltin();
    const session = await getManager().byId(id);
    const stepId = asString(stepArg);
    if (session && stepId) session.focusStep(stepId);
    return session;
  });

  register('dockerLabs.lab.openMarkdown', async (arg?: unknown) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !uri.fsPath.toLowerCase().endsWith('.md')) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to use it as a Docker lab.'));
      return undefined;
    }
    return getManager().openMarkdown(uri);
  });

  register('dockerLabs.lab.runStep', async (sessionArg?: unknown, stepArg?: unknown) => {
    const { sessionId, stepId } = sessionAndStep(sessionArg, stepArg);
    if (!sessionId || !stepId) return undefined;
    const session = await getManager().byId(sessionId);
    session?.focusStep(stepId);
    return session?.runStep(stepId);
  });

  register('dockerLabs.lab.checkStep', async (sessionArg?: unknown, stepArg?: unknown) => {
    const { sessionId, stepId } = sessionAndStep(sessionArg, stepArg);
    if (!sessionId || !stepId) return undefined;
    const session = await getManager().byId(sessionId);
    session?.focusStep(stepId);
    return session?.check(stepId);
  });

  const sessionCommand = (id: string, fn: (s: LabSession) => Promise<unknown>): void =>
    register(id, async (arg?: unknown) => {
      const sessionId = sessionAndStep(arg).sessionId ?? getManager().openIds().pop();
      const session = sessionId ? await getManager().byId(sessionId) : await getManager().pickBuiltin();
      return session ? fn(session) : undefined;
    });
  sessionCommand('dockerLabs.lab.reset', (s) => s.resetLab());
  sessionCommand('dockerLabs.lab.prepull', (s) => s.prepull());
  sessionCommand('dockerLabs.lab.resetProgress', (s) => s.resetProgress());
  register('dockerLabs.lab.exportProgress', () => getManager().exportAll());
  // No manager yet means no lab is open: answer without loading the engine.
  return { activeLab: () => loaded?.activeLab(), onDidChangeLabs: labsChanged.event };
}
