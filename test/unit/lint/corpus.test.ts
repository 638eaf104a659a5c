// Every real-world Dockerfile in ../shared/corpus lints without throwing, and
// the incremental linter (the editor's) agrees with a fresh lint after edits,
// down to the RUN commands it reuses from the previous lint.
import * as assert from 'assert';
import { IncrementalLinter, lintText } from '../../../src/lint';
import { LintFacts } from '../../../src/lint/facts/lintFacts';
import type { DockerfileModel } from '../../../src/lint/parse/model';
import { corpus, prng } from './helpers';
import { corpusDir, needShared } from '../../support/shared';

function runCommands(model: DockerfileModel) {
  const facts = new LintFacts(model);
  return facts.runs.map((run) => ({ script: facts.script(run), commands: facts.commands(run) }));
}

describe('lint corpus', () => {
  const files = corpus();

  it('lints every corpus file without throwing and without a rule error', function () {
    if (!files) needShared(this, corpusDir); // ../shared/corpus/dockerfiles is not checked out here
    let findings = 0;
    for (const { name, text } of files!) {
      const r = lintText(text, { lang: 'ko' });
      assert.ok(r.model, name);
      assert.deepStrictEqual(r.ruleErrors, [], name);
      for (const f of r.findings) {
        assert.ok(f.range.start.line <= f.range.end.line, `${name}: ${f.rule} range`);
        assert.ok(f.message.length > 0);
      }
      findings += r.findings.length;
    }
    assert.ok(findings > 0);
  });

  it('re-linting after edits gives what a fresh lint gives', function () {
    if (!files) needShared(this, corpusDir); // ../shared/corpus/dockerfiles is not checked out here
    const random = prng(7);
    for (const { name, text } of files!.filter((_, i) => i % 5 === 0)) {
      const linter = new IncrementalLinter();
      let current = text;
      linter.lint(current);
      for (let k = 0; k < 5; k++) {
        const lines = current.split('\n');
        const at = Math.floor(random() * lines.length);
        const choice = random();
        if (choice < 0.4) lines[at] = lines[at] + ' x';
        else if (choice < 0.7) lines.splice(at, 0, 'RUN apt-get install -y curl');
        else lines.splice(at, 1);
        current = lines.join('\n');
        const again = linter.lint(current);
        const fresh = lintText(current);
        assert.deepStrictEqual(again.findings, fresh.findings, `${name} after edit ${k + 1}`);
        // The RUN commands a re-lint reuses (moved when the edit shifted them) are those a fresh read gives.
        assert.deepStrictEqual(runCommands(again.model!), runCommands(fresh.model!), `${name}: commands after edit ${k + 1}`);
      }
    }
  });
});
