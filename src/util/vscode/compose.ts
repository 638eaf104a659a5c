// Which documents are compose files, for the compose editor and for the entry, which
// loads it on the first one opened (whatever language another extension gives them:
// `yaml`, or Container Tools' `dockercompose`).
import * as vscode from 'vscode';
import { isComposeFileName } from '../composeFile';

export const COMPOSE_SELECTOR: vscode.DocumentSelector = [
  { pattern: '**/{compose.yaml,compose.yml,docker-compose.yaml,docker-compose.yml,docker-compose.*.yaml,docker-compose.*.yml}' },
];

export function isComposeDocument(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm' || doc.uri.scheme === 'git') return false;
  return isComposeFileName(doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1));
}
