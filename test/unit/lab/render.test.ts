// The lab view's HTML: step structure, Run buttons carrying only ids, and XSS payloads inert.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadMarkdownFile } from '../../../src/lab';
import { renderLab, type LabelKey } from '../../../src/lab/view/render';

const labels = new Proxy({} as Record<LabelKey, string>, { get: (_t, k) => `«${String(k)}»` });

function render(markdown: string, interactive = true) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-render-')), 'x.md');
  fs.writeFileSync(file, markdown);
  fs.writeFileSync(path.join(path.dirname(file), 'here.png'), 'png');
  const lab = loadMarkdownFile(file, 'ko').lab!;
  return renderLab({ lab, labels, interactive, resolveImage: (src) => (src === 'here.png' ? 'vscode-resource://here.png' : undefined) });
}

const XSS = `# Evil

<script>alert(1)</script>

<img src=x onerror="alert(2)">

<svg><script>alert(3)</script></svg>

[click](javascript:alert(4)) [cmd](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) [data](data:text/html;base64,PHNjcmlwdD4=) [file](file:///etc/passwd) [ok](https://docs.docker.com)

![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNSk+) ![remote](https://example.com/x.png) ![[도커 아키텍처.png]] ![[here.png]]

## Run {#run}

\`\`\`bash
echo "<img src=x onerror=alert(6)>"
\`\`\`
`;

describe('lab: view rendering', () => {
  it('no raw HTML, no script, no dangerous URL reaches the page', () => {
    const { html } = render(XSS);
    assert.ok(!/<script/i.test(html), 'no script element');
    // The only svg elements are the copy buttons' own icons, one per button.
    assert.strictEqual((html.match(/<svg/gi) ?? []).length, (html.match(/<button class="copy"[^>]*><svg class="icon"/g) ?? []).length, 'no svg element of the content');
    assert.ok(!/<img[^>]*onerror/i.test(html), 'no event attribute');
    assert.ok(!/href="(javascript|command|data|file):/i.test(html), html);
    assert.ok(!/src="data:/i.test(html));
    assert.ok(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/.test(html), 'shown as text');
    assert.ok(/<a href="https:\/\/docs.docker.com"[^>]*rel="noopener noreferrer"/.test(html));
    assert.ok(/embed-missing[^]*도커 아키텍처\.png/.test(html), 'wiki embed placeholder');
    assert.ok(html.includes('<img src="vscode-resource://here.png" alt="here.png">'), 'a local embed that exists is shown');
    assert.ok(/«remoteImage»[^]*remote/.test(html), 'remote image placeholder');
    assert.ok(html.includes('echo &quot;&lt;img src=x onerror=alert(6)&gt;&quot;'), 'command text escaped');
  });

  it('steps get a bar, commands a Run button with step id and index only', () => {
    const { html } = render('# T\n\n## A {#a}\n\n```bash\ndocker ps\ndocker pull [이미지 이름]\n```\n\n- [ ] done it\n\n## B {#b}\n\ntext\n');
    assert.ok(html.includes('<section class="step" id="step-a" data-step="a"'));
    assert.ok(html.includes('data-action="run" data-step="a" data-index="0"'));
    assert.ok(!html.includes('data-index="1" title'), 'the placeholder line has no Run button');
    assert.ok(html.includes('«notRunnable.placeholder»'));
    assert.ok(html.includes('data-action="tick" data-step="a" data-index="0"'));
    assert.ok(!html.includes('{#a}'), 'anchor removed from the heading');
    assert.strictEqual((html.match(/<section/g) ?? []).length, 2);
    assert.strictEqual((html.match(/<\/section>/g) ?? []).length, 2);
  });

  it('restricted mode renders Run and Check disabled', () => {
    const { html } = render('# T\n\n## A {#a}\n\n```bash\ndocker ps\n```\n', false);
    assert.ok(/data-action="run"[^>]*disabled/.test(html));
    assert.ok(/data-action="check"[^>]*disabled/.test(html));
  });

  it('mermaid is detected and kept as escaped source; wrapper tags are dropped', () => {
    const withMermaid = render('# T\n\n<div align="center">\n\n**hi**\n\n</div>\n\n```mermaid\ngraph LR\n  A[<img src=x onerror=alert(1)>] --> B\n```\n');
    assert.ok(withMermaid.hasMermaid);
    assert.ok(withMermaid.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!withMermaid.html.includes('div align'));
    assert.strictEqual(render('# T\n').hasMermaid, false);
  });
});
