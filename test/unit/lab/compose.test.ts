// Compose in the lab engine: the `compose:` check (read from the labels both spellings
// write), its lab.yaml form, Compose command traits for `docker compose` and
// `docker-compose`, and a reset that removes the lab's projects and nothing else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  commandTraits,
  composeProjectsOf,
  describePlan,
  evaluateCheck,
  labObjects,
  loadSessionFolder,
  parseMetadata,
  planReset,
  resolveVariables,
  substitute,
  type Check,
  type Lab,
} from '../../../src/lab';
import { projectNameFor } from '../../../src/compose';
import { FakeDocker, FakeEnvironment } from './fakeDocker';

async function run(check: Check, docker: FakeDocker, env = new FakeEnvironment()) {
  return evaluateCheck(check, docker, env, { intervalMs: 5 });
}

function shop(): FakeDocker {
  return new FakeDocker()
    .addComposeContainer('pair1-shop', 'web', { n: 1, ports: [{ containerPort: '80/tcp', hostPort: '8405' }] })
    .addComposeContainer('pair1-shop', 'web', { n: 2 })
    .addComposeContainer('pair1-shop', 'db', { state: 'exited' })
    .addVolume('pair1-shop_pgdata');
}

describe('lab: compose check', () => {
  it('passes for a project whose services, replicas, ports, network and volumes match', async () => {
    const check: Check = {
      kind: 'compose',
      project: 'pair1-shop',
      services: { web: { state: 'running', replicas: 2, ports: ['8405:80'] }, db: { state: 'exited' }, cache: { state: 'absent' } },
      networks: ['default'],
      volumes: ['pgdata'],
    };
    assert.deepStrictEqual(await run(check, shop()), { ok: true });
  });

  it('says in one ko/en sentence what is missing and what to try', async () => {
    const cases: [Partial<Extract<Check, { kind: 'compose' }>>, RegExp, RegExp][] = [
      [{ project: 'pair2-shop' }, /Compose project `pair2-shop` has no container; run `docker compose -p pair2-shop up -d`/, /컨테이너가 없습니다/],
      [{ services: { api: {} } }, /has no service `api`/, /서비스 `api`가 없습니다/],
      [{ services: { db: { state: 'running' } } }, /Service `db` .* is exited, not running; see why with `docker compose -p pair1-shop logs db`/, /상태가 exited입니다\(기대한 상태: running\)/],
      [{ services: { web: { replicas: 3 } } }, /has 2 container\(s\), not 3; run `docker compose -p pair1-shop up -d --scale web=3`/, /3개가 아니라 2개/],
      [{ services: { web: { ports: ['8406:80'] } } }, /does not publish `8406:80`; add `"8406:80"` to its `ports:`/, /포트 `8406:80`를 게시하지 않습니다/],
      [{ services: { web: { state: 'absent' } } }, /still has a container of service `web`/, /아직 있습니다/],
      [{ networks: ['backend'] }, /has no network `pair1-shop_backend`/, /네트워크 `pair1-shop_backend`가 없습니다/],
      [{ volumes: ['cache'] }, /has no volume `pair1-shop_cache`; declare `cache:` under the top-level `volumes:`/, /볼륨 `pair1-shop_cache`가 없습니다/],
      [{ absent: true }, /still has containers .*; remove them with `docker compose -p pair1-shop down`/, /down`으로 정리하세요/],
    ];
    for (const [change, en, ko] of cases) {
      const out = await run({ kind: 'compose', project: 'pair1-shop', ...change } as Check, shop());
      assert.strictEqual(out.ok, false, JSON.stringify(change));
      assert.match(out.message!.en, en);
      assert.match(out.message!.ko, ko);
      assert.ok(!out.message!.en.includes('\n') && !out.message!.ko.includes('\n'));
    }
  });

  it('counts `compose run` containers as neither replicas nor a running project, and sees a project gone after down', async () => {
    const d = new FakeDocker().addComposeContainer('p', 'web', { name: 'p-web-run-1', oneoff: true });
    assert.match((await run({ kind: 'compose', project: 'p' }, d)).message!.en, /has no container/);
    assert.strictEqual((await run({ kind: 'compose', project: 'p', absent: true }, d)).ok, false);
    await d.removeContainer('p-web-run-1', true);
    assert.match((await run({ kind: 'compose', project: 'p', absent: true }, d)).message!.en, /still has network `p_default`/);
    await d.removeNetwork('p_default');
    d.networkProjects.clear();
    assert.deepStrictEqual(await run({ kind: 'compose', project: 'p', absent: true }, d), { ok: true });
  });

  it('finds the project of a compose file as Compose derives it: its name:, else its folder', async () => {
    assert.strictEqual(projectNameFor('services: {}\n', 'My_App 2'), 'my_app2');
    assert.strictEqual(projectNameFor('name: Shop\nservices: {}\n', 'x'), 'shop');
    assert.strictEqual(projectNameFor(': broken', '-web'), 'web');
    const env = new FakeEnvironment();
    env.folderName = 'workspace';
    env.files.set('compose.yaml', 'services:\n  web:\n    image: nginx\n');
    env.files.set('app/docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
    const d = new FakeDocker().addComposeContainer('workspace', 'web').addComposeContainer('app', 'web');
    assert.deepStrictEqual(await run({ kind: 'compose', project: 'compose.yaml', services: { web: { state: 'running' } } }, d, env), { ok: true });
    assert.deepStrictEqual(await run({ kind: 'compose', project: 'app/docker-compose.yml' }, d, env), { ok: true });
    const other = await run({ kind: 'compose', project: 'other/compose.yaml' }, d, env);
    assert.match(other.message!.en, /Compose project `other` has no container; run `docker compose -f other\/compose.yaml up -d`/);
  });
});

describe('lab: compose check in lab.yaml', () => {
  it('reads services (a state, or state/replicas/ports), networks, volumes and absent', () => {
    const { meta, problems } = parseMetadata(
      `id: t
title: T
steps:
  - id: up
    checks:
      - compose: pair1-shop
        services:
          web: { state: running, replicas: 2, ports: ["8405:80"] }
          db: exited
        networks: [default]
        volumes: [pgdata]
      - compose: pair1-shop
        absent: true
`,
      'lab.yaml',
    );
    assert.deepStrictEqual(problems, []);
    const [up, down] = meta!.steps[0].checks;
    assert.strictEqual(up.kind, 'compose');
    assert.deepStrictEqual(up.kind === 'compose' && { ...up, pos: undefined }, {
      kind: 'compose',
      pos: undefined,
      timeout: undefined,
      project: 'pair1-shop',
      services: { web: { state: 'running', replicas: 2, ports: ['8405:80'] }, db: { state: 'exited' } },
      networks: ['default'],
      volumes: ['pgdata'],
      absent: false,
    });
    assert.strictEqual(down.kind === 'compose' && down.absent, true);
  });

  it('reports a wrong service state or an unknown field with its line', () => {
    const { problems } = parseMetadata(
      `id: t
title: T
steps:
  - id: up
    checks:
      - compose: p
        services:
          web: started
          db: { replica: 2 }
`,
      'lab.yaml',
    );
    const text = problems.map((p) => `${p.line}: ${p.message.en}`);
    assert.ok(text.some((t) => /^8: .*web: must be one of: running, exited, absent/.test(t)), text.join('\n'));
    assert.ok(text.some((t) => /^9: .*unknown key `replica`/.test(t)), text.join('\n'));
  });
});

describe('lab: Compose commands', () => {
  it('knows which never end, which need a terminal, for both spellings', () => {
    for (const cli of ['docker compose', 'docker-compose']) {
      assert.strictEqual(commandTraits(`${cli} -p pair1-web up`).longRunning, true, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web up -d`).longRunning, false, cli);
      assert.strictEqual(commandTraits(`${cli} up --detach --build`).longRunning, false, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web logs -f web`).longRunning, true, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web logs --follow`).longRunning, true, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web logs web`).longRunning, false, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web attach web`).interactive, true, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web exec web sh`).interactive, true, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web exec -T web sh`).interactive, false, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web exec web cat /etc/hostname`).interactive, true, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web exec -T web cat /etc/hostname`).interactive, false, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web run --rm web echo hi`).interactive, false, cli);
      // -f with a value is not -f (follow) of logs: Compose's own options come before the subcommand.
      assert.strictEqual(commandTraits(`${cli} -f compose.yaml logs web`).longRunning, false, cli);
    }
  });

  it('treats a down without a project name as reaching beyond the lab, and one with -p as the lab\'s own', () => {
    for (const cli of ['docker compose', 'docker-compose']) {
      assert.deepStrictEqual(commandTraits(`${cli} down -v`).destructive, { kind: 'compose-down', force: false, allImages: false, volumes: true }, cli);
      assert.strictEqual(commandTraits(`${cli} -p pair1-web down`).destructive, undefined, cli);
      assert.strictEqual(commandTraits(`COMPOSE_PROJECT_NAME=pair1-web ${cli} down`).destructive, undefined, cli);
    }
  });

  it('names the projects of -p, --project-name, -pNAME, --project-name=NAME and COMPOSE_PROJECT_NAME', () => {
    assert.deepStrictEqual(composeProjectsOf('docker compose -p pair1-web up -d'), ['pair1-web']);
    assert.deepStrictEqual(composeProjectsOf('docker-compose --project-name pair1-web -f a.yml ps'), ['pair1-web']);
    assert.deepStrictEqual(composeProjectsOf('docker-compose -ppair1-x ps && docker compose --project-name=pair1-y ps'), ['pair1-x', 'pair1-y']);
    assert.deepStrictEqual(composeProjectsOf('COMPOSE_PROJECT_NAME=pair1-z docker compose up -d'), ['pair1-z']);
    assert.deepStrictEqual(composeProjectsOf('docker compose up -d'), []);
    assert.deepStrictEqual(composeProjectsOf('docker run -p 80:80 nginx'), []);
  });
});

const MD = `# Compose

## Up {#up}
\`\`\`bash
docker compose -p pair{{pair}}-web up -d
\`\`\`

## Down {#down}
\`\`\`bash
docker compose down -v
\`\`\`
`;

const YAML = `id: c
title: C
variables:
  pair: { type: integer, min: 1, max: 9, default: 1 }
  deploy: { type: endpoint }
steps:
  - id: up
    checks:
      - compose: pair{{pair}}-db
        volumes: [pgdata]
  - id: down
`;

function lab(): Lab {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-compose-'));
  fs.writeFileSync(path.join(dir, 'lab.yaml'), YAML);
  fs.writeFileSync(path.join(dir, 'ko.md'), MD);
  const r = loadSessionFolder(dir, 'en');
  assert.deepStrictEqual(r.problems, []);
  return r.lab!;
}

describe('lab: reset of Compose projects', () => {
  it('owns the projects its commands name and its checks look at, and their declared volumes', () => {
    const o = labObjects(lab(), { pair: '2' });
    assert.deepStrictEqual(o.composeProjects, ['pair2-web', 'pair2-db']);
    assert.deepStrictEqual(o.volumes, ['pair2-db_pgdata']);
  });

  it('removes the lab\'s projects (containers, networks, declared volumes) and spares another project and plain objects', async () => {
    const d = new FakeDocker()
      .addComposeContainer('pair2-web', 'web', { name: 'pair2-web_web_1' })
      .addComposeContainer('pair2-web', 'web', { name: 'pair2-web_web_run_1', oneoff: true, state: 'exited' })
      .addComposeContainer('pair2-db', 'db')
      .addVolume('pair2-db_pgdata')
      .addVolume('pair2-db_other')
      .addComposeContainer('pair3-web', 'web')
      .addContainer({ name: 'bystander' });
    const plan = await planReset(d, labObjects(lab(), { pair: '2' }));
    assert.deepStrictEqual(describePlan(plan).sort(), [
      'remove container pair2-db-db-1',
      'remove container pair2-web_web_1',
      'remove container pair2-web_web_run_1',
      'remove network pair2-db_default',
      'remove network pair2-web_default',
      'remove volume pair2-db_pgdata',
    ]);
  });

  it('scopes a down without -p to the lab\'s own projects (with -v their declared volumes, never images)', async () => {
    const d = new FakeDocker().addComposeContainer('pair2-web', 'web').addComposeContainer('pair2-db', 'db').addVolume('pair2-db_pgdata').addComposeContainer('pair3-web', 'web').addContainer({ name: 'pair2-plain' });
    const destructive = commandTraits('docker compose down -v').destructive!;
    const objects = labObjects(lab(), { pair: '2' });
    objects.containers.push('pair2-plain');
    const plan = await planReset(d, objects, destructive);
    assert.deepStrictEqual(describePlan(plan).sort(), [
      'remove container pair2-db-db-1',
      'remove container pair2-web-web-1',
      'remove network pair2-db_default',
      'remove network pair2-web_default',
      'remove volume pair2-db_pgdata',
    ]);
  });
});

describe('lab: endpoint variables', () => {
  it('accept a Docker host address and refuse anything a shell would read', () => {
    const specs = lab().variables;
    assert.deepStrictEqual(resolveVariables(specs, { deploy: 'ssh://ubuntu@10.0.0.5' }).problems, []);
    assert.deepStrictEqual(resolveVariables(specs, { deploy: 'unix:///run/user/0/docker.sock' }).problems, []);
    for (const bad of ['10.0.0.5', 'ssh://x; rm -rf /', 'tcp://$(id)', 'unix:///a b']) {
      assert.strictEqual(resolveVariables(specs, { deploy: bad }).problems.length, 1, bad);
    }
    assert.strictEqual(substitute('docker context create d --docker host={{deploy}}', { deploy: 'tcp://10.0.0.5:2376' }, specs), 'docker context create d --docker host=tcp://10.0.0.5:2376');
  });
});
