// The fixture behaves like the course needs: images come through the registry
// mirror under their Docker Hub names, and they act like the real ones where the
// course looks (web pages, "ready" log lines, name resolution on a network,
// data surviving in a named volume, a real Node build).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { getFixture, uniqueName, type Fixture, createdObjects, removeCreated, freePort } from './fixture';
import { waitFor } from '../support/waitFor';


function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

// The fixture's services take a while to answer, and refuse connections until then.
const eventually = <T>(what: string, fn: () => Promise<T | undefined>) => waitFor(what, fn, { timeoutMs: 20_000, everyMs: 200, retryErrors: true });

async function logsOf(fx: Fixture, name: string): Promise<string> {
  const r = await fx.cli(['logs', name]);
  return r.stdout + r.stderr;
}

describe('Docker fixture', function () {
  let fx: Fixture;
  const made = createdObjects();

  before(async function () {
    fx = await getFixture();
  });

  after(async function () {
    if (!fx) return;
    await removeCreated(fx, made, { forceImages: true });
  });

  function container(prefix: string): string {
    const name = uniqueName(prefix);
    made.containers.push(name);
    return name;
  }

  it('pulls nginx:alpine through the registry mirror under its Docker Hub name', async function () {
    if (fx.external) this.skip(); // a given daemon pulls from wherever it is configured to
    const info = (await fx.docker.info()) as { RegistryConfig?: { Mirrors?: string[] } };
    assert.ok(info.RegistryConfig?.Mirrors?.includes(`http://${fx.registry}/`), `mirrors: ${JSON.stringify(info.RegistryConfig?.Mirrors)}`);
    // Untag it first so the pull really goes to the mirror (containers using it keep running).
    await fx.cli(['rmi', '-f', 'nginx:alpine']);
    assert.notEqual((await fx.cli(['image', 'inspect', 'nginx:alpine'])).code, 0, 'nginx:alpine still present after rmi');
    const pull = await fx.cliOk(['pull', 'nginx:alpine']);
    assert.match(pull, /alpine: Pulling from library\/nginx/);
    assert.match(pull, /docker\.io\/library\/nginx:alpine/);
    const inspect = await fx.docker.getImage('nginx:alpine').inspect();
    assert.ok(inspect.RepoTags.includes('nginx:alpine'));
    assert.ok(inspect.RepoDigests.some((d) => d.startsWith('nginx@sha256:')), JSON.stringify(inspect.RepoDigests));
    assert.equal(inspect.Config.Labels?.['dev.docker-labs.fixture'], 'true');
  });

  it('serves the nginx welcome page on a published port, and logs the request', async function () {
    const name = container('web-server');
    const port = await freePort();
    await fx.cliOk(['run', '-d', '-p', `${port}:80`, '--name', name, 'nginx:alpine']);
    const page = await eventually('the nginx page', async () => {
      const r = await get(`http://127.0.0.1:${port}/`);
      return r.status === 200 ? r : undefined;
    });
    assert.match(page.body, /<title>Welcome to nginx!<\/title>/);
    const logs = await eventually('a request in the logs', async () => {
      const l = await logsOf(fx, name);
      return /response:200/.test(l) ? l : undefined;
    });
    assert.match(logs, /Configuration complete; ready for start up/);
    // The image's STOPSIGNAL reaches the server: `docker stop` does not wait for SIGKILL.
    const started = Date.now();
    await fx.cliOk(['stop', name]);
    assert.ok(Date.now() - started < 5000, `docker stop took ${Date.now() - started} ms`);
    const state = await fx.docker.getContainer(name).inspect();
    assert.equal(state.State.ExitCode, 0);
  });

  it('serves httpd "It works!" and a user Dockerfile with CMD ["nginx", "-g", "daemon off;"] builds and serves', async function () {
    const httpd = container('httpd');
    const web = container('custom-nginx');
    const [p1, p2] = [await freePort(), await freePort()];
    await fx.cliOk(['run', '-d', '-p', `${p1}:80`, '--name', httpd, 'httpd:alpine']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-nginx-'));
    try {
      fs.writeFileSync(path.join(dir, 'index.html'), '<h1>built by a learner</h1>\n');
      fs.writeFileSync(
        path.join(dir, 'Dockerfile'),
        'FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/index.html\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n',
      );
      const tag = `${uniqueName('fixture-site')}:1`;
      made.images.push(tag);
      await fx.cliOk(['build', '-q', '-t', tag, dir]);
      await fx.cliOk(['run', '-d', '-p', `${p2}:80`, '--name', web, tag]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const works = await eventually('httpd page', async () => ((await get(`http://127.0.0.1:${p1}/`)).body.includes('It works!') ? true : undefined));
    assert.equal(works, true);
    const custom = await eventually('custom page', async () => {
      const r = await get(`http://127.0.0.1:${p2}/`);
      return r.status === 200 ? r.body : undefined;
    });
    assert.equal(custom, '<h1>built by a learner</h1>\n');
  });

  it('mysql:8.0 refuses to start without a root password option, with the real message', async function () {
    const name = container('mysql-nopass');
    const r = await fx.cli(['run', '--name', name, 'mysql:8.0']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Database is uninitialized and password option is not specified/);
    assert.match(r.stderr, /- MYSQL_ROOT_PASSWORD\n.*- MYSQL_ALLOW_EMPTY_PASSWORD\n.*- MYSQL_RANDOM_ROOT_PASSWORD/);
  });

  it('mysql:8.0 is not ready at once, then logs "ready for connections" and accepts on 3306', async function () {
    const name = container('mysql-db');
    const client = container('mysql-client');
    const network = uniqueName('fixture-net');
    made.networks.push(network);
    await fx.cliOk(['network', 'create', network]);
    await fx.cliOk(['run', '-d', '--name', name, '--network', network, '-e', 'MYSQL_ROOT_PASSWORD=rootpass', '-e', 'MYSQL_DATABASE=testdb', 'mysql:8.0']);
    await new Promise((r) => setTimeout(r, 1000));
    const early = await logsOf(fx, name);
    assert.doesNotMatch(early, /ready for connections/, 'ready too early: the "DB not ready yet" lesson needs a delay');
    assert.match(early, /Initializing database files/);
    const logs = await eventually('ready for connections', async () => {
      const l = await logsOf(fx, name);
      return /mysqld: ready for connections.*port: 3306/.test(l) ? l : undefined;
    });
    assert.match(logs, /Creating database testdb/);
    const alive = await fx.cliOk(['exec', name, 'mysqladmin', 'ping']);
    assert.equal(alive.trim(), 'mysqld is alive');
    const greeting = await fx.cliOk(['run', '--rm', '--name', client, '--network', network, 'busybox', 'sh', '-c', `nc -w 2 ${name} 3306 | head -c 64`]);
    assert.match(greeting, /8\.0\.36/);
  });

  it('containers on one user network reach each other by name (ping, nslookup); others do not', async function () {
    const network = uniqueName('pair-network');
    made.networks.push(network);
    await fx.cliOk(['network', 'create', network]);
    const dup = await fx.cli(['network', 'create', network]);
    assert.notEqual(dup.code, 0);
    assert.match(dup.stderr, /already exists/);
    const web = container('pair-web');
    const cache = container('pair-redis');
    const isolated = container('isolated');
    await fx.cliOk(['run', '-d', '--name', web, '--network', network, 'nginx:alpine']);
    await fx.cliOk(['run', '-d', '--name', cache, '--network', network, 'redis:7-alpine']);
    await fx.cliOk(['run', '-d', '--name', isolated, 'nginx:alpine']);
    const ping = await fx.cliOk(['exec', web, 'ping', '-c', '1', cache]);
    assert.match(ping, /1 packets received/);
    const lookup = await fx.cliOk(['exec', web, 'nslookup', cache]);
    const ip = (await fx.docker.getContainer(cache).inspect()).NetworkSettings.Networks[network].IPAddress;
    assert.ok(ip && lookup.includes(ip), `nslookup did not give ${ip}:\n${lookup}`);
    const pong = await eventually('redis PONG', async () => {
      const r = await fx.cli(['exec', web, 'sh', '-c', `printf 'PING\\r\\nQUIT\\r\\n' | nc -w 2 ${cache} 6379`]);
      return r.stdout.includes('+PONG') ? r.stdout : undefined;
    });
    assert.match(pong, /\+PONG/);
    assert.equal((await fx.cliOk(['exec', cache, 'redis-cli', 'ping'])).trim(), 'PONG');
    assert.match(await logsOf(fx, cache), /Ready to accept connections/);
    const blocked = await fx.cli(['exec', web, 'ping', '-c', '1', isolated]);
    assert.notEqual(blocked.code, 0);
    assert.match(blocked.stderr, /bad address/);
  });

  it('a port already allocated is refused by the daemon', async function () {
    const port = await freePort();
    const a = container('port-a');
    const b = container('port-b');
    await fx.cliOk(['run', '-d', '-p', `${port}:80`, '--name', a, 'nginx:alpine']);
    const r = await fx.cli(['run', '-d', '-p', `${port}:80`, '--name', b, 'nginx:alpine']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /port is already allocated/);
  });

  it('postgres keeps its rows in a named volume across container re-creation', async function () {
    const volume = uniqueName('postgres-data');
    made.volumes.push(volume);
    const db1 = container('postgres-db');
    const common = ['-e', 'POSTGRES_DB=myapp', '-e', 'POSTGRES_USER=user', '-e', 'POSTGRES_PASSWORD=password', '-e', 'FIXTURE_STARTUP_SECONDS=0'];
    const noPass = await fx.cli(['run', '--rm', 'postgres:13-alpine']);
    assert.equal(noPass.code, 1);
    assert.match(noPass.stderr, /superuser password is not specified/);
    await fx.cliOk(['run', '-d', '--name', db1, ...common, '-v', `${volume}:/var/lib/postgresql/data`, 'postgres:13-alpine']);
    await eventually('postgres ready', async () => (/ready to accept connections/.test(await logsOf(fx, db1)) ? true : undefined));
    const psql = (name: string, sql: string) => fx.cli(['exec', name, 'psql', '-U', 'user', '-d', 'myapp', '-c', sql]);
    assert.equal((await psql(db1, 'CREATE TABLE visitors (id SERIAL PRIMARY KEY, name VARCHAR(50))')).stdout.trim(), 'CREATE TABLE');
    assert.equal((await psql(db1, "INSERT INTO visitors (name) VALUES ('kim'), ('lee')")).stdout.trim(), 'INSERT 0 2');
    await fx.cliOk(['rm', '-f', db1]);
    const db2 = container('postgres-db2');
    await fx.cliOk(['run', '-d', '--name', db2, ...common, '-v', `${volume}:/var/lib/postgresql/data`, 'postgres:13-alpine']);
    await eventually('postgres ready again', async () => (/ready to accept connections/.test(await logsOf(fx, db2)) ? true : undefined));
    assert.match(await logsOf(fx, db2), /appears to contain a database; Skipping initialization/);
    const rows = await psql(db2, 'SELECT * FROM visitors');
    assert.equal(rows.code, 0, rows.stderr);
    assert.match(rows.stdout, /1 \| kim\n\s+2 \| lee\n\(2 rows\)/);
    const missing = await psql(db2, 'SELECT * FROM nope');
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /relation "nope" does not exist/);
  });

  it('node:18-alpine has a real node and npm: npm ci, a non-root user and CMD ["node", "server.js"] work', async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-node-'));
    const name = container('webapp');
    const tag = `${uniqueName('fixture-node')}:basic`;
    made.images.push(tag);
    try {
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', scripts: { start: 'node server.js' } }));
      fs.writeFileSync(
        path.join(dir, 'package-lock.json'),
        JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'app', version: '1.0.0' } } }),
      );
      fs.writeFileSync(
        path.join(dir, 'server.js'),
        "require('http').createServer((q, s) => s.end('node ' + process.version + ' as ' + require('os').userInfo().username)).listen(3000);\n",
      );
      fs.writeFileSync(
        path.join(dir, 'Dockerfile'),
        [
          'FROM node:18-alpine',
          'WORKDIR /app',
          'COPY package*.json ./',
          'RUN npm ci',
          'COPY . .',
          'RUN addgroup -g 1001 -S nodejs',
          'RUN adduser -S nextjs -u 1001',
          'USER nextjs',
          'EXPOSE 3000',
          'CMD ["node", "server.js"]',
          '',
        ].join('\n'),
      );
      await fx.cliOk(['build', '-q', '-t', tag, dir], { timeoutMs: 120000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const port = await freePort();
    await fx.cliOk(['run', '-d', '-p', `${port}:3000`, '--name', name, tag]);
    const body = await eventually('node server', async () => {
      const r = await get(`http://127.0.0.1:${port}/`);
      return r.status === 200 ? r.body : undefined;
    });
    assert.match(body, /^node v\d+\.\d+\.\d+ as nextjs$/);
    // The course compares sizes: the Debian-like tag must be clearly bigger.
    await fx.cliOk(['pull', '-q', 'node:18']);
    const [big, small] = await Promise.all([fx.docker.getImage('node:18').inspect(), fx.docker.getImage('node:18-alpine').inspect()]);
    assert.ok(big.Size > small.Size * 2, `node:18 ${big.Size} vs node:18-alpine ${small.Size}`);
  });

  it('every image has the busybox tools the course uses, and bash where the real one has it', async function () {
    const tools = 'sh ping nslookup wget nc cat ls ps';
    for (const image of ['ubuntu:22.04', 'alpine', 'adminer', 'grafana/grafana:latest', 'python:3.9-alpine']) {
      const r = await fx.cli(['run', '--rm', '--entrypoint', 'sh', image, '-c', `for t in ${tools}; do command -v $t >/dev/null || echo "missing $t"; done; cat /etc/os-release`]);
      assert.equal(r.code, 0, `${image}: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, /missing/, `${image}: ${r.stdout}`);
    }
    const ubuntu = await fx.cliOk(['run', '--rm', 'ubuntu:20.04', 'bash', '-c', '. /etc/os-release; echo $VERSION_ID']);
    assert.equal(ubuntu.trim(), '20.04');
    const alpineBash = await fx.cli(['run', '--rm', 'alpine', 'bash']);
    assert.notEqual(alpineBash.code, 0, 'alpine has no bash, as on Docker Hub');
  });

  it('the registry holds every catalogued tag', async function () {
    if (fx.external) this.skip();
    const { images: catalogue, registryPath } = (await import(path.resolve(__dirname, '..', 'fixture', 'images.mjs'))) as {
      images: { ref: string }[];
      registryPath(ref: string): { repository: string; tag: string };
    };
    for (const { ref } of catalogue) {
      const { repository, tag } = registryPath(ref);
      const r = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          `http://${fx.registry}/v2/${repository}/manifests/${tag}`,
          { method: 'HEAD', headers: { Accept: 'application/vnd.docker.distribution.manifest.v2+json' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.equal(r, 200, ref);
    }
  });
});
