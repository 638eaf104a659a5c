// Capability boundaries (scripts/eslint/capability-boundaries.cjs): a RuleTester table of
// what may import what, then `npm run lint`'s own configuration (eslint.config.mjs, through
// ESLint's Node API) rejecting a deep cross-capability import.
import * as assert from 'assert/strict';
import * as path from 'path';
import { ESLint, RuleTester, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.resolve(__dirname, '..', '..', '..');
const file = (rel: string) => path.join(root, rel);

const rule = require(file('scripts/eslint/capability-boundaries.cjs')) as Rule.RuleModule;

describe('capability boundaries', function () {
  this.timeout(60_000);

  // RuleTester declares one mocha test per case: what may import what.
  new RuleTester({ languageOptions: { parser: tseslint.parser as never } }).run('capability-boundaries', rule, {
      valid: [
        { filename: file('src/lab/checks.ts'), code: "import { lint } from '../lint';" },
        { filename: file('src/lab/checks.ts'), code: "import { lint } from '../lint/index';" },
        { filename: file('src/lab/checks.ts'), code: "import { evaluateTemplate } from './template';" },
        { filename: file('src/lab/checks.ts'), code: "import { pick } from '../util/i18n';" },
        { filename: file('src/lab/vscode/session.ts'), code: "import { DockerodeState } from '../dockerState';" },
        { filename: file('src/lab/vscode/session.ts'), code: "import type { DockerService } from '../../docker/vscode';" },
        { filename: file('src/lab/vscode/session.ts'), code: "import { uiLang } from '../../util/vscode/lang';" },
        { filename: file('src/extension.ts'), code: "import { DockerService } from './docker/vscode';" },
        { filename: file('src/extension.ts'), code: "import { Chunks } from './chunks';" },
        { filename: file('src/extension.ts'), code: "const m = require('./lint/vscode') as typeof import('./lint/vscode');" },
        { filename: file('src/cli/lab.ts'), code: "export { lintForLab } from '../lab';" },
        { filename: file('src/lab/index.ts'), code: "import * as fs from 'fs'; import MarkdownIt from 'markdown-it';" },
      ],
      invalid: [
        { filename: file('src/cli/lab.ts'), code: "import { lintForLab } from '../lab/lintAdapter';", errors: [{ messageId: 'internal' }] },
        { filename: file('src/lab/checks.ts'), code: "import { PILLAR_CATEGORIES } from '../lint/types';", errors: [{ messageId: 'internal' }] },
        { filename: file('src/lab/checks.ts'), code: "import type { Finding } from '../lint/types';", errors: [{ messageId: 'internal' }] },
        { filename: file('src/explorer/vscode/index.ts'), code: "import { endpointLabel } from '../../docker/endpoint';", errors: [{ messageId: 'internal' }] },
        { filename: file('src/explorer/problem.ts'), code: "export * from '../docker/errors';", errors: [{ messageId: 'internal' }] },
        { filename: file('src/lab/vscode/index.ts'), code: "const m = require('../../explorer/model');", errors: [{ messageId: 'internal' }] },
        { filename: file('src/lab/vscode/index.ts'), code: "void import('../../lint/vscode/controller');", errors: [{ messageId: 'internal' }] },
        { filename: file('src/extension.ts'), code: "import { LintController } from './lint/vscode/controller';", errors: [{ messageId: 'internal' }] },
        { filename: file('src/lab/runner.ts'), code: "import { registerLinter } from '../lint/vscode';", errors: [{ messageId: 'glueFromEngine' }] },
        { filename: file('src/util/i18n.ts'), code: "import { lint } from '../lint';", errors: [{ messageId: 'sharedImportsCapability' }] },
        { filename: file('src/lint/engine.ts'), code: "import { activate } from '../extension';", errors: [{ messageId: 'entryFromCapability' }] },
      ],
    });

  it('names the public index to import instead', () => {
    const linter = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never }, plugins: { local: { rules: { 'capability-boundaries': rule } } }, rules: { 'local/capability-boundaries': 'error' } },
    ] });
    return linter.lintText("import { createClient } from '../docker/client';\n", { filePath: file('src/cli/lab.ts') }).then(([result]) => {
      assert.equal(result.messages.length, 1);
      assert.match(result.messages[0].message, /'\.\.\/docker\/client' reaches into the docker capability \(src\/docker\/client\): import from its index \('\.\.\/docker'\)/);
    });
  });

  it('npm run lint (eslint.config.mjs) rejects a deep cross-capability import in src/ and accepts the index', async () => {
    const eslint = new ESLint({ cwd: root });
    const deep = "import { lintForLab } from '../lab/lintAdapter';\nexport const f = lintForLab;\n";
    const [rejected] = await eslint.lintText(deep, { filePath: file('src/cli/boundary-fixture.ts') });
    assert.deepEqual(rejected.messages.map((m) => [m.ruleId, m.line]), [['local/capability-boundaries', 1]]);
    assert.equal(rejected.errorCount, 1);
    const [accepted] = await eslint.lintText(deep.replace('../lab/lintAdapter', '../lab'), { filePath: file('src/cli/boundary-fixture.ts') });
    assert.deepEqual(accepted.messages, []);
  });
});
