import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copyStarter, starterFiles } from '../../../src/lab';

describe('lab: starter files', () => {
  it('copies what is missing, never overwrites a changed file unless asked', () => {
    const starter = fs.mkdtempSync(path.join(os.tmpdir(), 'starter-'));
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'target-'));
    fs.mkdirSync(path.join(starter, 'src'));
    fs.writeFileSync(path.join(starter, 'Dockerfile'), 'FROM node:20-alpine\n');
    fs.writeFileSync(path.join(starter, 'src', 'app.js'), 'console.log(1)\n');
    fs.writeFileSync(path.join(starter, 'package.json'), '{}\n');
    fs.writeFileSync(path.join(target, 'Dockerfile'), 'FROM node:18\n# my own work\n');
    fs.writeFileSync(path.join(target, 'package.json'), '{}\n');
    const files = starterFiles(starter, target);
    assert.deepStrictEqual(files.map((f) => [f.rel, f.conflict, f.same]), [
      ['Dockerfile', true, false],
      ['package.json', false, true],
      [path.join('src', 'app.js'), false, false],
    ]);
    assert.deepStrictEqual(copyStarter(files, false), [path.join('src', 'app.js')]);
    assert.strictEqual(fs.readFileSync(path.join(target, 'Dockerfile'), 'utf8'), 'FROM node:18\n# my own work\n');
    assert.deepStrictEqual(copyStarter(starterFiles(starter, target), true), ['Dockerfile']);
    assert.strictEqual(fs.readFileSync(path.join(target, 'Dockerfile'), 'utf8'), 'FROM node:20-alpine\n');
  });
});
