import { strict as assert } from 'node:assert';
import { PullProgress } from '../../../src/docker';
import { pullMessage } from '../../../src/explorer/pull';

describe('explorer pull progress', () => {
  it('turns the pull stream into a fraction and a short line', () => {
    const p = new PullProgress();
    p.feed({ status: 'Pulling from library/nginx', id: 'alpine' });
    p.feed({ status: 'Pulling fs layer', id: 'aaaaaaaaaaaa' });
    p.feed({ status: 'Pulling fs layer', id: 'bbbbbbbbbbbb' });
    assert.equal(p.fraction, 0);
    p.feed({ status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current: 500_000, total: 1_000_000 } });
    assert.equal(p.fraction, 0.125);
    assert.deepEqual(pullMessage(p), { ko: '레이어 0/2 · 500kB/1MB', en: '0/2 layers · 500kB/1MB' });
    p.feed({ status: 'Download complete', id: 'aaaaaaaaaaaa' });
    p.feed({ status: 'Pull complete', id: 'aaaaaaaaaaaa' });
    p.feed({ status: 'Already exists', id: 'bbbbbbbbbbbb' });
    assert.equal(p.fraction, 1);
    p.feed({ status: 'Status: Downloaded newer image for nginx:alpine' });
    assert.equal(p.lastStatus, 'Status: Downloaded newer image for nginx:alpine');
    assert.equal(pullMessage(p).en, '2/2 layers');
  });
});
