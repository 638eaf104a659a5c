// The lab view's controls beyond Run/Check: file fences ("create this file"), `command:`
// links to our own commands (and only those), blocks for one operating system.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadMarkdownFile } from '../../../src/lab';
import { parseFenceInfo } from '../../../src/lab/load/fences';
import { labFileTarget, writeLabFile } from '../../../src/lab/load/starter';
import { parseViewMessage } from '../../../src/lab/view/protocol';
import { parseCommandLink, renderLab, type LabelKey } from '../../../src/lab/view/render';
import type { LabOs } from '../../../src/lab/load/fences';

const labels = new Proxy({} as Record<LabelKey, string>, { get: (_t, k) => (k === 'osOnly' ? 'only on {0}' : `«${String(k)}»`) });

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lab-controls-'));
}

function load(markdown: string) {
  const file = path.join(tmp(), 'x.md');
  fs.writeFileSync(file, markdown);
  return loadMarkdownFile(file, 'ko').lab!;
}

function render(markdown: string, o: { os?: LabOs; interactive?: boolean } = {}) {
  return renderLab({ lab: load(markdown), labels, interactive: o.interactive ?? true, os: o.os ?? 'linux', resolveImage: () => undefined });
}

const FILES = `# Files

## Write {#write}

\`\`\`dockerfile file=Dockerfile
FROM nginx:alpine
\`\`\`

\`\`\`yaml file="app/compose.yaml"
services:
  web:
    image: nginx:alpine
\`\`\`

\`\`\`dockerfile
FROM busybox
\`\`\`

\`\`\`bash
docker build -t x .
\`\`\`
`;

