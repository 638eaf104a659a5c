import * as assert from 'assert';
import { innermostCommand, shellWords, tokenizeShell, wrappedCommands } from '../../../src/shell';

const first = (src: string) => tokenizeShell(src, 0, src.length).commands[0];

describe('shell wrappers and words', () => {
  it('lists what wrappers run, outermost first', () => {
    const chain = wrappedCommands(first('sudo -u app env A=1 nice -n 5 apt-get install -y x'));
    assert.deepStrictEqual(chain.map((c) => [c.name, c.wrapper]), [['env', 'sudo'], ['nice', 'env'], ['apt-get', 'nice']]);
    assert.deepStrictEqual(wrappedCommands(first('apt-get update')), []);
    assert.deepStrictEqual(wrappedCommands(first('sudo')), [], 'a wrapper that wraps nothing');
  });

  it('finds the command at the bottom', () => {
    assert.deepStrictEqual(innermostCommand(first('sudo -E timeout -s KILL 10 docker ps -a')).argv.map((w) => w.value), ['docker', 'ps', '-a']);
    assert.strictEqual(innermostCommand(first('gosu node npm start')).name, 'npm');
    const plain = first('docker ps');
    assert.strictEqual(innermostCommand(plain), plain);
  });

  it('splits text into words as a shell does, and says whether it is one simple command', () => {
    assert.deepStrictEqual(shellWords(`A=1 B="two words" C='$x' $D`), { words: ['A=1', 'B=two words', 'C=$x', '$D'], simple: true });
    assert.deepStrictEqual(shellWords(`sh -c "test -e /x"`), { words: ['sh', '-c', 'test -e /x'], simple: true });
    assert.deepStrictEqual(shellWords(''), { words: [], simple: true });
    for (const more of ['a | b', 'a; b', 'a &', 'a > f', '(a)', '# only a comment']) assert.strictEqual(shellWords(more).simple, false, more);
    assert.deepStrictEqual(shellWords('a && b').words, ['a', 'b']);
  });
});
