// A registry to push to, exactly as the course runs one: `docker run -d -p
// 5000:5000 registry:2`, `docker tag … localhost:5000/x`, `docker push`, and a
// pull back from it. registry:2 is the fixture's stand-in built from Debian's
// docker-registry (test/fixture/README.md).
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { createdObjects, freePort, getFixture, removeCreated, uniqueName, type Fixture } from './fixture';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

describe('a private registry: docker run registry:2, tag, push, pull', function () {
  this.timeout(180000);
  let fx: Fixture;
  const made = createdObjects();

  before(async function () {
    fx = await getFixture();
  });

  after(async function () {
    await removeCreated(fx, made, { forceImages: true });
  });

  it('pushes an image to localhost:5000 and pulls it back', async function () {
    // Port 5000 as in class; another process on this machine may hold it, then any free port does the same.
    const port = (await portFree(5000)) ? 5000 : await freePort();
    const registry = uniqueName('registry');
    made.containers.push(registry);
    await fx.cliOk(['run', '-d', '-p', `${port}:5000`, '--name', registry, 'registry:2']);
    const logsSay = async () => /listening on \[::\]:5000|listening on .*:5000/.test((await fx.cli(['logs', registry])).stderr + (await fx.cli(['logs', registry])).stdout);
    await eventually('the registry listening', logsSay);

    const repo = `localhost:${port}/${uniqueName('my-nginx')}`;
    made.images.push(`${repo}:v1`);
    await fx.cliOk(['pull', '-q', 'nginx:alpine']);
    await fx.cliOk(['tag', 'nginx:alpine', `${repo}:v1`]);
    const push = await fx.cli(['push', `${repo}:v1`]);
    assert.equal(push.code, 0, push.stderr);
    assert.match(push.stdout, /v1: digest: sha256:[0-9a-f]{64}/);

    // The registry has it (its own HTTP API, as `curl localhost:5000/v2/_catalog` shows in class).
    const catalog = (await (await fetch(`http://127.0.0.1:${port}/v2/_catalog`)).json()) as { repositories: string[] };
    assert.ok(catalog.repositories.includes(repo.slice(repo.indexOf('/') + 1)), JSON.stringify(catalog));

    // Gone locally, back from the registry.
    await fx.cliOk(['rmi', `${repo}:v1`]);
    const pull = await fx.cli(['pull', `${repo}:v1`]);
    assert.equal(pull.code, 0, pull.stderr);
    assert.match(pull.stdout, /Downloaded newer image|Image is up to date/);
    const id = (await fx.cliOk(['image', 'inspect', '-f', '{{.Id}}', `${repo}:v1`])).trim();
    assert.equal(id, (await fx.cliOk(['image', 'inspect', '-f', '{{.Id}}', 'nginx:alpine'])).trim());

    // Its data is in the image's VOLUME, as with the real registry:2.
    const mounts = JSON.parse(await fx.cliOk(['inspect', '-f', '{{json .Mounts}}', registry])) as { Destination: string }[];
    assert.deepEqual(mounts.map((m) => m.Destination), ['/var/lib/registry']);
  });
});
