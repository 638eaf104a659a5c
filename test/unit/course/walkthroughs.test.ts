// The walkthroughs come from exercises/ through scripts/gen-walkthroughs.mjs: package.json,
// the nls files and walkthroughs/ must be what the generator makes now; every step ticks on
// the lab's context key; its buttons run and check the right step; and the generator
// edits only its own keys.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { discoverSessions, doneContextKey, loadSessionFolder, type Lab } from '../../../src/lab';

const root = path.resolve(__dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'gen-walkthroughs.mjs');

interface Planned {
  files: Map<string, string>;
  stale: string[];
  problems: string[];
}
interface Generator {
  plan(root: string): Promise<Planned>;
  outOfDate(root: string, planned: Planned): string[];
  updateNls(text: string, values: Record<string, string>): string;
  updatePackageJson(text: string, walkthroughs: unknown[]): string;
}

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}
interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: WalkthroughStep[];
}

const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** `%key%` → the value in an nls file. */
function resolve(nls: Record<string, unknown>, ref: string): string {
  const m = /^%(.+)%$/.exec(ref);
  assert.ok(m, `${ref} is not an nls reference`);
  const value = nls[m[1]];
  assert.equal(typeof value, 'string', `${m[1]} is missing from an nls file`);
  return value as string;
}

/** The `[label](command:id?args)` links of a walkthrough description, arguments decoded. */
function buttons(description: string): { label: string; id: string; args: unknown }[] {
  return [...description.matchAll(/^\[([^\]]+)\]\(command:([A-Za-z0-9_.]+)(?:\?([^)]*))?\)$/gm)].map((m) => ({
    label: m[1],
    id: m[2],
    args: m[3] ? JSON.parse(decodeURIComponent(m[3])) : undefined,
  }));
}

