import * as assert from 'assert';
import { findPlaceholder, parseShellFence } from '../../../src/lab';

const fence = (text: string, lang = 'bash', norun = false) => parseShellFence(text, { lang, norun });

describe('lab: shell fences → commands', () => {
  it('joins `\\` continuations, drops comments, keeps one command per line', () => {
    const f = fence('# start a web server\ndocker run -d \\\n  --name web \\\n  -p 8080:80 \\\n  nginx:alpine   # the server\n\ndocker ps\n');
    assert.deepStrictEqual(f.commands.map((c) => [c.text, c.offset, c.runnable]), [
      ['docker run -d --name web -p 8080:80 nginx:alpine', 1, true],
      ['docker ps', 6, true],
    ]);
    assert.deepStrictEqual(f.rows.map((r) => r.kind), ['comment', 'command', 'blank', 'command']);
  });

  it('keeps # inside quotes and after non-space', () => {
    assert.strictEqual(fence('echo "a # b" x#y # cut').commands[0].text, 'echo "a # b" x#y');
  });

  it('joins PowerShell backtick continuations', () => {
    assert.strictEqual(fence('docker run -d `\n  --name web `\n  nginx', 'powershell').commands[0].text, 'docker run -d --name web nginx');
  });

  it('keeps a here-document whole', () => {
    const f = fence("cat > Dockerfile <<'EOF'\nFROM node:20-alpine\nUSER node\nEOF\ndocker build -t app .");
    assert.strictEqual(f.commands.length, 2);
    assert.strictEqual(f.commands[0].text, "cat > Dockerfile <<'EOF'\nFROM node:20-alpine\nUSER node\nEOF");
  });

  it('marks placeholders not runnable, leaves shell syntax alone', () => {
    assert.strictEqual(findPlaceholder('docker pull [이미지 이름]:[태그]'), '[이미지 이름]');
    assert.strictEqual(findPlaceholder('docker run [OPTIONS] IMAGE'), '[OPTIONS]');
    assert.strictEqual(findPlaceholder('docker build -t <image_name> <path>'), '<image_name>');
    assert.strictEqual(findPlaceholder('docker pull ...'), '...');
    assert.strictEqual(findPlaceholder('[ -f x ] && echo "$(cat < in.txt)"'), undefined);
    assert.strictEqual(findPlaceholder('docker ps --format "{{.Names}}"'), undefined);
    const f = fence('docker stop [컨테이너 ID 또는 이름]\ndocker stop web');
    assert.deepStrictEqual(f.commands.map((c) => c.runnable), [false, true]);
    assert.strictEqual(f.commands[0].reason, 'placeholder');
  });

  it('norun fences are shown, never run', () => {
    assert.deepStrictEqual(fence('docker ps', 'bash', true).commands.map((c) => c.reason), ['norun']);
  });

  it('reads transcripts: prompt lines are commands, the rest output', () => {
    const f = fence('$ docker ps\nCONTAINER ID   IMAGE\nroot@abc123:/# hostname -i\n172.19.0.2', 'console');
    assert.deepStrictEqual(f.commands.map((c) => [c.text, c.runnable]), [['docker ps', true], ['hostname -i', false]]);
    assert.deepStrictEqual(f.rows.map((r) => r.kind), ['command', 'output', 'command', 'output']);
    const docker = fence('root@box:~# sudo -E docker ps\nroot@box:~# ls', 'console');
    assert.deepStrictEqual(docker.commands.map((c) => [c.text, c.runnable]), [['sudo -E docker ps', true], ['ls', false]]);
  });
});
