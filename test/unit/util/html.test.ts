import * as assert from 'assert';
import { escapeHtml } from '../../../src/util/html';

describe("util: escapeHtml (the webviews' one escaper)", function () {
  it('escapes the five characters that end text or a quoted attribute, and only those', function () {
    assert.equal(escapeHtml(`<img src=x onerror="a('b')">&amp;`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;amp;');
    assert.equal(escapeHtml('페어 3 · pair3-web'), '페어 3 · pair3-web');
  });
});
