import { strict as assert } from 'node:assert';
import { PullProgress } from '../../../src/docker';

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';

describe('docker pull progress', () => {
  it('counts layers, weighs download and extraction half each', () => {
    const p = new PullProgress();
    p.feed({ status: 'Pulling fs layer', id: A });
    p.feed({ status: 'Pulling fs layer', id: B });
    assert.equal(p.layerCount, 2);
    p.feed({ status: 'Downloading', id: A, progressDetail: { current: 250, total: 1000 } });
    p.feed({ status: 'Downloading', id: B, progressDetail: { current: 1000, total: 4000 } });
    assert.deepEqual(p.downloading, { current: 1250, total: 5000 });
    assert.equal(p.fraction, 0.125);
    p.feed({ status: 'Download complete', id: A });
    assert.deepEqual(p.downloading, { current: 1000, total: 4000 });
    assert.equal(p.fraction, (0.5 + 0.125) / 2);
    p.feed({ status: 'Extracting', id: A, progressDetail: { current: 500, total: 1000 } });
    assert.equal(p.fraction, (0.75 + 0.125) / 2);
    p.feed({ status: 'Pull complete', id: A });
    assert.equal(p.layersDone, 1);
    assert.equal(p.fraction, (1 + 0.125) / 2);
  });

  it('keeps image-wide lines as the status, not as layers', () => {
    const p = new PullProgress();
    p.feed({ status: 'Pulling from library/redis', id: '7-alpine' });
    p.feed({ status: 'Digest: sha256:abc' });
    assert.equal(p.layerCount, 0);
    assert.equal(p.fraction, 0);
    assert.equal(p.lastStatus, 'Digest: sha256:abc');
    p.feed({ status: 'Already exists', id: A });
    assert.equal(p.fraction, 1);
    p.feed({ error: 'manifest unknown' });
    assert.equal(p.lastStatus, 'Digest: sha256:abc');
  });
});
