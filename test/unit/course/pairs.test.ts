// Pairs share one Docker host: across every built-in session and pair numbers 1–30, two
// labs of different pairs never ask for the same container, network, volume, image tag or
// host port; two sessions of one pair never reuse a name (they run one after another, so
// ports may repeat there); and everything a lab creates or checks for is in the scope
// "Reset lab" removes. The names and ports come from the engine's own readers
// (labObjects / labHostPorts, i.e. createdObjects and publishedHostPorts), as the reset
// and `docker-labs lab show --var` use them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  discoverSessions,
  labHandout,
  labHostPorts,
  labObjects,
  loadSessionFolder,
  normalizeImageRef,
  resolveCheck,
  resolveVariables,
  type Check,
  type Lab,
  type ResourceSet,
} from '../../../src/lab';

const exercises = path.resolve(__dirname, '..', '..', '..', 'exercises');
const PAIRS = Array.from({ length: 30 }, (_, i) => i + 1);
const KINDS: (keyof ResourceSet)[] = ['containers', 'networks', 'volumes', 'images'];

function sessions(): Lab[] {
  return discoverSessions([exercises]).map((s) => {
    const result = loadSessionFolder(s.dir, 'ko');
    assert.ok(result.lab, `${s.id} does not load: ${result.problems.map((p) => p.message.en).join('; ')}`);
    return result.lab;
  });
}

/** The objects a check expects to exist (or reads from), by kind; `absent:` checks expect none. */
function checkedObjects(check: Check): Partial<Record<keyof ResourceSet, string[]>> {
  switch (check.kind) {
    case 'container':
      return check.state === 'absent' ? {} : { containers: [check.name], ...(check.network ? { networks: [check.network] } : {}) };
    case 'exec':
    case 'logs':
      return { containers: [check.container] };
    case 'network':
      return check.absent ? {} : { networks: [check.name], containers: check.containers ?? [] };
    case 'volume':
      return check.absent ? {} : { volumes: [check.name], ...(check.mountedIn ? { containers: [check.mountedIn] } : {}) };
    case 'image':
      return check.absent ? {} : { images: [check.ref, ...(check.smallerThan ? [check.smallerThan] : [])] };
    case 'compose':
      // Compose names a project's network and volumes `<project>_<key>`.
      return check.absent ? {} : { volumes: (check.volumes ?? []).map((v) => `${check.project}_${v}`) };
    default:
      return {};
  }
}

/** Host ports a check looks at: `ports: ["8081:80"]` and `http://localhost:8081/`. */
function checkedPorts(check: Check): number[] {
  if (check.kind === 'container') return (check.ports ?? []).map((p) => Number(p.split(':').slice(-2)[0]));
  if (check.kind === 'compose') return Object.values(check.services ?? {}).flatMap((s) => (s.ports ?? []).map((p) => Number(p.split(':').slice(-2)[0])));
  if (check.kind === 'http') {
    const url = new URL(check.url);
    return url.hostname === 'localhost' || url.hostname === '127.0.0.1' ? [Number(url.port || 80)] : [];
  }
  return [];
}

describe('course: pairs share one Docker host', () => {
  const labs = sessions();

  it('finds the five built-in sessions, each with the pair variable (1–30)', () => {
    assert.deepEqual(
      labs.map((l) => l.id),
      ['basics', 'images-containers', 'image-management', 'images-networking-storage', 'docker-basics-compose'],
    );
    for (const lab of labs) {
      const pair = lab.variables.find((v) => v.name === 'pair');
      assert.ok(pair, `${lab.id} declares no pair variable`);
      assert.equal(pair.type, 'integer', lab.id);
      assert.ok((pair.min ?? 1) <= 1 && (pair.max ?? 0) >= 30, `${lab.id}: pair must take 1–30`);
    }
  });

  it('two labs of different pairs never share a resource name or a host port', () => {
    const owners = new Map<string, string>();
    for (const lab of labs) {
      for (const pair of PAIRS) {
        const who = `${lab.id} pair ${pair}`;
        const objects = labObjects(lab, { pair: String(pair) });
        assert.ok(KINDS.some((k) => objects[k].length), `${who} creates nothing: the test would prove nothing`);
        const keys = [...KINDS.flatMap((k) => objects[k].map((n) => `${k} ${n}`)), ...objects.composeProjects.map((p) => `compose project ${p}`), ...labHostPorts(lab, { pair: String(pair) }).map((p) => `host port ${p}`)];
        for (const key of new Set(keys)) {
          const owner = owners.get(key);
          if (owner && !owner.endsWith(` pair ${pair}`)) assert.fail(`${key}: ${owner} and ${who} would clash on one host`);
          // Ports may repeat between sessions of one pair; names may not (next test).
          if (!owner) owners.set(key, who);
        }
      }
    }
  });

  it('two sessions of the same pair never share a resource name', () => {
    for (const pair of PAIRS) {
      const owners = new Map<string, string>();
      for (const lab of labs) {
        const objects = labObjects(lab, { pair: String(pair) });
        for (const k of KINDS) {
          for (const name of objects[k]) {
            const owner = owners.get(`${k} ${name}`);
            assert.ok(!owner, `pair ${pair}: ${k} ${name} belongs to both ${owner} and ${lab.id}; a reset of one would remove the other's`);
            owners.set(`${k} ${name}`, lab.id);
          }
        }
      }
    }
  });

  it('keeps everything a lab creates or checks for inside its reset scope, and checks only its own host ports', () => {
    for (const lab of labs) {
      const pulled = new Set(lab.images.map(normalizeImageRef));
      for (const pair of PAIRS) {
        const vars = { pair: String(pair) };
        const scope = labObjects(lab, vars);
        const ports = labHostPorts(lab, vars);
        for (const step of lab.steps) {
          for (const check of [...step.precondition, ...step.checks].map((c) => resolveCheck(c, vars, lab.variables))) {
            const where = `${lab.id} pair ${pair} step ${step.id} (${check.kind})`;
            for (const [kind, names] of Object.entries(checkedObjects(check)) as [keyof ResourceSet, string[]][]) {
              for (const name of names) {
                if (kind === 'networks' && ['bridge', 'host', 'none'].includes(name)) continue;
                if (kind === 'images' && pulled.has(normalizeImageRef(name))) continue;
                const inScope = kind === 'images' ? scope.images.some((i) => normalizeImageRef(i) === normalizeImageRef(name)) : scope[kind].includes(name);
                assert.ok(inScope, `${where}: ${kind} ${name} is not in the lab's reset scope`);
              }
            }
            for (const port of checkedPorts(check)) assert.ok(ports.includes(port), `${where}: host port ${port} is not one the lab publishes (${ports.join(', ')})`);
          }
        }
      }
    }
  });

  it('the handout of a pair shows the same objects and ports, every template filled', () => {
    for (const lab of labs) {
      // The pair's values with the session's defaults for the rest (the deployment host), as `lab show --var` resolves them.
      const handout = labHandout(lab, resolveVariables(lab.variables, { pair: '7' }).values);
      assert.deepEqual(handout.resources, labObjects(lab, { pair: '7' }));
      assert.deepEqual(handout.hostPorts, labHostPorts(lab, { pair: '7' }));
      const text = JSON.stringify(handout.steps);
      assert.ok(!text.includes('{{'), `${lab.id}: a template is left in the handout`);
      assert.ok(text.includes('pair7-'), `${lab.id}: the handout does not show pair 7's names`);
    }
  });
});