describe('course: walkthroughs', function () {
  this.timeout(60000);
  let gen: Generator;
  let planned: Planned;
  let labs: Map<string, Lab>;

  before(async () => {
    gen = (await import(pathToFileURL(script).href)) as Generator;
    planned = await gen.plan(root);
    labs = new Map();
    for (const s of discoverSessions([path.join(root, 'exercises')])) {
      const r = loadSessionFolder(s.dir, 'en');
      if (r.lab) labs.set(r.lab.id, r.lab);
    }
  });

  it('package.json, the nls files and walkthroughs/ are what the generator makes from exercises/', () => {
    assert.deepEqual(planned.problems, [], 'sessions the generator could not load');
    assert.deepEqual(gen.outOfDate(root, planned), [], 'run: node scripts/gen-walkthroughs.mjs');
  });

  it('contributes one walkthrough per session, in course order', () => {
    const walkthroughs = (readJson('package.json').contributes as { walkthroughs: Walkthrough[] }).walkthroughs;
    assert.deepEqual(
      walkthroughs.map((w) => w.id),
      [...labs.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((l) => l.id),
    );
    assert.equal(walkthroughs.length, 5);
  });

  it('ticks each step on the lab context key, not on a button, and has media in both languages', () => {
    const walkthroughs = (readJson('package.json').contributes as { walkthroughs: Walkthrough[] }).walkthroughs;
    for (const w of walkthroughs) {
      const lab = labs.get(w.id)!;
      assert.deepEqual(
        w.steps.map((s) => s.id),
        lab.steps.map((s) => s.id),
      );
      for (const step of w.steps) {
        const key = `dockerLabs.done.${w.id.replace(/[^A-Za-z0-9]/g, '_')}.${step.id.replace(/[^A-Za-z0-9]/g, '_')}`;
        assert.deepEqual(step.completionEvents, [`onContext:${key}`]);
        assert.equal(doneContextKey(w.id, step.id), key, 'the key the lab sets when the step passes');
        const media = path.join(root, step.media.markdown);
        assert.ok(fs.existsSync(media), `${step.media.markdown} is missing`);
        assert.ok(fs.existsSync(media.replace(/\.md$/, '.nls.ko.md')), `the Korean media of ${step.media.markdown} is missing`);
      }
    }
    assert.equal(doneContextKey('image-management', 'db-not-ready'), 'dockerLabs.done.image_management.db_not_ready');
  });

  it('localizes every title and description, with Korean buttons in Korean and English ones in English', () => {
    const en = readJson('package.nls.json');
    const ko = readJson('package.nls.ko.json');
    const walkthroughs = (readJson('package.json').contributes as { walkthroughs: Walkthrough[] }).walkthroughs;
    for (const w of walkthroughs) {
      assert.notEqual(resolve(ko, w.title), resolve(en, w.title));
      resolve(ko, w.description);
      resolve(en, w.description);
      for (const step of w.steps) {
        assert.notEqual(resolve(ko, step.title), resolve(en, step.title), `${w.id}/${step.id}: title not translated`);
        const koLabels = buttons(resolve(ko, step.description)).map((b) => b.label);
        const enLabels = buttons(resolve(en, step.description)).map((b) => b.label);
        assert.ok(koLabels.includes('✓ 확인'), `${w.id}/${step.id}: no Korean check button`);
        assert.ok(enLabels.includes('✓ Check'), `${w.id}/${step.id}: no English check button`);
      }
    }
  });

  it('gives each step buttons that run and check exactly that step, and the first step one that opens the lab', () => {
    const nls = readJson('package.nls.ko.json');
    const walkthroughs = (readJson('package.json').contributes as { walkthroughs: Walkthrough[] }).walkthroughs;
    for (const w of walkthroughs) {
      const lab = labs.get(w.id)!;
      w.steps.forEach((step, i) => {
        const labStep = lab.steps.find((s) => s.id === step.id)!;
        const bs = buttons(resolve(nls, step.description));
        const byId = (id: string) => bs.filter((b) => b.id === id);
        assert.deepEqual(
          byId('dockerLabs.lab.checkStep').map((b) => b.args),
          [[w.id, step.id]],
        );
        const runnable = labStep.commands.some((c) => c.runnable);
        assert.deepEqual(
          byId('dockerLabs.lab.runStep').map((b) => b.args),
          runnable ? [[w.id, step.id]] : [],
          `${w.id}/${step.id}: a run button only where there is something to run`,
        );
        assert.deepEqual(
          byId('dockerLabs.lab.open').map((b) => b.args),
          i === 0 ? [[w.id]] : [],
        );
      });
    }
  });

  it('turns a dockerLabs command link in a step into a walkthrough button (the explorer layer view)', () => {
    const nls = readJson('package.nls.json');
    const description = nls['walkthrough.images-containers.explorer-layers.description'] as string;
    assert.ok(buttons(description).some((b) => b.id.startsWith('dockerLabs.explorer.')));
  });

  it('fills templates in the media with the defaults and says so', () => {
    const media = fs.readFileSync(path.join(root, 'walkthroughs', 'image-management', 'port-conflict.nls.ko.md'), 'utf8');
    assert.match(media, /docker run -d -p 8081:80 --name pair1-another-web nginx:alpine/);
    assert.doesNotMatch(media, /\{\{/);
    assert.match(media, /pair=1/);
  });

  describe('edits only its own keys', () => {
    const odd = '{\n    "extension.displayName":   "Docker Labs",\n  "walkthrough.old.title": "gone",\n\t"view.explorer" : "Docker"\n}\n';

    it('updates, adds and removes walkthrough.* keys and leaves every other line as it was', () => {
      const out = gen.updateNls(odd, { 'walkthrough.a.title': 'A', 'walkthrough.b.title': 'B' });
      assert.deepEqual(JSON.parse(out), { 'extension.displayName': 'Docker Labs', 'view.explorer': 'Docker', 'walkthrough.a.title': 'A', 'walkthrough.b.title': 'B' });
      assert.ok(out.includes('    "extension.displayName":   "Docker Labs",\n'));
      assert.ok(out.includes('\t"view.explorer" : "Docker"'));
      assert.equal(gen.updateNls(out, { 'walkthrough.a.title': 'A', 'walkthrough.b.title': 'B' }), out, 'a second run changes nothing');
      const changed = gen.updateNls(out, { 'walkthrough.a.title': 'A2', 'walkthrough.b.title': 'B' });
      assert.equal(changed.replace('"A2"', '"A"'), out, 'a changed value is replaced in place');
    });

    it('replaces contributes.walkthroughs and nothing else in package.json', () => {
      const text = '{\n  "name": "x",\n  "contributes": {\n    "commands": [ { "command": "a",   "title": "A" } ],\n    "walkthroughs": []\n  },\n  "scripts": {"b": "c"}\n}\n';
      const out = gen.updatePackageJson(text, [{ id: 'w', steps: [] }]);
      assert.deepEqual((JSON.parse(out) as { contributes: { walkthroughs: unknown } }).contributes.walkthroughs, [{ id: 'w', steps: [] }]);
      assert.ok(out.includes('    "commands": [ { "command": "a",   "title": "A" } ],\n'));
      assert.ok(out.includes('  "scripts": {"b": "c"}\n'));
      assert.equal(gen.updatePackageJson(out, [{ id: 'w', steps: [] }]), out);
    });
  });

  it('--check exits non-zero when a generated file is out of date, and zero once regenerated', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docker-labs-walkthroughs-'));
    try {
      for (const f of ['package.json', 'package.nls.json', 'package.nls.ko.json']) fs.copyFileSync(path.join(root, f), path.join(tmp, f));
      for (const d of ['exercises', 'walkthroughs', 'scripts']) fs.cpSync(path.join(root, d), path.join(tmp, d), { recursive: true });
      fs.symlinkSync(path.join(root, 'src'), path.join(tmp, 'src'));
      fs.symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
      const run = (...args: string[]) => spawnSync(process.execPath, [path.join(tmp, 'scripts', 'gen-walkthroughs.mjs'), ...args], { cwd: tmp, encoding: 'utf8' });

      const ko = path.join(tmp, 'exercises', '03-image-management', 'ko.md');
      fs.writeFileSync(ko, fs.readFileSync(ko, 'utf8').replace('### 페어 네트워크 만들기 {#create-network}', '### 페어 네트워크를 만들어요 {#create-network}'));
      const stale = run('--check');
      assert.equal(stale.status, 1, stale.stderr);
      assert.match(stale.stderr, /package\.nls\.ko\.json/);
      assert.match(stale.stderr, /walkthroughs\/image-management\/create-network\.nls\.ko\.md/);

      assert.equal(run().status, 0);
      const fresh = run('--check');
      assert.equal(fresh.status, 0, fresh.stderr);
      assert.equal((JSON.parse(fs.readFileSync(path.join(tmp, 'package.nls.ko.json'), 'utf8')) as Record<string, string>)['walkthrough.image-management.create-network.title'], '페어 네트워크를 만들어요');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
