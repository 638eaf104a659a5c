// Shared helpers for extension-host tests (test/suite/**/*.test.ts).
// Each test file is bundled on its own, so anything shared between files (the
// figures recorded for the result file) lives on globalThis, not in this module.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DockerLabsApi } from '../../src/extension';
import { runProcess, type CliRun } from '../support/cli';

export const EXTENSION_ID = 'docker-labs.docker-labs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const FIGURES = Symbol.for('dockerLabs.test.figures');

function figureStore(): Figure[] {
  const holder = globalThis as unknown as Record<symbol, Figure[] | undefined>;
  return (holder[FIGURES] ??= []);
}

/** Adds a measurement to the suite's result file (`figures`), e.g. activation time. */
export function recordFigure(name: string, value: number, unit: string): void {
  figureStore().push({ name, value, unit });
}

export function recordedFigures(): Figure[] {
  return [...figureStore()];
}

export function extension(): vscode.Extension<DockerLabsApi> {
  const ext = vscode.extensions.getExtension<DockerLabsApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return ext;
}

/** Activates Docker Labs (if not yet active) and returns its API. */
export async function activateExtension(): Promise<DockerLabsApi> {
  return extension().activate();
}

/** The extension's package.json as shipped (not localized), read from its folder. */
export function manifest(): PackageManifest {
  return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as PackageManifest;
}

export interface PackageManifest {
  activationEvents?: string[];
  contributes?: {
    commands?: { command: string; title: string }[];
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    views?: Record<string, { id: string; name: string }[]>;
    walkthroughs?: { id: string; title: string; steps: { id: string; title: string; completionEvents?: string[] }[] }[];
  };
  [key: string]: unknown;
}

/**
 * The temp folder the launcher opened as the workspace; tests may create files
 * in it (it is deleted after the run).
 */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the launcher opens a temp folder)');
  return folder.uri.fsPath;
}

/** The UI language the launcher asked for ('en' when run some other way). */
export function requestedLocale(): string {
  return process.env.DOCKER_LABS_TEST_LOCALE ?? 'en';
}

/**
 * `docker <args>` against the daemon the launcher named (DOCKER_HOST): its exit code and whole
 * output, never a rejection (a missing CLI is exit code 127, so a suite can skip or fail on it).
 */
export function docker(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runProcess('docker', args, { env: { ...process.env, DOCKER_CLI_HINTS: 'false', ...env } }).catch((e: Error) => ({ code: 127, stdout: '', stderr: e.message }));
}

/** `docker <args>` that must succeed; its output, trimmed. */
export async function dockerOk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const r = await docker(args, env);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}
