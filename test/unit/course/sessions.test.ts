// The built-in course (exercises/): every session loads with the lab engine's own loader
// in both languages, ko.md and en.md tell the same lab, every step is checked, every image
// the course uses is listed and exists in the test fixture, and the pair variable keeps
// pairs apart in session 3.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createdObjects, discoverSessions, loadSessionFolder, referencedImages, substitute, type Lab } from '../../../src/lab';
import { lint, PILLAR_CATEGORIES } from '../../../src/lint';

const root = path.resolve(__dirname, '..', '..', '..');
const exercises = path.join(root, 'exercises');

const EXPECTED = [
  { id: 'basics', dir: '01-basics' },
  { id: 'images-containers', dir: '02-images-containers' },
  { id: 'image-management', dir: '03-image-management' },
  { id: 'images-networking-storage', dir: '04-images-networking-storage' },
  { id: 'docker-basics-compose', dir: '05-docker-basics-compose' },
];

function load(dir: string, lang: 'ko' | 'en'): Lab {
  const result = loadSessionFolder(path.join(exercises, dir), lang);
  if (!result.lab) {
    const list = result.problems.map((p) => `${path.relative(root, p.file)}:${p.line}:${p.column} ${p.message.en}`).join('\n');
    assert.fail(`${dir} (${lang}) does not load:\n${list}`);
  }
  return result.lab;
}

/** `nginx` → `nginx:latest`, `docker.io/library/nginx:alpine` → `nginx:alpine`. */
function normalizeRef(ref: string): string {
  let r = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const lastSlash = r.lastIndexOf('/');
  if (!r.slice(lastSlash + 1).includes(':') && !r.includes('@')) r += ':latest';
  return r;
}

/**
 * Every command a session can run (the Markdown's runnable commands and the headless forms),
 * filled in with the variables' defaults unless other values are given.
 */
function allCommands(lab: Lab, values?: Record<string, string>): { step: string; text: string }[] {
  const vars = values ?? Object.fromEntries(lab.variables.map((v) => [v.name, v.default ?? '1']));
  const fill = (text: string): string => substitute(text, vars, lab.variables);
  return lab.steps.flatMap((s) => [
    ...s.commands.filter((c) => c.runnable).map((c) => ({ step: s.id, text: fill(c.text) })),
    ...(Array.isArray(s.headless) ? s.headless.map((text) => ({ step: s.id, text: fill(text) })) : []),
  ]);
}

