import * as assert from 'assert';
import { continuationAt, droppedLinesEnd, joinContinuations, lineContinues, withoutContinuation } from '../../../src/shell';

describe('shell line continuations', () => {
  it('finds escape, blanks and a line break, and returns the offset past the break', () => {
    assert.strictEqual(continuationAt('a \\\nb', 2, '\\'), 4);
    assert.strictEqual(continuationAt('a \\  \t\r\nb', 2, '\\'), 8);
    assert.strictEqual(continuationAt('a \\\rb', 2, '\\'), 4);
    assert.strictEqual(continuationAt('a `\nb', 2, '`'), 4);
    assert.strictEqual(continuationAt('a \\x\nb', 2, '\\'), -1, 'an escaped character is not a continuation');
    assert.strictEqual(continuationAt('a \\\nb', 1, '\\'), -1, 'no escape at the offset');
    assert.strictEqual(continuationAt('a `\nb', 2, '\\'), -1, 'another escape character');
  });

  it('takes blanks only where the caller allows them, and reads nothing past end', () => {
    assert.strictEqual(continuationAt('\\ \n', 0, '\\', undefined, { blanks: false }), -1);
    assert.strictEqual(continuationAt('\\\n', 0, '\\', undefined, { blanks: false }), 2);
    assert.strictEqual(continuationAt('\\  \n', 0, '\\', 3), -1);
    assert.strictEqual(continuationAt('\\  \n', 0, '\\', 3, { atEnd: true }), 3);
    assert.strictEqual(continuationAt('\\\r\n', 0, '\\', 2), 2, 'a CR alone when the LF lies past end');
  });

  it('skips the empty and comment lines BuildKit drops after a continuation', () => {
    const text = 'RUN a \\\n\n  # note\n   \n  b';
    const next = continuationAt(text, 6, '\\');
    assert.strictEqual(next, 8);
    assert.strictEqual(text.slice(droppedLinesEnd(text, next)), '  b');
    assert.strictEqual(droppedLinesEnd('x\n', 0), 0, 'a line that counts stays');
    assert.strictEqual(droppedLinesEnd('# only', 0), 6);
  });

  it('joins continuations and leaves other escapes alone', () => {
    assert.strictEqual(joinContinuations('a \\\n  b \\x \\ \r\nc', '\\'), 'a   b \\x c');
    assert.strictEqual(joinContinuations('no escape', '\\'), 'no escape');
  });

  it('reads line by line for fences', () => {
    assert.ok(lineContinues('docker run \\'));
    assert.ok(lineContinues('docker run \\  \t'));
    assert.ok(!lineContinues('echo a\\b'));
    assert.ok(!lineContinues(''));
    assert.ok(lineContinues('docker run `', '`'));
    assert.strictEqual(withoutContinuation('  --name web \\  '), '  --name web');
    assert.strictEqual(withoutContinuation('docker ps'), 'docker ps');
  });
});
