// The Labs view's data: a session's progress (`passed/total`) and each step's state,
// including an expected-failure step whose error was seen.
import * as assert from 'assert';
import * as path from 'path';
import { emptyProgress, loadSessionFolder, markStepDone, recordStepResult } from '../../../src/lab';
import { labsTreeSession, stepState } from '../../../src/lab/view/labsTree';

const lab = loadSessionFolder(path.resolve(__dirname, '../../../exercises/03-image-management'), 'ko').lab!;
const expected = lab.steps.find((s) => s.expect?.failure)!;
const plain = lab.steps.find((s) => !s.expect?.failure)!;

describe('lab: the Labs view model', () => {
  it('an untouched session is not started, 0 of all its steps', () => {
    const s = labsTreeSession(lab, emptyProgress(lab));
    assert.strictEqual(s.started, false);
    assert.strictEqual(s.passed, 0);
    assert.strictEqual(s.total, lab.steps.length);
    assert.ok(s.steps.every((step) => step.state === 'not-started'));
    assert.strictEqual(s.title, lab.title.ko);
  });

  it('marks passed, failed, running, and an expected failure seen; counts passes', () => {
    let p = recordStepResult(emptyProgress(lab), { stepId: plain.id, status: 'passed', notes: [], commands: [], checks: [] });
    p = recordStepResult(p, { stepId: expected.id, status: 'passed', notes: [], commands: [], checks: [], expectedFailure: true } as never);
    const failing = lab.steps.find((s) => s !== plain && s !== expected)!;
    p = recordStepResult(p, { stepId: failing.id, status: 'failed', notes: [], commands: [], checks: [] });
    const s = labsTreeSession(lab, p, (id) => id === lab.steps[lab.steps.length - 1].id);
    const state = (id: string) => s.steps.find((x) => x.stepId === id)!.state;
    assert.strictEqual(s.started, true);
    assert.strictEqual(s.passed, 2);
    assert.strictEqual(state(plain.id), 'passed');
    assert.strictEqual(state(expected.id), 'expected-failure-seen');
    assert.strictEqual(state(failing.id), 'failed');
    assert.strictEqual(state(lab.steps[lab.steps.length - 1].id), 'running');
  });

  it('an expected-failure step marked done by hand is only passed (no error was seen)', () => {
    const p = markStepDone(emptyProgress(lab), expected.id);
    assert.strictEqual(stepState(lab, p, expected.id), 'passed');
  });
});
