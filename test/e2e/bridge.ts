// Loaded by the e2e workbench helper as the `extensionTestsPath` module: instead
// of running tests it lets the e2e test reach the `vscode` API of this
// extension host (run a command by id, activate the extension) over HTTP on
// 127.0.0.1, guarded by a per-run token, until the helper says stop.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';

export interface BridgeRequest {
  op: 'executeCommand' | 'activate' | 'language' | 'clipboard' | 'stop';
  command?: string;
  args?: unknown[];
}

const EXTENSION_ID = 'docker-labs.docker-labs';

async function handle(request: BridgeRequest): Promise<unknown> {
  switch (request.op) {
    case 'executeCommand':
      if (!request.command) throw new Error('executeCommand needs a command id');
      return vscode.commands.executeCommand(request.command, ...(request.args ?? []));
    case 'activate': {
      const ext = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
      if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
      const api = await ext.activate();
      return { activationMs: api.activationMs };
    }
    case 'language':
      return vscode.env.language;
    case 'clipboard':
      return vscode.env.clipboard.readText();
    default:
      throw new Error(`unknown op ${String(request.op)}`);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export function run(): Promise<void> {
  const portFile = process.env.DOCKER_LABS_BRIDGE_FILE;
  const token = process.env.DOCKER_LABS_BRIDGE_TOKEN;
  if (!portFile || !token) return Promise.reject(new Error('DOCKER_LABS_BRIDGE_FILE and DOCKER_LABS_BRIDGE_TOKEN must be set'));
  return new Promise<void>((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body ?? null));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return reply(403, { error: 'bad token' });
      readBody(req)
        .then(async (body) => {
          const request = JSON.parse(body) as BridgeRequest;
          if (request.op === 'stop') {
            reply(200, { result: null });
            server.close();
            resolve();
            return;
          }
          reply(200, { result: await handle(request) });
        })
        .catch((error: unknown) => reply(500, { error: error instanceof Error ? error.stack ?? error.message : String(error) }));
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      fs.writeFileSync(`${portFile}.tmp`, JSON.stringify({ port }));
      fs.renameSync(`${portFile}.tmp`, portFile);
    });
  });
}
