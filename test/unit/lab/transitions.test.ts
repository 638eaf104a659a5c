// Progress transitions: pure, each returns new progress and leaves its input alone.
import * as assert from 'assert';
import {
  checkpointsDone,
  clearCreated,
  emptyProgress,
  markStepDone,
  onlyCheckpoints,
  recordStepResult,
  resetStepProgress,
  setVariables,
  tickCheckpoint,
  type SessionProgress,
  type Step,
  type StepResult,
} from '../../../src/lab';

const lab = { id: 'l', title: { ko: '실습', en: 'Lab' } };
const now = new Date('2026-01-02T03:04:05.000Z');

function step(over: Partial<Step> = {}): Step {
  return { id: 's', title: 'S', level: 2, line: 1, endLine: 2, blocks: [], commands: [], manual: [], checks: [], precondition: [], ...over };
}

function result(over: Partial<StepResult> = {}): StepResult {
  return { stepId: 's', status: 'passed', notes: [], commands: [], checks: [], ...over };
}

/** A deep copy, to show the input was not changed. */
const snapshot = (p: SessionProgress): SessionProgress => JSON.parse(JSON.stringify(p));

describe('lab: progress transitions', () => {
  it('records a failed result with its reason, not by hand, and leaves the input alone', () => {
    const before = markStepDone(emptyProgress(lab), 's', now);
    const copy = snapshot(before);
    const after = recordStepResult(before, result({ status: 'failed', reason: { ko: '실패', en: 'failed' } }), now);
    assert.deepStrictEqual(after.steps.s, { status: 'failed', reason: { ko: '실패', en: 'failed' }, at: now.toISOString(), byHand: false });
    assert.deepStrictEqual(before, copy);
  });

  it('a passed result says why: its first note, else the expected failure, else nothing', () => {
    const p = emptyProgress(lab);
    const note = { ko: '참고', en: 'note' };
    assert.deepStrictEqual(recordStepResult(p, result({ notes: [note] }), now).steps.s.reason, note);
    assert.match(recordStepResult(p, result({ expectedFailure: true }), now).steps.s.reason!.en, /expected error was recognised/);
    assert.strictEqual(recordStepResult(p, result(), now).steps.s.reason, undefined);
  });

  it('keeps the ticks of a step when its result is recorded', () => {
    const s = step({ manual: [{ text: 'a', line: 3 }] });
    const ticked = tickCheckpoint(emptyProgress(lab), s, 0, true, now);
    assert.deepStrictEqual(recordStepResult(ticked, result(), now).steps.s.ticked, [0]);
  });

  it('marks a step done by hand', () => {
    const after = markStepDone(emptyProgress(lab), 's', now);
    assert.strictEqual(after.steps.s.status, 'passed');
    assert.strictEqual(after.steps.s.byHand, true);
    assert.match(after.steps.s.reason!.en, /by hand/);
    assert.strictEqual(after.steps.s.at, now.toISOString());
  });

  it('ticks and unticks checkpoints in order, and ignores an index the step does not have', () => {
    const s = step({ manual: Array.from({ length: 12 }, (_x, i) => ({ text: `c${i}`, line: i + 3 })) });
    let p = emptyProgress(lab);
    for (const i of [10, 2, 0]) p = tickCheckpoint(p, s, i, true, now);
    assert.deepStrictEqual(p.steps.s.ticked, [0, 2, 10]);
    assert.strictEqual(p.steps.s.status, 'not-started');
    p = tickCheckpoint(p, s, 2, false, now);
    assert.deepStrictEqual(p.steps.s.ticked, [0, 10]);
    for (const bad of [-1, 12, 1.5]) assert.strictEqual(tickCheckpoint(p, s, bad, true, now), p);
  });

  it('checkpoints are done when every box is ticked, and a manual check also marked by hand', () => {
    const s = step({ manual: [{ text: 'a', line: 3 }, { text: 'b', line: 4 }] });
    let p = tickCheckpoint(emptyProgress(lab), s, 0, true, now);
    assert.strictEqual(checkpointsDone(p, s), false);
    p = tickCheckpoint(p, s, 1, true, now);
    assert.strictEqual(checkpointsDone(p, s), true);
    const withManualCheck = { ...s, checks: [{ kind: 'manual' as const, text: 'look' }] };
    assert.strictEqual(checkpointsDone(p, withManualCheck), false);
    assert.strictEqual(checkpointsDone(markStepDone(p, 's', now), withManualCheck), true);
  });

  it('a step with only checkpoints (nothing runnable, only manual checks)', () => {
    assert.strictEqual(onlyCheckpoints(step({ manual: [{ text: 'a', line: 3 }] })), true);
    assert.strictEqual(onlyCheckpoints(step({ checks: [{ kind: 'network', name: 'n' }] })), false);
    const command = { index: 0, block: 0, text: 'docker ps', line: 3, runnable: true, interactive: false, longRunning: false };
    assert.strictEqual(onlyCheckpoints(step({ commands: [command] })), false);
    assert.strictEqual(onlyCheckpoints(step({ commands: [{ ...command, runnable: false, reason: 'norun' }] })), true);
  });

  it('resetting progress forgets the steps and keeps the variables and what the lab created', () => {
    let p = setVariables(emptyProgress(lab), { pair: '2' });
    p.created.containers.push('web');
    p = markStepDone(p, 's', now);
    const fresh = resetStepProgress(p, now);
    assert.deepStrictEqual(fresh.steps, {});
    assert.deepStrictEqual(fresh.variables, { pair: '2' });
    assert.deepStrictEqual(fresh.created.containers, ['web']);
    assert.strictEqual(fresh.updated, now.toISOString());
    assert.deepStrictEqual(Object.keys(p.steps), ['s'], 'the input keeps its steps');
  });

  it('resetting the lab empties what it created', () => {
    const p = emptyProgress(lab);
    p.created.networks.push('n');
    const after = clearCreated(p);
    assert.deepStrictEqual(after.created, { containers: [], networks: [], volumes: [], images: [] });
    assert.deepStrictEqual(p.created.networks, ['n']);
  });

  it('sets the variables as a copy', () => {
    const values = { pair: '3' };
    const after = setVariables(emptyProgress(lab), values);
    values.pair = '4';
    assert.deepStrictEqual(after.variables, { pair: '3' });
  });
});
