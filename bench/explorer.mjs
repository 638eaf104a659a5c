// Speed of the Docker explorer against a daemon full of objects, and its peers.
//
// On a disposable daemon of the fixture (scripts/docker-fixture.mjs: its own data,
// removed afterwards) it creates 300 containers (`docker create`: created, never
// started), 300 image tags, 50 networks and 50 volumes, then measures medians of:
//   - model: building the explorer's full tree model as the view does (the four
//     list calls through dockerode, the joins, every node of every group presented);
//   - raw: the same four Engine API calls alone with plain node:http + JSON.parse
//     (the floor);
//   - cli: the route Microsoft's Container Tools explorer takes, the docker CLI
//     (`docker container ls --all --no-trunc --format "{{json .}}"` plus the image,
//     network and volume listings, run in parallel and parsed);
//   - latency: from `docker run -d` returning to the live model showing the container.
// Targets: model within 1.3x of raw, at least 3x faster than the CLI route, latency
// median under 300 ms (Container Tools debounces events by 500 ms).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ensureFixture, startExtraDaemon } from '../scripts/docker-fixture.mjs';

const log = (m) => process.stderr.write(`[explorer] ${m}\n`);
const COUNTS = { containers: 300, tags: 300, networks: 50, volumes: 50 };
const TARGET = { vsRaw: 1.3, vsCli: 3, latencyMs: 300 };

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round = (n, digits = 2) => Number(n.toFixed(digits));
const met = (ok) => (ok ? 'target met' : 'target NOT met');

/** The explorer's pure layer and our dockerode client, bundled from the TypeScript sources. */
async function loadExplorer(root) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-explorer-'));
  const outfile = join(dir, 'explorer.cjs');
  try {
    await esbuild.build({
      stdin: {
        contents: "export * from './src/explorer/index.ts'; export { createClient } from './src/docker/client.ts'; export { resolveEndpoint } from './src/docker/endpoint.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      external: ['vscode', 'cpu-features', '*.node'],
      logLevel: 'warning',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cli(host, args) {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: { ...process.env, DOCKER_HOST: host, DOCKER_CONTEXT: '', DOCKER_CLI_HINTS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`docker ${args.join(' ')}: ${stderr}`))));
  });
}

function getJson(socketPath, path) {
  return new Promise((resolve, reject) => {
    http
      .get({ socketPath, path }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString()));
          } catch (e) {
            reject(e);
          }
        });
      })
      .on('error', reject);
  });
}

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function populate(docker) {
  log(`creating ${COUNTS.containers} containers, ${COUNTS.tags} tags, ${COUNTS.networks} networks, ${COUNTS.volumes} volumes`);
  const range = (n) => Array.from({ length: n }, (_, i) => i);
  const networks = range(COUNTS.networks).map((i) => `bench-net-${i}`);
  // Explicit subnets far from the fixture's: a daemon without a bridge of its own
  // would otherwise hand out 172.17/16 and shadow routes on the host.
  await inBatches(range(COUNTS.networks), 5, (i) => docker.createNetwork({ Name: networks[i], Driver: 'bridge', IPAM: { Config: [{ Subnet: `10.214.${i}.0/24` }] } }));
  await inBatches(range(COUNTS.volumes), 10, (i) => docker.createVolume({ Name: `bench-vol-${i}` }));
  await inBatches(range(COUNTS.tags), 20, (i) => docker.getImage('nginx:alpine').tag({ repo: `bench/img${i}`, tag: `v${i}` }));
  await inBatches(range(COUNTS.containers), 10, (i) =>
    docker.createContainer({
      name: `bench-c-${i}`,
      Image: 'nginx:alpine',
      ExposedPorts: { '80/tcp': {} },
      HostConfig: {
        NetworkMode: networks[i % networks.length],
        Binds: [`bench-vol-${i % COUNTS.volumes}:/data`],
        PortBindings: { '80/tcp': [{ HostPort: String(20000 + i) }] },
      },
    }),
  );
  return networks;
}

