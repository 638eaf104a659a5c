import * as assert from 'assert';
import { doneContextKey, exportProgress, progressMarkdown, reviveProgress, summarize, type Lab } from '../../../src/lab';

const lab = {
  id: 'image-management',
  title: { ko: '이미지 관리 실습', en: 'Managing images' },
  steps: [
    { id: 'create-network', title: '네트워크 | 만들기' },
    { id: 'duplicate-network', title: '중복' },
    { id: 'cleanup', title: '정리' },
  ],
} as unknown as Lab;

describe('lab: progress', () => {
  it('context keys: everything outside [A-Za-z0-9] becomes _', () => {
    assert.strictEqual(doneContextKey('image-management', 'create-network'), 'dockerLabs.done.image_management.create_network');
    assert.strictEqual(doneContextKey('a.b', '스텝-1'), 'dockerLabs.done.a_b.___1');
  });

  it('revives stored progress and drops damaged parts', () => {
    const p = reviveProgress(lab, { steps: { 'create-network': { status: 'passed', at: 'x' }, bad: 5 }, variables: { pair: '2', n: 3 }, created: { containers: ['a', 7] } });
    assert.deepStrictEqual(Object.keys(p.steps), ['create-network']);
    assert.deepStrictEqual(p.variables, { pair: '2' });
    assert.deepStrictEqual(p.created.containers, ['a']);
    assert.deepStrictEqual(reviveProgress(lab, 'garbage').steps, {});
  });

  it('exports JSON and a Markdown table for an instructor', () => {
    const p = reviveProgress(lab, {
      variables: { pair: '2' },
      steps: {
        'create-network': { status: 'passed', at: '2026-01-01T00:00:00.000Z' },
        'duplicate-network': { status: 'passed', byHand: true, at: '2026-01-01T00:01:00.000Z' },
        cleanup: { status: 'failed', at: '2026-01-01T00:02:00.000Z', reason: { ko: '컨테이너가 남아 있습니다', en: 'a container is left' } },
      },
    });
    assert.deepStrictEqual(summarize(lab, p), { total: 3, passed: 2, failed: 1, skipped: 0 });
    const json = exportProgress(lab, p, new Date('2026-01-02T00:00:00Z'));
    assert.strictEqual(json.steps[1].byHand, true);
    assert.strictEqual(json.steps[2].status, 'failed');
    const md = progressMarkdown([json], 'ko');
    assert.match(md, /## 이미지 관리 실습 \(`image-management`\)/);
    assert.match(md, /통과: 2\/3 · 변수: pair=2/);
    assert.match(md, /\| 네트워크 \\\| 만들기 \| 통과 \|/);
    assert.match(md, /\| 중복 \| 통과 \| [^|]+ \| 직접 완료 표시 \|/);
    assert.match(md, /\| 정리 \| 실패 \| [^|]+ \| 컨테이너가 남아 있습니다 \|/);
    assert.match(progressMarkdown([json], 'en'), /\| 정리 \| failed \| [^|]+ \| a container is left \|/);
  });
});
