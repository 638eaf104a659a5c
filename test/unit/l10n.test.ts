// Korean first, English too: every string the editor shows has both. Manifest strings
// (%key%) need an entry in package.nls.json and package.nls.ko.json; every literal
// vscode.l10n.t('…') in src/ needs a Korean entry in l10n/bundle.l10n.ko.json (its key is
// the English text). Pure modules carry {ko, en} objects and are checked by their own tests.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('every user-visible string in Korean and English', () => {
  it('names only manifest keys that package.nls.json and package.nls.ko.json both define', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const en = readJson('package.nls.json');
    const ko = readJson('package.nls.ko.json');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 50, `only ${keys.length} %keys% in package.json`);
    for (const key of keys) {
      assert.ok(typeof en[key] === 'string' && en[key], `package.nls.json lacks ${key}`);
      assert.ok(typeof ko[key] === 'string' && ko[key], `package.nls.ko.json lacks ${key}`);
    }
    for (const key of Object.keys(ko)) assert.ok(key in en, `package.nls.ko.json has ${key}, which package.nls.json lacks`);
  });

  it('translates every vscode.l10n.t string of src/ into Korean', () => {
    const bundle = readJson('l10n/bundle.l10n.ko.json');
    const strings = sources(path.join(root, 'src')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)].map((m) => ({
        file: path.relative(root, file),
        text: m[2].replace(/\\(['"`\\])/g, '$1'),
      })),
    );
    assert.ok(strings.length > 100, `only ${strings.length} l10n.t strings found: is the pattern still right?`);
    for (const { file, text } of strings) {
      assert.ok(typeof bundle[text] === 'string' && bundle[text], `${file}: no Korean for "${text}"`);
    }
  });
});
