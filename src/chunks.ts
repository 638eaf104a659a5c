// Loads each capability's bundle (dist/<name>.js, made by scripts/build.mjs) on first use,
// so that activation runs only the wiring. Until a capability loads:
// - each command the manifest contributes under `dockerLabs.<name>.` is a stub that loads
//   the capability and then runs the real command with the same arguments;
// - each view the manifest contributes as `dockerLabs.<name>` (or `dockerLabs.<name>.…`) is
//   an empty placeholder whose first getChildren (the view was made visible) loads it.
// VS Code allows one handler per command id and one provider per view, so the stubs and
// placeholders are disposed just before the capability registers its own: the capability's
// code stays as it would be without lazy loading. Loading is asynchronous because a tree
// view's dispose() is: it waits for the view's registration, then forgets the view by id,
// which would take the capability's new view with it if that were already created.
import * as vscode from 'vscode';

interface Manifest {
  contributes?: {
    commands?: { command: string }[];
    views?: Record<string, { id: string }[]>;
  };
}

/** `dockerLabs.explorer.image.pull` → `explorer`; `dockerLabs.explorer` → `explorer`. */
export function capabilityOf(id: string): string | undefined {
  return /^dockerLabs\.([A-Za-z0-9]+)(?:\.|$)/.exec(id)?.[1];
}

export interface ChunkOptions {
  /** Load on the first open document that matches (documents open at activation count). */
  onDocument?: (doc: vscode.TextDocument) => boolean;
  /** Load right after activation (off its path): the capability restores state at load. */
  soon?: boolean;
  /** Contributed views of this capability whose id does not name it (`dockerLabs.labs` for `lab`). */
  views?: string[];
}

export class Chunk<T> implements vscode.Disposable {
  private loading?: Promise<T>;
  private loaded = false;
  /** Command stubs and document listeners (disposed at once). */
  readonly placeholders: vscode.Disposable[] = [];
  /** Placeholder tree views (their dispose() completes asynchronously). */
  readonly placeholderViews: vscode.TreeView<never>[] = [];

  constructor(
    readonly name: string,
    private readonly register: () => T,
  ) {}

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Loads the bundle and registers the capability, once (later calls share the outcome). */
  load(): Promise<T> {
    this.loading ??= (async () => {
      // Stubs stay until the views are gone: a command run meanwhile waits for this load.
      await this.disposeViews();
      this.dispose();
      const value = this.register();
      this.loaded = true;
      return value;
    })();
    return this.loading;
  }

  /** Loads after the current task (the running activate(), getChildren…) has returned. */
  loadSoon(): void {
    setTimeout(() => {
      this.load().catch((error: unknown) => {
        console.error(`docker-labs: loading ${this.name} failed`, error);
        void vscode.window.showErrorMessage(vscode.l10n.t('Docker Labs could not load its {0} part: {1}', this.name, error instanceof Error ? error.message : String(error)));
      });
    }, 0);
  }

  dispose(): void {
    for (const d of this.placeholders.splice(0)) d.dispose();
  }

  /** At deactivation: the placeholder views too. */
  unload(): Promise<unknown> {
    return this.disposeViews();
  }

  private disposeViews(): Promise<unknown> {
    return Promise.all(this.placeholderViews.splice(0).map((view) => view.dispose() as unknown));
  }
}

export class Chunks {
  private readonly chunks = new Map<string, Chunk<unknown>>();
  private readonly manifest: Manifest;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.manifest = context.extension.packageJSON as Manifest;
  }

  /** Declares the capability `name`; `register` requires its bundle and calls its register<X>(). */
  define<T>(name: string, register: () => T, options: ChunkOptions = {}): Chunk<T> {
    const chunk = new Chunk(name, register);
    this.chunks.set(name, chunk as Chunk<unknown>);
    this.context.subscriptions.push(chunk, { dispose: () => void chunk.unload() });

    for (const { command } of this.manifest.contributes?.commands ?? []) {
      if (capabilityOf(command) !== name) continue;
      chunk.placeholders.push(
        vscode.commands.registerCommand(command, async (...args: unknown[]) => {
          await chunk.load();
          return vscode.commands.executeCommand(command, ...args);
        }),
      );
    }

    for (const { id } of Object.values(this.manifest.contributes?.views ?? {}).flat()) {
      if (capabilityOf(id) !== name && !options.views?.includes(id)) continue;
      const provider: vscode.TreeDataProvider<never> = {
        getTreeItem: (element) => element,
        getChildren: () => {
          // The capability's own view replaces this one once this call has returned.
          chunk.loadSoon();
          return [];
        },
      };
      chunk.placeholderViews.push(vscode.window.createTreeView(id, { treeDataProvider: provider }));
    }

    if (options.onDocument) {
      const matches = options.onDocument;
      const opened = vscode.workspace.onDidOpenTextDocument((doc) => {
        if (matches(doc)) chunk.loadSoon();
      });
      chunk.placeholders.push(opened);
      if (vscode.workspace.textDocuments.some(matches)) chunk.loadSoon();
    }
    if (options.soon) chunk.loadSoon();
    return chunk;
  }

  /** Names of the declared capabilities. */
  names(): string[] {
    return [...this.chunks.keys()];
  }

  /** Names of the capabilities loaded so far. */
  loaded(): string[] {
    return [...this.chunks.values()].filter((c) => c.isLoaded).map((c) => c.name);
  }

  /** Loads a declared capability now. */
  async load(name: string): Promise<void> {
    const chunk = this.chunks.get(name);
    if (!chunk) throw new Error(`no capability chunk named ${name}`);
    await chunk.load();
  }
}

/** Whether the capability `name` keeps anything in the extension's global state (keys `dockerLabs.<name>.…`). */
export function hasStoredState(context: vscode.ExtensionContext, name: string): boolean {
  return context.globalState.keys().some((key) => capabilityOf(key) === name);
}
