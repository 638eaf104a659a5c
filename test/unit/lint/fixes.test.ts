// Every quick fix, applied, removes its finding, adds no other finding, and
// leaves a Dockerfile that still parses: on learner-style files and on every
// fix the corpus offers.
import * as assert from 'assert';
import { applyEdits, lintText, type Finding } from '../../../src/lint';
import { corpus, covered } from './helpers';
import { corpusDir, needShared } from '../../support/shared';

/** Dockerfiles with the mistakes the course warns about (several per file). */
const LEARNER_FILES = [
  // the course's "bad example" (Week 1 Day 3, session 2)
  'FROM ubuntu\nRUN apt-get update && apt-get install -y python3 python3-pip curl git\nCOPY . /app\nWORKDIR /app\nRUN pip3 install -r requirements.txt\nUSER root\n',
  // the course's deployment example with trailing comments (Docker 기본 이해)
  '# dockerfile.prod\n\nFROM node:14-alpine as build # build stage\n\nWORKDIR /app\n\nCOPY package.json .\n\nRUN npm install\n\nCOPY . .\n\nRUN npm run build\n\nFROM nginx:stable-alpine # production stage\n\nCOPY --from=build /app/build /usr/share/nginx/html\n\nEXPOSE 80\n\nCMD ["nginx", "-g", "daemon off;"]\n',
  'FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm install\nEXPOSE 3000:3000\nCMD npm start\n',
  'FROM python:3.9\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nENV FLASK_ENV development\nCMD python app.py\n',
  'FROM alpine\nRUN apk update\nRUN apk add curl\nRUN apk add git\nADD run.sh /run.sh\nWORKDIR app\nCMD /run.sh\n',
  'FROM debian:12\nRUN apt update\nRUN apt install curl\nRUN curl -fsSL https://example.com/install.sh | bash\nMAINTAINER someone <a@b.c>\nCMD ["a"]\nCMD ["b"]\n',
  'from golang:1.22 as Builder\nworkdir /src\ncopy . .\nrun go mod download\nrun go build -o /out/app .\nFROM scratch\nCOPY --from=Builder /out/app /app\nENTRYPOINT /app\n',
  'ARG VERSION=1.0\nFROM node:18-alpine\nLABEL version=$VERSION\nCOPY a.js b.js /app\nRUNN echo hi\nRUN apk add \\\n\n    curl\n',
  'FROM python:3.12-slim\nRUN pip install flask\nRUN apt-get update && apt-get install -y build-essential\nCOPY . .\nCMD ["python", "app.py"]\n',
  'FROM node:18-alpine AS deps\nCOPY package.json yarn.lock ./\nRUN yarn install\nFROM node:18-alpine\nCOPY --from=deps /node_modules ./node_modules\nCOPY . .\nRUN yarn\nUSER root\n',
];

function counts(list: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of list) m.set(f.rule, (m.get(f.rule) ?? 0) + 1);
  return m;
}

/** Checks every fix of `text`; returns how many were checked. */
function checkFixes(text: string, label: string): number {
  const before = lintText(text);
  assert.deepStrictEqual(before.ruleErrors, []);
  const countsBefore = counts(before.findings);
  let checked = 0;
  for (const f of before.findings) {
    if (!f.fix) continue;
    checked++;
    const where = `${label}: ${f.rule} at ${f.range.start.line + 1}:${f.range.start.character + 1} «${covered(text, f)}» (${f.fix.title})`;
    const fixed = applyEdits(text, f.fix.edits);
    assert.notStrictEqual(fixed, text, `${where}: the fix changes nothing`);
    const after = lintText(fixed);
    assert.ok(after.model, `${where}: result does not parse`);
    assert.deepStrictEqual(after.ruleErrors, [], where);
    const countsAfter = counts(after.findings);
    assert.ok((countsAfter.get(f.rule) ?? 0) < (countsBefore.get(f.rule) ?? 0), `${where}: the finding is still there\n--- fixed ---\n${fixed}`);
    for (const [rule, n] of countsAfter) {
      if (rule === f.rule) continue;
      if (n <= (countsBefore.get(rule) ?? 0)) continue;
      // Renaming an unknown keyword to a real one makes that instruction readable: what it
      // then reveals is about it (on its lines, or on the next instruction when it is about
      // the pair, like consecutive RUNs), not something the fix introduced elsewhere.
      if (f.rule === 'unknown-instruction' && after.model) {
        const list = after.model.instructions;
        const at = list.findIndex((i) => after.model!.lines.lineOf(i.start) === f.range.start.line);
        const first = f.range.start.line;
        const last = after.model.lines.lineOf(list[Math.min(at + 1, list.length - 1)].end);
        const newOnes = after.findings.filter((g) => g.rule === rule && !before.findings.some((b) => b.rule === rule && b.range.start.line === g.range.start.line));
        if (at !== -1 && newOnes.every((g) => g.range.start.line >= first && g.range.start.line <= last)) continue;
      }
      assert.fail(`${where}: introduces ${rule} (${countsBefore.get(rule) ?? 0} → ${n})\n--- fixed ---\n${fixed}`);
    }
  }
  return checked;
}

describe('lint quick fixes', () => {
  LEARNER_FILES.forEach((text, i) => {
    it(`learner file #${i + 1}: every fix removes its finding and adds none`, () => {
      assert.ok(checkFixes(text, `learner #${i + 1}`) > 0, 'expected fixable findings');
    });
  });

  it('every fix on every corpus file removes its finding and adds none', function () {
    const files = corpus();
    if (!files) needShared(this, corpusDir); // ../shared/corpus/dockerfiles is not checked out here
    let checked = 0;
    for (const { name, text } of files!) checked += checkFixes(text, name);
    assert.ok(checked > 100, `only ${checked} fixes checked`);
  });
});
