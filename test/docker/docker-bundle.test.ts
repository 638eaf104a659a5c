// The Docker access code, bundled by esbuild the way scripts/build.mjs bundles
// the extension (cpu-features and *.node left external), runs from a directory
// where those native parts do not exist and still talks to the daemon: ssh2
// falls back to its JavaScript crypto.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { getFixture, type Fixture } from './fixture';

describe('bundled Docker client without native modules', function () {
  let fx: Fixture;
  let dir: string;
  const root = path.resolve(__dirname, '..', '..');

  before(async function () {
    fx = await getFixture();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-bundle-'));
  });
  after(function () {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads, lists containers through the fixture daemon and sets up an ssh transport', function () {
    this.timeout(60000);
    const outfile = path.join(dir, 'docker.js');
    buildSync({
      entryPoints: [path.join(root, 'src', 'docker', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      mainFields: ['module', 'main'],
      external: ['vscode', 'cpu-features', '*.node'],
      logLevel: 'silent',
    });
    const bundle = fs.readFileSync(outfile, 'utf8');
    assert.match(bundle, /sshcrypto\.node/, 'ssh2 should be in the bundle');
    const script = `
      const d = require(${JSON.stringify(outfile)});
      const natives = ['cpu-features'].map((m) => { try { require.resolve(m); return m; } catch { return null; } }).filter(Boolean);
      const ep = d.resolveEndpoint(process.env);
      const ssh = d.createClient(d.resolveEndpoint({ DOCKER_HOST: 'ssh://learner@192.0.2.1:2222' }));
      d.createClient(ep).listContainers({ all: true }).then((list) => {
        console.log(JSON.stringify({ host: ep.host, count: list.length, natives, sshProtocol: ssh.modem.protocol }));
      }, (e) => { console.error(e); process.exit(1); });
    `;
    // Run from the temporary directory: nothing there resolves cpu-features or sshcrypto.node.
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, env: { ...process.env, ...fx.env, NODE_PATH: '' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { host: string; count: number; natives: string[]; sshProtocol: string };
    assert.equal(out.host, fx.host);
    assert.ok(out.count >= 0);
    assert.deepEqual(out.natives, []);
    assert.equal(out.sshProtocol, 'ssh');
  });
});
