// Read-only documents for `docker … inspect` and `docker history` output. A content
// provider's documents cannot be edited or saved, which is what a learner should get:
// the daemon's view, not a file to change.
import * as vscode from 'vscode';

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'docker-labs-inspect';
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens `text` as `docker-labs-inspect:/<path>`; the extension of `path` picks the language. */
  async show(path: string, text: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: ReadOnlyDocuments.scheme, path: `/${path}` });
    const key = uri.toString();
    const reopened = this.contents.has(key);
    this.contents.set(key, text);
    if (reopened) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
