// `docker-labs lab` reads its arguments with Node's util.parseArgs: bad arguments end in
// exit code 2 with the reason and the usage, never a run; --help prints the usage and exits 0.
import * as assert from 'assert';
import { runLab } from '../../../src/cli/lab';

async function lab(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const write = (key: 'stdout' | 'stderr') => (chunk: string | Uint8Array): boolean => ((out[key] += String(chunk)), true);
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = write('stdout') as typeof process.stdout.write;
  process.stderr.write = write('stderr') as typeof process.stderr.write;
  try {
    return { code: await runLab(argv), ...out };
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
  }
}

describe('docker-labs lab (CLI arguments)', () => {
  it('refuses an unknown option, a missing value and a third positional with the reason and the usage', async () => {
    const unknown = await lab(['run', 'basics', '--nope']);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /docker-labs lab: .*--nope/);
    assert.match(unknown.stderr, /run +<session\|file\.md>/);
    const missing = await lab(['run', 'basics', '--var']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /--var.*argument missing/);
    const extra = await lab(['show', 'basics', 'more']);
    assert.strictEqual(extra.code, 2);
    assert.match(extra.stderr, /unexpected argument more/);
    const format = await lab(['show', 'basics', '--format', 'xml']);
    assert.strictEqual(format.code, 2);
    assert.match(format.stderr, /--format must be text or json, not xml/);
  });

  it('--help and -h print the usage and exit 0; no command exits 2', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await lab([flag]);
      assert.strictEqual(r.code, 0, flag);
      assert.match(r.stdout, /reset <session\|file\.md>/);
    }
    assert.strictEqual((await lab([])).code, 2);
  });

  it('takes repeated --var in both spellings (--var k=v and --var=k=v); the last one wins', async () => {
    const r = await lab(['show', 'basics', '--var', 'pair=3', '--var=pair=4', '--format=json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const shown = JSON.stringify(JSON.parse(r.stdout));
    assert.ok(shown.includes('pair4-'), 'filled with pair 4');
    assert.ok(!shown.includes('pair3-'), 'not with pair 3');
  });
});
