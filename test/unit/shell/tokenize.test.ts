import * as assert from 'assert';
import { tokenizeShell, unwrapCommand } from '../../../src/shell';

function cmds(src: string, escape: string | undefined = '\\') {
  const s = tokenizeShell(src, 0, src.length, escape ? { dockerfileEscape: escape } : {});
  return s.commands.map((c) => ({ name: c.name, argv: c.argv.map((w) => w.value), prev: c.prev, next: c.next, text: src.slice(c.start, c.end) }));
}

describe('lint shell tokenizer', () => {
  it('splits on && || ; | & and keeps positions', () => {
    const src = 'apt-get update && apt-get install -y curl || true; a | b & c';
    const c = cmds(src);
    assert.deepStrictEqual(c.map((x) => x.name), ['apt-get', 'apt-get', 'true', 'a', 'b', 'c']);
    assert.deepStrictEqual(c.map((x) => x.next), ['&&', '||', ';', '|', '&', null]);
    assert.strictEqual(c[1].text, 'apt-get install -y curl');
    assert.ok(tokenizeShell(src, 0, src.length).hasPipe);
  });

  it('removes quotes and applies escapes; keeps substitutions as written', () => {
    const c = cmds(`echo "a b" 'c $d' e\\ f "$(uname -m)" \${X:-y} \`date\``);
    assert.deepStrictEqual(c[0].argv, ['echo', 'a b', 'c $d', 'e f', '$(uname -m)', '${X:-y}', '`date`']);
  });

  it('does not split inside quotes or substitutions', () => {
    const c = cmds(`sh -c "a && b; c | d" && x="$(echo a && echo b)" y`);
    assert.deepStrictEqual(c.map((x) => x.name), ['sh', 'y']);
  });

  it('joins Dockerfile continuations and drops comment lines inside them', () => {
    const src = 'apt-get install -y \\\n# a comment\n    curl \\\n\n    git';
    const c = cmds(src);
    assert.deepStrictEqual(c[0].argv, ['apt-get', 'install', '-y', 'curl', 'git']);
  });

  it('uses the escape directive: backtick continuations, backslash stays literal', () => {
    const c = cmds('Get-Item C:\\x `\n  -Force', '`');
    assert.deepStrictEqual(c[0].argv, ['Get-Item', 'C:x', '-Force']);
  });

  it('separates commands by newlines in heredoc scripts and joins shell continuations', () => {
    const c = cmds('set -e\napt-get update \\\n  -q\n# comment\nmake', undefined);
    assert.deepStrictEqual(c.map((x) => x.argv.join(' ')), ['set -e', 'apt-get update -q', 'make']);
  });

  it('reads assignments, redirections, file descriptors and keywords', () => {
    const src = 'DEBIAN_FRONTEND=noninteractive apt-get install -y x > /dev/null 2>&1; if [ -f a ]; then cd /x; fi; { b; }';
    const s = tokenizeShell(src, 0, src.length, { dockerfileEscape: '\\' });
    const apt = s.commands[0];
    assert.deepStrictEqual(apt.assignments.map((w) => w.value), ['DEBIAN_FRONTEND=noninteractive']);
    assert.deepStrictEqual(apt.argv.map((w) => w.value), ['apt-get', 'install', '-y', 'x']);
    assert.deepStrictEqual(apt.redirects.map((r) => [r.op, r.target?.value]), [['>', '/dev/null'], ['>&', '1']]);
    assert.deepStrictEqual(s.commands.map((c) => c.name), ['apt-get', '[', 'cd', 'b']);
    assert.strictEqual(s.commands[3].depth, 1);
  });

  it('treats a comment as running to the end of the joined line', () => {
    assert.deepStrictEqual(cmds('echo a # b && c \\\n && d').map((x) => x.name), ['echo']);
  });

  it('unwraps sudo, env and friends', () => {
    const src = 'sudo -u app env A=1 apt-get install -y x';
    const s = tokenizeShell(src, 0, src.length);
    const inner = unwrapCommand(s.commands[0]);
    assert.strictEqual(inner?.name, 'env');
    const inner2 = inner && unwrapCommand(inner);
    assert.strictEqual(inner2?.name, 'apt-get');
    assert.strictEqual(inner2?.wrapper, 'env');
  });

  it('never throws on unbalanced input', () => {
    for (const src of ['"', "'", '$(', '${', '`', '((', ')))', '\\', '<<', '&&&&', '|||', '; ;', 'a "b \\\n c']) {
      tokenizeShell(src, 0, src.length, { dockerfileEscape: '\\' });
      tokenizeShell(src, 0, src.length);
    }
  });
});
