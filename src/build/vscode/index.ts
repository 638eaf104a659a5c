// "Build Image" (editor title, file explorer, palette): asks for the tag, runs
// `docker build -t TAG -f FILE .` in an integrated terminal from the Dockerfile's folder (the
// learner sees the exact line and its output), reads that output back through shell
// integration, and then shows the cache map on the Dockerfile: which instructions reused
// their cached layer and which rebuilt, with each layer's size (the image history) and time.
import * as path from 'path';
import * as vscode from 'vscode';
import { buildCacheMap, BuiltImages, defaultTag, isBuildTag, TimedOutput, type BuiltImage, type CacheMapLine, type HistoryEntry } from '..';
import { cliEnvironment, describeDockerError, describeDockerOutput } from '../../docker';
import type { DockerService } from '../../docker/vscode';
import { ignoreShellExecution } from '../../terminalHelp/vscode';
import { stripAnsi } from '../../util/ansi';
import { commandLine } from '../../util/format';
import { uiLang } from '../../util/vscode/lang';
import { findWorkspaceDockerfiles, isDockerfile } from '../../util/vscode/dockerfile';
import { runInShell, waitForShellIntegration } from '../../util/vscode/shellExecution';
import { CacheMapDecorations, type DecoratedLine } from './decorations';

export type { BuiltImage, DecoratedLine };

export const BUILD_IMAGE_COMMAND = 'dockerLabs.build.image';
/** A build's output is read whole (the steps are in it); a runaway one is cut here. */
const MAX_OUTPUT = 4 * 1024 * 1024;
const INTEGRATION_WAIT_MS = 10_000;

export interface BuildOutcome {
  dockerfile: vscode.Uri;
  tag: string;
  /** The line typed in the terminal. */
  commandLine: string;
  /** False when the terminal had no shell integration: the build ran, unobserved. */
  observed: boolean;
  exitCode?: number;
  succeeded: boolean;
  imageId?: string;
  /** The cache map (also when the build failed: the failed line and those that did not run). */
  map?: CacheMapLine[];
  /** What went wrong, as shown to the learner. */
  problem?: string;
}

/** The build capability as other capabilities (and the tests) see it. */
export interface BuildApi {
  /** Builds `dockerfile` (else the active or a picked Dockerfile) as `tag` (else asked). */
  build(dockerfile?: vscode.Uri, tag?: string): Promise<BuildOutcome | undefined>;
  /** Every image built in this workspace, newest first: which Dockerfile, which tag, when. */
  builtImages(): BuiltImage[];
  /** The Dockerfile that built an image (full or short id). */
  builtImage(imageId: string): BuiltImage | undefined;
  /** The last build's cache map. */
  lastCacheMap(): { dockerfile: vscode.Uri; map: CacheMapLine[] } | undefined;
  /** The cache-map decorations the editors of `dockerfile` show now. */
  decorations(dockerfile: vscode.Uri): DecoratedLine[];
}