describe('lab view: file fences', () => {
  it('the info string names the file: file=PATH (quoted or not), save-as= too', () => {
    assert.deepEqual(parseFenceInfo('dockerfile file=Dockerfile'), { lang: 'dockerfile', norun: false, file: 'Dockerfile' });
    assert.deepEqual(parseFenceInfo('yaml file="my app/compose.yaml" norun'), { lang: 'yaml', norun: true, file: 'my app/compose.yaml' });
    assert.equal(parseFenceInfo('yaml save-as=compose.yaml').file, 'compose.yaml');
    assert.equal(parseFenceInfo('dockerfile').file, undefined);
  });

  it('a file fence gets a "create this file" button with its index only; other fences do not', () => {
    const { html, files } = render(FILES);
    assert.deepEqual(files, [
      { path: 'Dockerfile', content: 'FROM nginx:alpine\n' },
      { path: 'app/compose.yaml', content: 'services:\n  web:\n    image: nginx:alpine\n' },
    ]);
    assert.equal((html.match(/data-action="createFile"/g) ?? []).length, 2);
    assert.ok(html.includes('data-action="createFile" data-file="0"'));
    assert.ok(html.includes('data-action="createFile" data-file="1"'));
    assert.ok(html.includes('📄 app/compose.yaml'));
    assert.ok(!/data-action="createFile"[^>]*FROM/.test(html), 'the button carries no content');
    // The file fences keep their copy button, and the shell fence still runs.
    assert.ok(html.includes('data-action="run" data-step="write" data-index="0"'));
  });

  it('variables are filled into the path and the content; read-only labs get a disabled button', () => {
    const md = '# V\n\n## W {#w}\n\n```dockerfile file=pair{{pair}}/Dockerfile\nFROM nginx\nLABEL pair={{pair}}\n```\n';
    const file = path.join(tmp(), 'x.md');
    fs.writeFileSync(file, md);
    fs.writeFileSync(path.join(path.dirname(file), 'x.lab.yaml'), 'id: v\ntitle: { ko: V, en: V }\nvariables:\n  pair: { type: integer, min: 1, max: 30, default: 1 }\nsteps:\n  - id: w\n    checks: []\n');
    const lab = loadMarkdownFile(file, 'ko').lab!;
    const { files, html } = renderLab({ lab, vars: { pair: '7' }, labels, interactive: false, os: 'linux', resolveImage: () => undefined });
    assert.deepEqual(files, [{ path: 'pair7/Dockerfile', content: 'FROM nginx\nLABEL pair=7\n' }]);
    assert.ok(/data-action="createFile" data-file="0"[^>]* disabled/.test(html));
  });

  it('a solution written in Markdown may hold file fences too', () => {
    const file = path.join(tmp(), 'x.md');
    fs.writeFileSync(file, '# S\n\n## A {#a}\n\n```bash\ndocker ps\n```\n');
    fs.writeFileSync(path.join(path.dirname(file), 'x.lab.yaml'), 'id: s\ntitle: { ko: S, en: S }\nsteps:\n  - id: a\n    solution:\n      ko: "```dockerfile file=Dockerfile\\nFROM alpine:3.20\\n```"\n      en: "```dockerfile file=Dockerfile\\nFROM alpine:3.20\\n```"\n');
    const lab = loadMarkdownFile(file, 'ko').lab!;
    const { files } = renderLab({ lab, labels, interactive: true, os: 'linux', resolveImage: () => undefined });
    assert.deepEqual(files, [{ path: 'Dockerfile', content: 'FROM alpine:3.20\n' }]);
  });

  it('the target stays inside the lab folder; same content is left alone, other content is a conflict', () => {
    const dir = tmp();
    assert.equal(labFileTarget(dir, '../outside', 'x'), undefined);
    assert.equal(labFileTarget(dir, '/etc/passwd', 'x'), undefined);
    assert.equal(labFileTarget(dir, 'C:\\x', 'x'), undefined);
    assert.equal(labFileTarget(dir, 'a/../../b', 'x'), undefined);
    const fresh = labFileTarget(dir, 'app/compose.yaml', 'services: {}\n')!;
    assert.deepEqual({ ...fresh, target: path.relative(dir, fresh.target) }, { rel: path.join('app', 'compose.yaml'), target: path.join('app', 'compose.yaml'), conflict: false, same: false });
    writeLabFile(fresh, 'services: {}\n');
    assert.equal(fs.readFileSync(path.join(dir, 'app', 'compose.yaml'), 'utf8'), 'services: {}\n');
    assert.equal(labFileTarget(dir, 'app/compose.yaml', 'services: {}\n')!.same, true);
    assert.equal(labFileTarget(dir, 'app/compose.yaml', 'other\n')!.conflict, true);
  });

  it('the view message names the file by index; a malformed one is dropped', () => {
    assert.deepEqual(parseViewMessage({ type: 'createFile', sessionId: 's', file: 1 }), { type: 'createFile', sessionId: 's', file: 1 });
    assert.equal(parseViewMessage({ type: 'createFile', sessionId: 's', file: 'Dockerfile' }), undefined);
    assert.equal(parseViewMessage({ type: 'createFile', sessionId: 's', file: -1 }), undefined);
    assert.equal(parseViewMessage({ type: 'createFile', sessionId: 's', path: '/etc/passwd', content: 'x' }), undefined);
  });
});

