import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ntlmV2Only } from '../../../src/controls/infrastructure/lm-compatibility.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

const run = (lsa: object) =>
  onlyResult(runControl(ntlmV2Only, seServer({ 'os.lsa-settings': lsa })));

describe('EXZT.INF.10 LAN Manager authentication level', () => {
  it('passes at level 5, refusing LM and NTLM', () => {
    const result = run({ lmCompatibilityLevel: 5 });
    assert.equal(result.outcome, 'pass');
  });

  it('fails when unset, where Windows behaves as level 3', () => {
    const result = run({});
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]?.message,
      'LmCompatibilityLevel 3 (unset, Windows default): sends NTLMv2 only',
    );
  });

  it('fails at level 1', () => {
    const result = run({ lmCompatibilityLevel: 1 });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.value, 1);
  });

  it('is not assessed on a corpus-style server without the bundle kind', () => {
    const result = onlyResult(runControl(ntlmV2Only, seServer()));
    assert.deepEqual(result.missing, ['os.lsa-settings (not collected)']);
  });
});