export function registerBuild(context: vscode.ExtensionContext, docker: DockerService): BuildApi {
  const images = new BuiltImages(context.workspaceState);
  const decorations = new CacheMapDecorations();
  const terminals = new BuildTerminals();
  let last: { dockerfile: vscode.Uri; map: CacheMapLine[] } | undefined;
  let running = false;

  async function build(dockerfileArg?: vscode.Uri, tagArg?: string): Promise<BuildOutcome | undefined> {
    if (running) {
      void vscode.window.showWarningMessage(vscode.l10n.t('A build is already running in the Docker Labs: Build terminal. Wait for it to end.'));
      return undefined;
    }
    const dockerfile = dockerfileArg ?? (await chooseDockerfile());
    if (!dockerfile) return undefined;
    // docker builds from a folder on this machine: an unsaved or remote document has none.
    if (dockerfile.scheme !== 'file') {
      void vscode.window.showErrorMessage(vscode.l10n.t('Save the Dockerfile in a folder of the workspace first: docker build reads it and its build context from disk.'));
      return undefined;
    }
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(dockerfile);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', dockerfile.fsPath, err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    // docker reads the file on disk: what the editor shows must be what is built.
    if (doc.isDirty && !(await doc.save())) return undefined;
    const tag = tagArg !== undefined ? tagArg.trim() : await askTag(dockerfile, images.lastTag(dockerfile.toString()));
    if (tag === undefined) return undefined;
    if (!isBuildTag(tag)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Not an image name: use lower-case repository[:tag], e.g. my-app:1.0 or nginx:alpine.'));
      return undefined;
    }
    const dir = path.dirname(dockerfile.fsPath);
    const line = commandLine(['docker', 'build', '-t', tag, '-f', path.basename(dockerfile.fsPath), '.']);
    const base = { dockerfile, tag, commandLine: line };

    // A daemon that is not there: say so plainly instead of a build that cannot start.
    const down = await daemonProblem(docker);
    if (down) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot build: {0}', down));
      return { ...base, observed: false, succeeded: false, problem: down };
    }

    running = true;
    try {
      const terminal = terminals.get(dir, docker);
      terminal.show(true);
      const integration = await waitForShellIntegration(terminal, INTEGRATION_WAIT_MS);
      if (!integration) {
        terminal.sendText(line, true);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('This terminal has no shell integration, so Docker Labs cannot read the build: it runs, but no cache map is shown. Use bash, zsh, fish or PowerShell with terminal.integrated.shellIntegration.enabled.'),
        );
        return { ...base, observed: false, succeeded: false };
      }
      const builtText = doc.getText();
      const output = new TimedOutput(MAX_OUTPUT);
      // The timed copy is the one read; the shell run keeps none of its own.
      const run = runInShell(terminal, integration, line, { maxOutput: 0, onData: (data) => output.push(data, Date.now()) });
      // The cache map explains this build's outcome: no terminal-help notification on top.
      ignoreShellExecution(run.execution);
      const exitCode = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Building {0}…', tag) }, () => run.ended);
      await run.output();
      const parsed = output.parse(Date.now());
      const succeeded = exitCode === 0 || (exitCode === undefined && parsed.succeeded);
      const outcome: BuildOutcome = { ...base, observed: true, succeeded, ...(exitCode !== undefined ? { exitCode } : {}) };

      if (parsed.builder === null) {
        // Nothing was built (no daemon, a Dockerfile docker cannot read): the CLI's words, explained when we know them.
        const known = describeDockerOutput(output.text);
        outcome.problem = known?.message[uiLang()] ?? lastLines(output.text) ?? vscode.l10n.t('docker build printed no build steps.');
        void vscode.window.showErrorMessage(vscode.l10n.t('The build did not start: {0}', outcome.problem));
        return outcome;
      }

      let history: HistoryEntry[] | undefined;
      if (succeeded) {
        try {
          const image = docker.client().getImage(tag);
          outcome.imageId = ((await image.inspect()) as { Id: string }).Id;
          history = (await image.history()) as HistoryEntry[];
          await images.add({ imageId: outcome.imageId, dockerfile: dockerfile.toString(), tag, builtAt: Date.now() });
        } catch (err) {
          outcome.problem = describeDockerError(err, { endpoint: docker.endpoint }).message[uiLang()];
          void vscode.window.showWarningMessage(vscode.l10n.t('Built {0}, but its layer sizes could not be read: {1}', tag, outcome.problem));
        }
      }
      const map = buildCacheMap(builtText, parsed, history);
      outcome.map = map;
      last = { dockerfile, map };
      decorations.apply(dockerfile, builtText, map, parsed.error);
      if (succeeded) {
        const cached = map.filter((l) => l.state === 'cached').length;
        const rebuilt = map.filter((l) => l.state === 'rebuilt').length;
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Built {0}: {1} cached, {2} rebuilt', tag, cached, rebuilt), 10_000);
      } else {
        const failed = map.find((l) => l.state === 'failed');
        outcome.problem = parsed.error ?? vscode.l10n.t('docker build exited with code {0}.', exitCode ?? '?');
        const message = failed
          ? vscode.l10n.t('The build failed at line {0} ({1}): {2}', failed.line + 1, failed.text, outcome.problem)
          : vscode.l10n.t('The build failed: {0}', outcome.problem);
        void vscode.window.showErrorMessage(message);
      }
      return outcome;
    } finally {
      running = false;
    }
  }

  context.subscriptions.push(
    decorations,
    terminals,
    // From the editor title or the file explorer: (uri, selected uris); from a test: (uri, tag).
    vscode.commands.registerCommand(BUILD_IMAGE_COMMAND, (first?: unknown, second?: unknown) =>
      build(first instanceof vscode.Uri ? first : undefined, typeof second === 'string' ? second : undefined),
    ),
  );

  return {
    build,
    builtImages: () => images.all(),
    builtImage: (id) => images.byImageId(id),
    lastCacheMap: () => last,
    decorations: (uri) => decorations.shownOn(uri),
  };
}

