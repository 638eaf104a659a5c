// Beside Container Tools / Docker DX: `auto` steps aside, `on` and `off` are obeyed.
import * as assert from 'assert';
import { LANGUAGE_FEATURES, PEER_EXTENSIONS, featurePlan, featureSetting, installedPeers, providesFeature } from '../../../src/language';

describe('language: living beside Container Tools / Docker DX', () => {
  it('knows the three peers and finds them case-insensitively among installed extensions', () => {
    assert.deepStrictEqual([...PEER_EXTENSIONS].sort(), ['docker.docker', 'ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker']);
    assert.deepStrictEqual(installedPeers(['vscode.git', 'MS-AzureTools.vscode-containers', 'docker-labs.docker-labs']), ['ms-azuretools.vscode-containers']);
    assert.deepStrictEqual(installedPeers(['vscode.git', 'redhat.vscode-yaml']), []);
  });

  it('auto: on alone, off beside a peer; on and off as set; unknown values are auto', () => {
    assert.strictEqual(providesFeature('auto', []), true);
    assert.strictEqual(providesFeature('auto', ['docker.docker']), false);
    assert.strictEqual(providesFeature('on', ['docker.docker']), true);
    assert.strictEqual(providesFeature('off', []), false);
    assert.strictEqual(providesFeature(undefined, ['docker.docker']), false);
    assert.strictEqual(featureSetting('yes'), 'auto');
    assert.strictEqual(featureSetting(true), 'auto');
  });

  it('plans each feature on its own setting', () => {
    const alone = featurePlan({}, []);
    assert.ok(LANGUAGE_FEATURES.every((f) => alone[f]));
    const beside = featurePlan({ completion: 'on', formatting: 'off' }, ['ms-azuretools.vscode-docker']);
    assert.deepStrictEqual(
      LANGUAGE_FEATURES.filter((f) => beside[f]),
      ['completion'],
    );
    const aloneButOff = featurePlan({ hover: 'off' }, []);
    assert.deepStrictEqual(LANGUAGE_FEATURES.filter((f) => !aloneButOff[f]), ['hover']);
  });
});
