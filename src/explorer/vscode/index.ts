import type * as vscode from 'vscode';
import type { DockerService } from '../../docker/vscode';

// FOUNDATION STUB: replaced by the explorer capability.
export function registerExplorer(_context: vscode.ExtensionContext, _docker: DockerService): void {}