/** Base images of the Dockerfiles in a starter folder (stage names excluded). */
function starterBaseImages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d)) {
      const abs = path.join(d, name);
      if (fs.statSync(abs).isDirectory()) walk(abs);
      else if (/^Dockerfile/.test(name)) {
        const stages = new Set<string>();
        for (const line of fs.readFileSync(abs, 'utf8').split('\n')) {
          const m = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
          if (!m) continue;
          if (!stages.has(m[1].toLowerCase())) out.push(m[1]);
          if (m[2]) stages.add(m[2].toLowerCase());
        }
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

describe('course: the built-in sessions', () => {
  let fixtureImages: string[];
  before(async () => {
    const mod = (await import(pathToFileURL(path.join(root, 'test', 'fixture', 'images.mjs')).href)) as { images: { ref: string }[] };
    fixtureImages = mod.images.map((i) => normalizeRef(i.ref));
  });

  it('finds the five sessions, in course order', () => {
    const found = discoverSessions([exercises]).map((s) => ({ id: s.id, dir: path.basename(s.dir) }));
    assert.deepEqual(found, EXPECTED);
  });

  for (const { id, dir } of EXPECTED) {
    describe(dir, () => {
      it('loads in Korean and in English without a problem', () => {
        assert.equal(load(dir, 'ko').id, id);
        assert.equal(load(dir, 'en').id, id);
      });

      it('offers a hint before every solution (a nudge first, the answer only after it, as in Killercoda: Tip, then Solution)', () => {
        const bare = load(dir, 'ko').steps.filter((s) => s.solution && !s.hint).map((s) => s.id);
        assert.deepEqual(bare, [], 'steps with a solution but no hint: their solution button would show at once');
      });

      it('ko.md and en.md have the same steps, in the same order, with the same commands', () => {
        const ko = load(dir, 'ko');
        const en = load(dir, 'en');
        assert.deepEqual(
          ko.steps.map((s) => s.id),
          en.steps.map((s) => s.id),
        );
        for (let i = 0; i < ko.steps.length; i++) {
          const k = ko.steps[i];
          const e = en.steps[i];
          assert.deepEqual(
            k.commands.map((c) => [c.text, c.runnable]),
            e.commands.map((c) => [c.text, c.runnable]),
            `step ${k.id}: commands differ`,
          );
          assert.notEqual(k.title, e.title, `step ${k.id}: the Korean title is the English one`);
        }
      });

      it('checks every step: a check, commands judged by their exit codes, or an expected failure with a precondition and a hint in both languages', () => {
        const lab = load(dir, 'ko');
        for (const step of lab.steps) {
          if (step.expect) {
            assert.ok(step.expect.failure, `${step.id}: expect without failure`);
            assert.ok(step.expect.output, `${step.id}: an expected failure must name the error it expects`);
            assert.ok(step.precondition.length > 0, `${step.id}: an expected failure needs a precondition`);
            assert.ok(step.hint && step.hint.ko !== step.hint.en, `${step.id}: the hint needs Korean and English`);
          } else {
            // A step that only looks at what earlier steps made (logs, inspect, ping) is judged
            // by its own commands: a check there would tick before the step runs.
            const judgedByCommands = step.commands.some((c) => c.runnable) || (Array.isArray(step.headless) && step.headless.length > 0);
            assert.ok(step.checks.length > 0 || judgedByCommands, `${step.id}: no check and no command to judge it by`);
          }
        }
      });

      it('gives every command that needs a terminal a headless form', () => {
        const lab = load(dir, 'ko');
        for (const step of lab.steps) {
          const interactive = step.commands.filter((c) => c.runnable && c.interactive);
          if (interactive.length) assert.ok(Array.isArray(step.headless), `${step.id}: ${interactive[0].text} needs a headless form`);
        }
      });

      it('lists every image it pulls, runs or builds from, and the test fixture has each one', () => {
        const lab = load(dir, 'ko');
        const listed = new Set(lab.images.map(normalizeRef));
        const built = new Set([
          ...lab.resources.images.map(normalizeRef),
          ...allCommands(lab).flatMap((c) => createdObjects(c.text).images.map(normalizeRef)),
        ]);
        const used = [
          ...allCommands(lab).flatMap((c) => referencedImages(c.text)),
          ...(lab.starter ? starterBaseImages(lab.starter) : []),
        ].map(normalizeRef);
        for (const ref of used) {
          if (built.has(ref)) continue;
          assert.ok(listed.has(ref), `${ref} is used but not in images:`);
        }
        for (const ref of listed) assert.ok(fixtureImages.includes(ref), `${ref} is not a fixture image (test/fixture/images.mjs)`);
      });

      it('declares every container, network and volume its commands create, so a reset finds them', () => {
        const lab = load(dir, 'ko');
        const vars = Object.fromEntries(lab.variables.map((v) => [v.name, v.default ?? '1']));
        const declared = {
          containers: lab.resources.containers.map((n) => substitute(n, vars, lab.variables)),
          networks: lab.resources.networks.map((n) => substitute(n, vars, lab.variables)),
          volumes: lab.resources.volumes.map((n) => substitute(n, vars, lab.variables)),
        };
        for (const c of allCommands(lab)) {
          const created = createdObjects(c.text);
          for (const kind of ['containers', 'networks', 'volumes'] as const) {
            for (const name of created[kind]) assert.ok(declared[kind].includes(name), `${c.step}: ${kind} ${name} is not under resources:`);
          }
        }
      });
    });
  }

  describe('03-image-management: pairs share a Docker host', () => {
    const namesAndPorts = (pair: number): { names: string[]; ports: string[] } => {
      const lab = load('03-image-management', 'ko');
      const names: string[] = [];
      const ports: string[] = [];
      for (const { text } of allCommands(lab, { pair: String(pair) })) {
        const created = createdObjects(text);
        names.push(...created.containers, ...created.networks, ...created.volumes);
        for (const m of text.matchAll(/(?:^|\s)(?:-p|--publish)[ =](?:[\d.]+:)?(\d+):\d+/g)) ports.push(m[1]);
      }
      return { names: [...new Set(names)], ports: [...new Set(ports)].sort() };
    };

    it('gives pair 1 ports 8081-8082 and pair 2 ports 8083-8084, and Grafana 8600 + pair', () => {
      assert.deepEqual(namesAndPorts(1).ports, ['8081', '8082', '8601']);
      assert.deepEqual(namesAndPorts(2).ports, ['8083', '8084', '8602']);
    });

    it('names every container and network after the pair, so pair 1 and pair 2 never clash', () => {
      const one = namesAndPorts(1);
      const two = namesAndPorts(2);
      assert.ok(one.names.length >= 10);
      for (const n of one.names) assert.match(n, /^pair1-/);
      for (const n of two.names) assert.match(n, /^pair2-/);
      assert.deepEqual(
        one.names.filter((n) => two.names.includes(n)),
        [],
      );
    });
  });

  describe('04-images-networking-storage: the starter app', () => {
    const starter = path.join(exercises, '04-images-networking-storage', 'starter');

    it('has the app, its lockfile, a .dockerignore and the reference Dockerfiles the headless run copies', () => {
      for (const f of ['server.js', 'build.js', 'package.json', 'package-lock.json', '.dockerignore', 'mission/nginx.conf']) {
        assert.ok(fs.existsSync(path.join(starter, f)), `starter/${f} is missing`);
      }
      const lab = load('04-images-networking-storage', 'ko');
      for (const step of lab.steps) {
        for (const text of Array.isArray(step.headless) ? step.headless : []) {
          const cp = /^cp\s+(\S+)\s+\S+$/.exec(text);
          if (cp) assert.ok(fs.existsSync(path.join(starter, cp[1])), `${step.id}: ${cp[1]} is not in the starter`);
        }
      }
    });

    it('has no dependencies, and the lockfile matches package.json (npm ci works offline)', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(starter, 'package.json'), 'utf8'));
      const lock = JSON.parse(fs.readFileSync(path.join(starter, 'package-lock.json'), 'utf8'));
      assert.equal(pkg.dependencies, undefined);
      assert.equal(pkg.devDependencies, undefined);
      assert.equal(lock.name, pkg.name);
      assert.equal(lock.version, pkg.version);
      assert.deepEqual(Object.keys(lock.packages), ['']);
      assert.ok(pkg.scripts.build && pkg.scripts.start);
    });

    /** The Dockerfile a step shows in its `dockerfile` fence, without comments and blank lines. */
    const shownDockerfile = (lang: 'ko' | 'en', stepId: string): string[] => {
      const lab = load('04-images-networking-storage', lang);
      const step = lab.steps.find((s) => s.id === stepId)!;
      const section = lab.markdown.split('\n').slice(step.line, step.endLine).join('\n');
      const fence = /```dockerfile[^\n]*\n([\s\S]*?)```/.exec(section);
      assert.ok(fence, `${stepId} (${lang}) shows no Dockerfile`);
      return instructions(fence[1]);
    };
    const instructions = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const solution = (name: string): string => fs.readFileSync(path.join(starter, 'solution', name), 'utf8');

    it('shows in both languages exactly the Dockerfiles its headless run copies from solution/', () => {
      for (const lang of ['ko', 'en'] as const) {
        assert.deepEqual(shownDockerfile(lang, 'basic'), instructions(solution('Dockerfile.basic')));
        assert.deepEqual(shownDockerfile(lang, 'multistage'), instructions(solution('Dockerfile.multistage')));
      }
    });

    it('marks each Dockerfile fence with the file its step builds, for "create this file"', () => {
      for (const lang of ['ko', 'en'] as const) {
        const lab = load('04-images-networking-storage', lang);
        const infos = [...lab.markdown.matchAll(/^```dockerfile([^\n]*)$/gm)].map((m) => m[1].trim());
        assert.deepEqual(infos, ['file=Dockerfile.basic', 'file=Dockerfile'], lang);
      }
    });

    it('grades with the linter: the multi-stage answer has no finding in the four pillars', () => {
      const findings = lint(solution('Dockerfile.multistage'), { lang: 'en' }).filter((f) => PILLAR_CATEGORIES.includes(f.category));
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1}: ${f.rule}`),
        [],
      );
    });

    it('gives the linter something to teach in the first attempt: base image, user and layer cache', () => {
      const categories = new Set(lint(solution('Dockerfile.basic'), { lang: 'en' }).map((f) => f.category));
      for (const c of ['base-image', 'user', 'layer-cache'] as const) assert.ok(categories.has(c), `Dockerfile.basic has no ${c} finding`);
    });

    it('keeps the reference answers and the mission files out of the build context', () => {
      const ignored = fs.readFileSync(path.join(starter, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
      for (const entry of ['node_modules', 'solution', 'mission', 'dist']) assert.ok(ignored.includes(entry), `.dockerignore lacks ${entry}`);
    });
  });
});
