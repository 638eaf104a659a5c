// The explorer's manifest entries agree with its code: every command it contributes is
// registered and titled in English and Korean. (That every editor string has a Korean
// translation is checked for all of src/ by test/unit/l10n.test.ts.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

describe('explorer contributions', () => {
  const manifest = read('package.json');
  const nlsEn = read('package.nls.json');
  const nlsKo = read('package.nls.ko.json');
  const glue = fs.readdirSync(path.join(root, 'src/explorer/vscode'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(root, 'src/explorer/vscode', f), 'utf8')).join('\n');
  const commands: Array<{ command: string; title: string; icon?: string }> = manifest.contributes.commands.filter((c: { command: string }) => c.command.startsWith('dockerLabs.explorer.'));

  it('registers every contributed command and contributes every registered one', () => {
    const registered = new Set([...glue.matchAll(/'(dockerLabs\.explorer\.[\w.]+)': /g)].map((m) => m[1]));
    assert.deepEqual(new Set(commands.map((c) => c.command)), registered);
  });

  it('titles every command in English and Korean, with an icon', () => {
    for (const c of commands) {
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      assert.ok(key && nlsEn[key] && nlsKo[key], `${c.command} lacks a title`);
      assert.notEqual(nlsEn[key], nlsKo[key]);
      assert.match(c.icon ?? '', /^\$\([\w-]+\)$/, `${c.command} lacks an icon`);
    }
  });

  it('menus only name contributed commands in the explorer view', () => {
    const ids = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const menus = manifest.contributes.menus;
    for (const entry of [...menus['view/title'], ...menus['view/item/context']].filter((m: { command: string }) => m.command.startsWith('dockerLabs.explorer.'))) {
      assert.ok(ids.has(entry.command), entry.command);
      assert.match(entry.when, /view == dockerLabs\.explorer/);
    }
  });
});
