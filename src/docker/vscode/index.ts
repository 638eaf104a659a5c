// The extension's one Docker connection: the endpoint the learner's CLI uses (or the
// dockerLabs.dockerHost setting) and a lazily created dockerode client for it.
import * as vscode from 'vscode';
import type Dockerode from 'dockerode';
import { resolveEndpoint, type Endpoint } from '../endpoint';
import { createClient } from '../client';

export class DockerService implements vscode.Disposable {
  private cached?: { endpoint: Endpoint; client: Dockerode };
  private readonly changed = new vscode.EventEmitter<Endpoint>();
  readonly onDidChangeEndpoint = this.changed.event;

  constructor(context: vscode.ExtensionContext) {
    context.subscriptions.push(
      this,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dockerLabs.dockerHost')) this.reset();
      }),
    );
  }

  get endpoint(): Endpoint {
    return this.cached?.endpoint ?? this.resolve();
  }

  /** The shared dockerode client (created on first call). */
  client(): Dockerode {
    if (!this.cached) {
      const endpoint = this.resolve();
      this.cached = { endpoint, client: createClient(endpoint) };
    }
    return this.cached.client;
  }

  /** Forget the client, e.g. after a context switch; listeners re-read the endpoint. */
  reset(): void {
    this.cached = undefined;
    this.changed.fire(this.endpoint);
  }

  private resolve(): Endpoint {
    const override = vscode.workspace.getConfiguration('dockerLabs').get<string>('dockerHost') || undefined;
    return resolveEndpoint(process.env, override);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
