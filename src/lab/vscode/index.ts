import type * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';

// FOUNDATION STUB: replaced by the lab capability.
export function registerLabs(_context: vscode.ExtensionContext, _docker: DockerService): void {}
