// The lab view's messages: what the session accepts from the page, and the state it draws.
import * as assert from 'assert';
import { emptyProgress, markStepDone, recordStepResult, type Lab, type Step } from '../../../src/lab';
import { LiveRuns } from '../../../src/lab/run/liveRuns';
import { parseViewMessage } from '../../../src/lab/view/protocol';
import { stepViews } from '../../../src/lab/view/stepViews';

describe('lab: view protocol', () => {
  it('accepts each message the page sends, with its ids and indexes', () => {
    const sessionId = 'l';
    assert.deepStrictEqual(parseViewMessage({ type: 'ready', sessionId }), { type: 'ready', sessionId });
    assert.deepStrictEqual(parseViewMessage({ type: 'run', sessionId, stepId: 's', commandIndex: 2 }), { type: 'run', sessionId, stepId: 's', commandIndex: 2 });
    assert.deepStrictEqual(parseViewMessage({ type: 'tick', sessionId, stepId: 's', checkpointIndex: 0, checked: true }), { type: 'tick', sessionId, stepId: 's', checkpointIndex: 0, checked: true });
    for (const type of ['runStep', 'check', 'markDone']) assert.deepStrictEqual(parseViewMessage({ type, sessionId, stepId: 's' }), { type, sessionId, stepId: 's' });
    for (const type of ['variables', 'prepull', 'reset', 'resetProgress']) assert.deepStrictEqual(parseViewMessage({ type, sessionId, extra: 1 }), { type, sessionId });
  });

  it('drops what is not one of its messages (no session, no step, a bad index, command text)', () => {
    for (const raw of [
      undefined,
      'run',
      { type: 'run', stepId: 's', commandIndex: 0 },
      { type: 'run', sessionId: 'l', commandIndex: 0 },
      { type: 'run', sessionId: 'l', stepId: 's', index: 0 },
      { type: 'run', sessionId: 'l', stepId: 's', commandIndex: -1 },
      { type: 'run', sessionId: 'l', stepId: 's', commandIndex: 1.5 },
      { type: 'run', sessionId: 'l', stepId: 's', command: 'docker system prune -af' },
      { type: 'tick', sessionId: 'l', stepId: 's', checkpointIndex: 0 },
      { type: 'exec', sessionId: 'l', stepId: 's' },
    ]) {
      assert.strictEqual(parseViewMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});

describe('lab: the state the view draws', () => {
  const command = (index: number) => ({ index, block: 0, text: `docker ps ${index}`, line: 3 + index, runnable: true, interactive: false, longRunning: false });
  const step: Step = { id: 's', title: 'S', level: 2, line: 1, endLine: 9, blocks: [], commands: [command(0), command(1)], manual: [], checks: [], precondition: [], hint: { ko: '힌트', en: 'hint' } };
  const lab = { id: 'l', title: { ko: '실습', en: 'Lab' }, steps: [step, { ...step, id: 't', hint: undefined }] } as unknown as Lab;

  it('shows progress, the live run of each command and the reason in the editor language', () => {
    const live = new LiveRuns();
    let progress = recordStepResult(emptyProgress(lab), { stepId: 's', status: 'failed', reason: { ko: '실패', en: 'failed' }, notes: [], commands: [], checks: [] });
    progress = markStepDone(progress, 't');
    live.commandEnded('s', 0, { index: 0, text: 'docker ps 0', outcome: { observed: true, exitCode: 1 } });
    const views = stepViews(lab, progress, live, 'ko');
    assert.deepStrictEqual(views.s, { status: 'failed', reason: '실패', showHint: true, commands: { 0: { running: false, exitCode: 1 } }, ticked: [] });
    assert.strictEqual(views.t.status, 'passed');
    assert.strictEqual(views.t.showHint, false);
  });

  it('a running step and a command running again (its old exit code hidden)', () => {
    const live = new LiveRuns();
    live.commandEnded('s', 1, { index: 1, text: 'docker ps 1', outcome: { observed: true, exitCode: 0 } });
    assert.strictEqual(live.startStep('s', { fresh: false }), true);
    assert.strictEqual(live.startStep('s', { fresh: false }), false, 'a second run while one runs');
    live.commandStarted('s', 1);
    const views = stepViews(lab, emptyProgress(lab), live, 'en');
    assert.strictEqual(views.s.status, 'running');
    assert.deepStrictEqual(views.s.commands, { 1: { running: true, exitCode: undefined } });
    assert.deepStrictEqual([...live.last('s').keys()], [1], 'the last outcome is kept for ✓ Check while it runs again');
    live.endStep('s');
    assert.strictEqual(live.startStep('s', { fresh: true }), true);
    assert.deepStrictEqual(stepViews(lab, emptyProgress(lab), live, 'en').s.commands, {}, 'a fresh run of the step forgets the old outcomes');
  });
});
