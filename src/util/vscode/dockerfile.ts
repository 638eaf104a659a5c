// Which documents are Dockerfiles, for every capability that serves them (the linter,
// the language features) and for the entry, which loads those on the first one opened.
import * as vscode from 'vscode';

/** Dockerfiles: the `dockerfile` language and the usual file names (also when another extension claims them). */
export const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { pattern: '**/Dockerfile' },
  { pattern: '**/*.Dockerfile' },
  { pattern: '**/Dockerfile.*' },
  { pattern: '**/Containerfile' },
  { pattern: '**/Containerfile.*' },
  { pattern: '**/*.dockerfile' },
];

/** The same file names, for vscode.workspace.findFiles (with the folders no one builds from left out). */
export const DOCKERFILE_GLOB = '**/{Dockerfile,*.Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,*.dockerfile}';
export const DOCKERFILE_GLOB_EXCLUDE = '**/{node_modules,.git}/**';

export function isDockerfile(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm' || doc.uri.scheme === 'git') return false;
  // `Dockerfile.dockerignore` (a Dockerfile's own ignore file) matches `Dockerfile.*` but is no Dockerfile.
  if (isDockerignore(doc)) return false;
  return vscode.languages.match(DOCKERFILE_SELECTOR, doc) > 0;
}

/** `.dockerignore` files (VS Code's `ignore` language), which the language features complete, and Dockerfile-specific ones (`app.Dockerfile.dockerignore`). */
export function isDockerignore(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme !== 'output' && /\.dockerignore$/.test(doc.uri.path);
}

/** The workspace's Dockerfiles by name (the selector's patterns), dependencies and Git data left out. */
export async function findWorkspaceDockerfiles(): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles(DOCKERFILE_GLOB, DOCKERFILE_GLOB_EXCLUDE);
  return uris.filter((uri) => !/\.dockerignore$/.test(uri.path));
}
