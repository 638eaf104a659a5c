// The webviews' one HTML shell: what its Content-Security-Policy lets in, and that nothing a
// page is given (titles, configuration from the daemon or a lab) can break out of its place.
import * as assert from 'assert';
import { webviewNonce, webviewPage } from '../../../src/util/webviewPage';

const base = { lang: 'ko', title: '실습', cspSource: 'https://file+.vscode-resource.test', nonce: 'n0nce', body: '<main></main>' };
const csp = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];

describe('util: the webview page shell', () => {
  it('allows only nonce scripts and the extension media; inline styles only for mermaid or a nonce', () => {
    const plain = csp(webviewPage(base));
    assert.strictEqual(plain, "default-src 'none'; img-src https://file+.vscode-resource.test; style-src https://file+.vscode-resource.test; font-src https://file+.vscode-resource.test; script-src 'nonce-n0nce'");
    assert.match(csp(webviewPage({ ...base, mermaid: true })), /style-src \S+ 'unsafe-inline';/);
    assert.match(csp(webviewPage({ ...base, styleText: 'body{}' })), /style-src \S+ 'nonce-n0nce';/);
    assert.doesNotMatch(csp(webviewPage({ ...base, styleText: 'body{}' })), /unsafe-inline/);
  });

  it('gives every script the nonce, in order, with defer where asked', () => {
    const html = webviewPage({ ...base, scripts: [{ src: 'a.js' }, { src: 'm.js', defer: true }], scriptText: 'run()', config: { id: 'cfg', value: { a: 1 } } });
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.strictEqual(scripts.length, 4);
    assert.ok(scripts.every((s) => s.includes('nonce="n0nce"')), scripts.join(' | '));
    assert.deepStrictEqual(scripts.map((s) => /id="cfg"|src="a.js"|src="m.js" defer|^ nonce="n0nce"$/.exec(s)?.[0]), ['id="cfg"', 'src="a.js"', 'src="m.js" defer', ' nonce="n0nce"']);
  });

  it('keeps hostile text in its place: the title escaped, the configuration unable to close its script', () => {
    const html = webviewPage({ ...base, title: '</title><script>x()</script>', config: { id: 'cfg', value: { name: '</script><script>alert(1)</script>' } } });
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>'));
    assert.strictEqual((html.match(/<\/script>/g) ?? []).length, 1, 'only the config element closes a script');
    const json = /<script nonce="n0nce" id="cfg" type="application\/json">(.*)<\/script>/.exec(html)![1];
    assert.deepStrictEqual(JSON.parse(json), { name: '</script><script>alert(1)</script>' });
  });

  it('a fresh nonce each time', () => {
    assert.notStrictEqual(webviewNonce(), webviewNonce());
    assert.match(webviewNonce(), /^[A-Za-z0-9+/]{22}==$/);
  });
});
