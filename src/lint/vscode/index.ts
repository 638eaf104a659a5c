import type * as vscode from 'vscode';

// FOUNDATION STUB: replaced by the linter capability.
export function registerLinter(_context: vscode.ExtensionContext): void {}