describe('lab view: command links', () => {
  it('only dockerLabs.* commands are links; their arguments are encoded JSON', () => {
    assert.deepEqual(parseCommandLink('command:dockerLabs.explorer.focus'), { command: 'dockerLabs.explorer.focus', args: [] });
    assert.deepEqual(parseCommandLink(`command:dockerLabs.lab.open?${encodeURIComponent(JSON.stringify(['basics', 'run']))}`), { command: 'dockerLabs.lab.open', args: ['basics', 'run'] });
    assert.deepEqual(parseCommandLink(`command:dockerLabs.lab.open?${encodeURIComponent(JSON.stringify({ sessionId: 'basics' }))}`), { command: 'dockerLabs.lab.open', args: [{ sessionId: 'basics' }] });
    for (const refused of [
      'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D',
      'command:workbench.action.terminal.sendSequence',
      'command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%2Fpasswd%22%5D',
      'command:_workbench.downloadResource',
      'command:dockerLabsEvil.x',
      'command:dockerlabs.lab.open',
      'command:dockerLabs.lab.open?not-json',
      'https://example.com/command:dockerLabs.lab.open',
    ]) assert.equal(parseCommandLink(refused), undefined, refused);
  });

  it('our links render as anchors that post their index; other command: links stay plain text', () => {
    const md = `# L\n\n[탐색기](command:dockerLabs.explorer.focus) [열기](command:dockerLabs.lab.open?%5B%22basics%22%5D) [보내기](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) [vscode](command:vscode.open?%5B%22file%3A%2F%2F%2Fetc%22%5D)\n`;
    const { html, links } = render(md);
    assert.deepEqual(links, [
      { command: 'dockerLabs.explorer.focus', args: [] },
      { command: 'dockerLabs.lab.open', args: ['basics'] },
    ]);
    assert.ok(html.includes('<a href="#" class="command-link" data-action="command" data-link="0" title="dockerLabs.explorer.focus">탐색기</a>'), html);
    assert.ok(html.includes('data-link="1"'));
    assert.ok(!/href="command:/i.test(html), 'no command URI reaches the page');
    assert.ok(!html.includes('data-link="2"'));
    assert.ok(html.includes('[보내기](command:workbench.action.terminal.sendSequence'), 'a refused link stays as its text');
    assert.ok(html.includes('[vscode](command:vscode.open'));
  });

  it('in a read-only lab the links are disabled', () => {
    const { html } = render('# L\n\n[탐색기](command:dockerLabs.explorer.focus)\n', { interactive: false });
    assert.ok(/data-action="command" data-link="0"[^>]* disabled=""/.test(html), html);
  });

  it('the view message names the link by index, never a command', () => {
    assert.deepEqual(parseViewMessage({ type: 'command', sessionId: 's', link: 0 }), { type: 'command', sessionId: 's', link: 0 });
    assert.equal(parseViewMessage({ type: 'command', sessionId: 's', command: 'workbench.action.terminal.sendSequence' }), undefined);
    assert.equal(parseViewMessage({ type: 'command', sessionId: 's', link: '0' }), undefined);
  });
});

const OS_MD = `# OS

## Conflict {#conflict}

\`\`\`bash
docker ps
\`\`\`

\`\`\`text os=windows|mac
Error response from daemon: Ports are not available
\`\`\`

\`\`\`text os=linux
Error response from daemon: port is already allocated
\`\`\`

\`\`\`powershell os=windows
docker ps --format "{{.Names}}" | Select-String web
\`\`\`

\`\`\`sh os=linux,mac
docker ps | grep web
\`\`\`

\`\`\`text os=beos
never shown
\`\`\`
`;

describe('lab view: blocks for one operating system', () => {
  it('os= takes windows, mac, linux (and their usual aliases), separated by | or ,', () => {
    assert.deepEqual(parseFenceInfo('text os=windows|mac').os, ['windows', 'mac']);
    assert.deepEqual(parseFenceInfo('sh os=linux,macos').os, ['linux', 'mac']);
    assert.deepEqual(parseFenceInfo('sh os=darwin').os, ['mac']);
    assert.deepEqual(parseFenceInfo('sh os=win32').os, ['windows']);
    assert.deepEqual(parseFenceInfo('sh os=beos').os, []);
    assert.equal(parseFenceInfo('sh').os, undefined);
  });

  it('each system sees only its blocks, with a badge naming them', () => {
    const linux = render(OS_MD, { os: 'linux' }).html;
    assert.ok(linux.includes('port is already allocated') && !linux.includes('Ports are not available'));
    assert.ok(linux.includes('grep web') && !linux.includes('Select-String'));
    assert.ok(linux.includes('only on Linux, macOS'));
    const windows = render(OS_MD, { os: 'windows' }).html;
    assert.ok(windows.includes('Ports are not available') && !windows.includes('port is already allocated'));
    assert.ok(windows.includes('Select-String') && !windows.includes('grep web'));
    assert.ok(windows.includes('only on Windows, macOS'));
    const mac = render(OS_MD, { os: 'mac' }).html;
    assert.ok(mac.includes('Ports are not available') && mac.includes('grep web') && !mac.includes('Select-String'));
    for (const html of [linux, windows, mac]) assert.ok(!html.includes('never shown'), 'an unknown system name shows nowhere');
  });

  it('an OS block is never run: the step runs the same commands on every system', () => {
    const lab = load(OS_MD);
    const step = lab.steps.find((s) => s.id === 'conflict')!;
    assert.deepEqual(step.commands.filter((c) => c.runnable).map((c) => c.text), ['docker ps']);
    const windows = render(OS_MD, { os: 'windows' }).html;
    assert.ok(!/data-action="run"[^>]*data-index="[1-9]"/.test(windows), 'only the shared command has a Run button');
  });
});
