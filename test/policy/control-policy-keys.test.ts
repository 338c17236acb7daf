/** Every policy key a control declares (Control.policyKeys) is a key the policy has. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTROLS } from '../../src/controls/catalogue.js';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { policyKeyPaths } from './key-paths.js';

describe('policy keys the controls declare', () => {
  it('exist in the policy', () => {
    const known = new Set(policyKeyPaths(DEFAULT_POLICY));
    for (const control of CONTROLS) {
      for (const key of control.policyKeys ?? []) {
        assert.ok(known.has(key), `${control.id} declares ${key}, which the policy does not have`);
      }
    }
  });

  it('are declared by the worked example, EXZT.INF.1', () => {
    const example = CONTROLS.find((control) => control.id === 'EXZT.INF.1');
    assert.deepEqual(example?.policyKeys, ['infrastructure.exchange.maxSuAgeDays']);
  });
});