export default async function explorerBench(ctx) {
  const reps = ctx.quick ? 5 : 21;
  const X = await loadExplorer(ctx.root);
  await ensureFixture();
  const daemon = await startExtraDaemon();
  const host = daemon.host;
  const docker = X.createClient(X.resolveEndpoint({}, host));
  let networks = [];
  try {
    await cli(host, ['pull', '-q', 'nginx:alpine']);
    networks = await populate(docker);
    const lang = 'en';

    // The model as the view builds it: list everything, then every node presented.
    const groupNodes = X.createGroupNodes();
    const buildTree = async () => {
      const model = new X.ExplorerModel({ client: () => docker, endpoint: () => host });
      await model.refresh();
      let nodes = 0;
      const walk = (list) => {
        for (const node of list) {
          X.present(node, model.state, { lang });
          nodes++;
          if (node.kind !== 'image') walk(X.childNodes(node, model.state));
        }
      };
      walk(X.rootNodes(model.state, groupNodes));
      if (model.state.problem) throw new Error(`model problem: ${model.state.problem.message.en}`);
      return { nodes, model };
    };
    const raw = async () => {
      const [c, i, n, v] = await Promise.all([
        getJson(daemon.socketPath, '/containers/json?all=1'),
        getJson(daemon.socketPath, '/images/json'),
        getJson(daemon.socketPath, '/networks'),
        getJson(daemon.socketPath, '/volumes'),
      ]);
      return c.length + i.length + n.length + v.Volumes.length;
    };
    const cliRoute = async () => {
      const lists = await Promise.all([
        cli(host, ['container', 'ls', '--all', '--no-trunc', '--format', '{{json .}}']),
        cli(host, ['image', 'ls', '--format', '{{json .}}']),
        cli(host, ['network', 'ls', '--no-trunc', '--format', '{{json .}}']),
        cli(host, ['volume', 'ls', '--format', '{{json .}}']),
      ]);
      return lists.map((out) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).length);
    };

    // Check the three routes see the same daemon before timing them.
    const first = await buildTree();
    const seen = first.model.state.data;
    if ((seen.containers?.length ?? 0) < COUNTS.containers || (seen.volumes?.length ?? 0) < COUNTS.volumes) throw new Error('the model does not see the objects the bench created');
    const cliCounts = await cliRoute();
    if (cliCounts[0] !== seen.containers.length) throw new Error(`CLI lists ${cliCounts[0]} containers, the model ${seen.containers.length}`);
    await raw();

    // Interleave the three so drift (page cache, daemon GC) hits them alike.
    const times = { model: [], raw: [], cli: [] };
    log(`timing ${reps} rounds of model / raw API / CLI`);
    for (let r = 0; r < reps; r++) {
      let t = performance.now();
      await buildTree();
      times.model.push(performance.now() - t);
      t = performance.now();
      await raw();
      times.raw.push(performance.now() - t);
      t = performance.now();
      await cliRoute();
      times.cli.push(performance.now() - t);
    }
    const m = median(times.model);
    const r = median(times.raw);
    const c = median(times.cli);

    // Latency: docker run from the CLI → the live model shows the container.
    log('measuring docker run → model latency');
    const live = new X.ExplorerModel({ client: () => docker, endpoint: () => host });
    await live.load();
    live.setLive(true);
    await new Promise((res) => setTimeout(res, 500));
    const latencies = [];
    const runningLatencies = [];
    const fromStart = [];
    const runs = ctx.quick ? 5 : 15;
    try {
      for (let i = 0; i < runs; i++) {
        const name = `bench-run-${i}`;
        const find = () => (live.state.data.containers ?? []).find((x) => x.Names?.[0] === `/${name}`);
        const when = (test) =>
          new Promise((resolve) => {
            const sub = live.onDidChange(() => {
              if (test()) {
                sub.dispose();
                resolve(performance.now());
              }
            });
          });
        const shown = when(() => find() !== undefined);
        const shownRunning = when(() => find()?.State === 'running');
        const started = performance.now();
        await cli(host, ['run', '-d', '--network', 'none', '--name', name, 'nginx:alpine']);
        const returned = performance.now();
        const timeout = new Promise((res) => setTimeout(() => res(undefined), 10_000));
        const [at, runningAt] = await Promise.all([Promise.race([shown, timeout]), Promise.race([shownRunning, timeout])]);
        if (at === undefined || runningAt === undefined) throw new Error(`${name} never showed up (running) in the model`);
        // Shown before `docker run` even returned counts as 0 ms.
        latencies.push(Math.max(0, at - returned));
        runningLatencies.push(Math.max(0, runningAt - returned));
        fromStart.push(at - started);
        await new Promise((res) => setTimeout(res, 300));
      }
    } finally {
      live.dispose();
    }
    const lat = median(latencies);

    const load = loadavg()[0].toFixed(1);
    const objects = `load average ${load} on ${cpus().length} cores; ${seen.containers.length} containers, ${COUNTS.tags} tags on ${seen.images.length} image(s), ${seen.networks.length} networks, ${seen.volumes.length} volumes; ${first.nodes} tree nodes`;
    return [
      { name: 'tree model build (median)', value: round(m), unit: 'ms', note: `${reps} runs; ${objects}` },
      { name: 'raw Engine API, 4 list calls (median)', value: round(r), unit: 'ms', note: 'node:http + JSON.parse, in parallel: the floor' },
      { name: 'CLI route, Container Tools (median)', value: round(c), unit: 'ms', note: 'docker container/image/network/volume ls --format "{{json .}}", in parallel' },
      { name: 'model / raw API', value: round(m / r), unit: 'x', note: `target ≤ ${TARGET.vsRaw}x: ${met(m / r <= TARGET.vsRaw)}` },
      { name: 'CLI route / model', value: round(c / m), unit: 'x', note: `target ≥ ${TARGET.vsCli}x: ${met(c / m >= TARGET.vsCli)}` },
      {
        name: 'docker run returned → model shows it (median)',
        value: round(lat),
        unit: 'ms',
        note: `${runs} runs, max ${round(Math.max(...latencies))}; ${round(median(fromStart))} ms from invoking docker run; target < ${TARGET.latencyMs} ms: ${met(lat < TARGET.latencyMs)}`,
      },
      {
        name: 'docker run returned → model shows it running (median)',
        value: round(median(runningLatencies)),
        unit: 'ms',
        note: `the state icon turns green; max ${round(Math.max(...runningLatencies))}`,
      },
    ];
  } finally {
    log('cleaning up');
    // Networks' Linux bridges outlive a stopped daemon: remove them while it runs.
    try {
      await cli(host, ['rm', '-f', ...Array.from({ length: COUNTS.containers }, (_, i) => `bench-c-${i}`), ...Array.from({ length: 15 }, (_, i) => `bench-run-${i}`)]).catch(() => undefined);
      await inBatches(networks, 10, (n) => docker.getNetwork(n).remove().catch(() => undefined));
    } finally {
      await daemon.dispose();
    }
  }
}
