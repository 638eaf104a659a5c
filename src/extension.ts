// Wires the capabilities together; each one registers its own views, commands and
// providers in its src/<name>/vscode/index.ts. Activation loads only this file and the
// docker capability (the status bar names the endpoint); every other capability is a
// bundle of its own (scripts/build.mjs) that loads on first use (src/chunks.ts).
import * as vscode from 'vscode';
import type { ExplorerApi } from './explorer/vscode';
import type { ClassApi } from './class/vscode';
import type { BuildApi } from './build/vscode';
import { DockerService } from './docker/vscode';
import { registerTerminalHelp } from './terminalHelp/vscode';
import { Chunks, hasStoredState } from './chunks';
import { isDockerfile, isDockerignore } from './util/vscode/dockerfile';
import { isComposeDocument } from './util/vscode/compose';

export interface DockerLabsApi {
  /** Milliseconds from activate() entry to its return (read by tests and the benchmark). */
  readonly activationMs: number;
  readonly docker: DockerService;
  /** The Docker explorer's model and tree provider (read by the extension-host tests); loads the explorer on first read. */
  readonly explorer: Promise<ExplorerApi>;
  /** The instructor's Class view (read by the extension-host tests); loads it on first read. */
  readonly classroom: Promise<ClassApi>;
  /** Build Image and its cache map: the images built here and the last map (read by the tests); loads it on first read. */
  readonly build: Promise<BuildApi>;
  /** The capability bundles loaded lazily: which there are, which have loaded, and a way to load one now (tests). */
  readonly capabilities: Pick<Chunks, 'names' | 'loaded' | 'load'>;
}

export function activate(context: vscode.ExtensionContext): DockerLabsApi {
  const started = performance.now();
  const docker = new DockerService(context);
  const chunks = new Chunks(context);

  // One line per capability bundle: its require() (a lazy import of its vscode/index.ts,
  // which the build turns into require('./<name>.js')), its register<X>(), and what loads
  // it besides its contributed commands and views.
  chunks.define('lint', () => (require('./lint/vscode') as typeof import('./lint/vscode')).registerLinter(context), { onDocument: isDockerfile });
  // The explorer's "this lab only" asks the labs only when their bundle has loaded (a lab can be open only then).
  const labs = (): Promise<import('./lab/vscode').LabsApi> | undefined => (lab.isLoaded ? lab.load() : undefined);
  const explorer = chunks.define('explorer', () => (require('./explorer/vscode') as typeof import('./explorer/vscode')).registerExplorer(context, docker, labs));
  chunks.define('language', () => (require('./language/vscode') as typeof import('./language/vscode')).registerLanguageFeatures(context), { onDocument: (doc) => isDockerfile(doc) || isDockerignore(doc) });
  chunks.define('compose', () => (require('./compose/vscode') as typeof import('./compose/vscode')).registerComposeEditor(context), { onDocument: isComposeDocument });
  // Walkthrough steps tick from context keys that the labs restore from stored progress.
  const lab = chunks.define('lab', () => (require('./lab/vscode') as typeof import('./lab/vscode')).registerLabs(context, docker), { soon: hasStoredState(context, 'lab'), views: ['dockerLabs.labs'] });
  const classroom = chunks.define('class', () => (require('./class/vscode') as typeof import('./class/vscode')).registerClass(context, docker));
  const build = chunks.define('build', () => (require('./build/vscode') as typeof import('./build/vscode')).registerBuild(context, docker));

  // Not a lazy chunk: it must be listening when a command starts (its output is read from then on).
  registerTerminalHelp(context);

  const capabilities = { names: () => chunks.names(), loaded: () => chunks.loaded(), load: (name: string) => chunks.load(name) };
  return {
    activationMs: performance.now() - started,
    docker,
    get explorer() {
      return explorer.load();
    },
    get classroom() {
      return classroom.load();
    },
    get build() {
      return build.load();
    },
    capabilities,
  };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
