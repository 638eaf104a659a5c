// Build Image's manifest entries agree with its code: the command is registered by the
// build capability and titled in English and Korean, it is offered on Dockerfiles in the
// editor title, the file explorer and the palette, and every colour the cache map paints
// with is contributed (themable) and described in both languages.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const source = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('build contributions', () => {
  const manifest = read('package.json');
  const nlsEn = read('package.nls.json');
  const nlsKo = read('package.nls.ko.json');
  const glue = source('src/build/vscode/index.ts');
  const decorations = source('src/build/vscode/decorations.ts');
  const ID = 'dockerLabs.build.image';

  it('contributes the command the glue registers, titled in English and Korean', () => {
    assert.match(glue, new RegExp(`BUILD_IMAGE_COMMAND = '${ID.replace(/\./g, '\\.')}'`));
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === ID);
    assert.ok(command, `${ID} is contributed`);
    const key = /^%(.+)%$/.exec(command.title)?.[1];
    assert.ok(key);
    assert.equal(nlsEn[key], 'Build Image');
    assert.equal(nlsKo[key], '이미지 빌드');
  });

  it('offers it on Dockerfiles in the editor title and the file explorer, and in the palette', () => {
    const menus = manifest.contributes.menus;
    const on = (menu: string) => menus[menu].find((m: { command: string }) => m.command === ID);
    assert.match(on('editor/title').when, /resourceLangId == dockerfile/);
    const explorer = on('explorer/context').when as string;
    assert.match(explorer, /resourceLangId == dockerfile/);
    // The file-name part of the when clause, as VS Code reads its regex.
    const names = new RegExp(/resourceFilename =~ \/(.+)\/ &&/.exec(explorer)![1]);
    for (const name of ['Dockerfile', 'Dockerfile.prod', 'Containerfile', 'app.Dockerfile', 'web.dockerfile']) assert.ok(names.test(name), name);
    for (const name of ['compose.yaml', 'Dockerfiles.md', 'README']) assert.ok(!names.test(name), name);
    assert.ok(on('commandPalette'), 'listed for the palette');
  });

  it('contributes and describes every colour the cache map uses', () => {
    const used = [...decorations.matchAll(/'(dockerLabs\.build\.\w+Foreground)'/g)].map((m) => m[1]);
    assert.equal(used.length, 4);
    for (const id of used) {
      const color = manifest.contributes.colors.find((c: { id: string }) => c.id === id);
      assert.ok(color, `${id} is contributed`);
      const key = /^%(.+)%$/.exec(color.description)?.[1];
      assert.ok(key && nlsEn[key] && nlsKo[key], `${id} is described in both languages`);
      for (const theme of ['dark', 'light', 'highContrast', 'highContrastLight']) assert.ok(color.defaults[theme], `${id} has a ${theme} default`);
    }
  });
});
