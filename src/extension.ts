// Wires the capabilities together; each one registers its own views, commands
// and providers. Nothing heavy is imported here: dockerode and markdown-it load
// on first use inside the capability that needs them.
import * as vscode from 'vscode';
import { registerExplorer, type ExplorerApi } from './explorer/vscode';
import { registerLinter } from './lint/vscode';
import { registerLabs } from './lab/vscode';
import { registerLanguageFeatures } from './language/vscode';
import { DockerService } from './docker/vscode';

export interface DockerLabsApi {
  /** Milliseconds from activate() entry to its return (read by tests and the benchmark). */
  readonly activationMs: number;
  readonly docker: DockerService;
  /** The Docker explorer's model and tree provider (read by the extension-host tests). */
  readonly explorer: ExplorerApi;
}

export function activate(context: vscode.ExtensionContext): DockerLabsApi {
  const started = performance.now();
  const docker = new DockerService(context);
  const explorer = registerExplorer(context, docker);
  registerLinter(context);
  registerLanguageFeatures(context);
  registerLabs(context, docker);
  return { activationMs: performance.now() - started, docker, explorer };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
