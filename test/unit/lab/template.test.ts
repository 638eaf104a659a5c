import * as assert from 'assert';
import { evaluateTemplate, parseVarArgs, resolveVariables, substitute, TemplateError, type VariableSpec } from '../../../src/lab';

const pair: VariableSpec = { name: 'pair', type: 'integer', min: 1, max: 30, default: '1' };
const who: VariableSpec = { name: 'who', type: 'name' };

describe('lab: templates', () => {
  it('substitutes variables and integer arithmetic', () => {
    assert.strictEqual(substitute('pair{{pair}}-network', { pair: '2' }, [pair]), 'pair2-network');
    assert.strictEqual(substitute('-p {{8079 + 2*pair}}:80 -p {{8080+2*pair}}:8080', { pair: '2' }, [pair]), '-p 8083:80 -p 8084:8080');
    assert.strictEqual(evaluateTemplate('(pair + 1) * 3 % 4 - 10 / 3', { pair: '2' }, [pair]), String(((2 + 1) * 3) % 4 - 3));
    assert.strictEqual(evaluateTemplate('-pair', { pair: '2' }, [pair]), '-2');
  });

  it('rejects what is not arithmetic: no eval', () => {
    for (const body of ['pair; rm -rf /', 'process.exit(1)', 'pair + ', '2 ** 3', '`id`', '$(id)', 'pair..x']) {
      assert.throws(() => evaluateTemplate(body, { pair: '1' }, [pair]), TemplateError, body);
    }
    assert.throws(() => evaluateTemplate('1/0', {}, []), TemplateError);
    assert.throws(() => evaluateTemplate('who + 1', { who: 'kim' }, [who]), TemplateError);
    assert.throws(() => substitute('{{missing}}', {}, []), TemplateError);
  });

  it('never substitutes a value with shell syntax, even if one got past validation', () => {
    assert.throws(() => substitute('docker run --name {{who}}', { who: 'x; rm -rf ~' }, [who]), TemplateError);
    assert.throws(() => substitute('{{who}}', { who: '$(id)' }, [who]), TemplateError);
    assert.strictEqual(substitute('{{who}}-web', { who: 'kim.lee_2' }, [who]), 'kim.lee_2-web');
  });
});

describe('lab: variables', () => {
  it('validates integers in range and names from the safe alphabet', () => {
    const ok = resolveVariables([pair, who], { pair: '07', who: 'team-a' });
    assert.deepStrictEqual(ok.values, { pair: '7', who: 'team-a' });
    assert.deepStrictEqual(ok.problems, []);
    for (const bad of ['0', '31', '1.5', '1; rm -rf /', '$(id)', '', ' 1']) {
      assert.strictEqual(resolveVariables([pair], { pair: bad }).problems.length, 1, bad);
    }
    for (const bad of ['a b', 'x;y', '-rf', '$HOME', '`id`', 'a|b', '../x', 'x'.repeat(64)]) {
      assert.strictEqual(resolveVariables([who], { who: bad }).problems.length, 1, bad);
    }
  });

  it('uses defaults, reports unknown and missing variables', () => {
    const r = resolveVariables([pair, who], { nope: '1' });
    assert.deepStrictEqual(r.values, { pair: '1' });
    assert.deepStrictEqual(r.unknown, ['nope']);
    assert.strictEqual(r.problems.length, 0);
    assert.deepStrictEqual(r.missing.map((m) => m.name), ['who']);
  });

  it('parses --var k=v', () => {
    assert.deepStrictEqual(parseVarArgs(['pair=2', 'who=a=b']).values, { pair: '2', who: 'a=b' });
    assert.strictEqual(parseVarArgs(['pair']).problems.length, 1);
  });
});