/** The active editor's Dockerfile, else one picked from the workspace's. */
async function chooseDockerfile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDockerfile(active) && active.uri.scheme === 'file') return active.uri;
  const found = await findWorkspaceDockerfiles();
  if (found.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Dockerfile in this workspace to build.'));
    return undefined;
  }
  if (found.length === 1) return found[0];
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })).sort((a, b) => a.label.localeCompare(b.label)),
    { title: vscode.l10n.t('Build Image'), placeHolder: vscode.l10n.t('Which Dockerfile to build') },
  );
  return picked?.uri;
}

function askTag(dockerfile: vscode.Uri, lastTag: string | undefined): Thenable<string | undefined> {
  const folder = path.basename(path.dirname(dockerfile.fsPath));
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Build Image'),
      prompt: vscode.l10n.t('Tag for the image built from {0} (docker build -t)', vscode.workspace.asRelativePath(dockerfile)),
      value: lastTag ?? defaultTag(folder),
      placeHolder: 'my-app:1.0',
      ignoreFocusOut: true,
      validateInput: (value) => (isBuildTag(value) ? undefined : vscode.l10n.t('Not an image name: use lower-case repository[:tag], e.g. my-app:1.0 or nginx:alpine.')),
    })
    .then((v) => v?.trim());
}

/** Why the daemon cannot be used now, or undefined when it answers. */
async function daemonProblem(docker: DockerService): Promise<string | undefined> {
  try {
    await docker.client().ping();
    return undefined;
  } catch (err) {
    return describeDockerError(err, { endpoint: docker.endpoint }).message[uiLang()];
  }
}

/** The output's last lines, for an error we have no explanation of. */
function lastLines(raw: string): string | undefined {
  const lines = stripAnsi(raw).split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.slice(-3).join(' ') : undefined;
}

/**
 * The terminal builds run in: one per folder and endpoint, made with the endpoint's
 * DOCKER_HOST / DOCKER_CONTEXT (a terminal's environment is fixed when it is created).
 */
class BuildTerminals implements vscode.Disposable {
  private current?: { key: string; terminal: vscode.Terminal };
  private readonly closed = vscode.window.onDidCloseTerminal((t) => {
    if (t === this.current?.terminal) this.current = undefined;
  });

  get(cwd: string, docker: DockerService): vscode.Terminal {
    const env = {
      ...cliEnvironment(docker.endpoint),
      // Where the CLI has BuildKit (buildx), its plain progress lists every step, as the
      // classic builder does; the classic CLI rejects --progress, so the variable it is.
      BUILDKIT_PROGRESS: 'plain',
    };
    const key = JSON.stringify([cwd, env]);
    if (this.current && this.current.key === key && this.current.terminal.exitStatus === undefined) return this.current.terminal;
    this.current?.terminal.dispose();
    const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Docker Labs: Build'), cwd, env });
    this.current = { key, terminal };
    return terminal;
  }

  dispose(): void {
    this.closed.dispose();
  }
}
