import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientAddresses } from '../../../src/controls/network/client-addresses.js';
import type { UsageCount } from '../../../src/logs/model.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { usage } from '../log-usage-cases.js';

const run = (counts: UsageCount[]) =>
  onlyResult(runControl(clientAddresses, { organization: { 'logs.client-addresses': counts } }));

describe('EXZT.NET.10 clients only from the policy networks, never from server networks', () => {
  it('passes when every address seen lies in a policy network', () => {
    assert.equal(run([]).outcome, 'pass');
  });

  it('fails on client traffic from a server network and from an unknown address', () => {
    const result = run([
      usage('client', '', '10.40.0.12', 'from a server network'),
      usage('client', '', '198.51.100.7', 'outside every policy network'),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 2);
    assert.equal(result.findings[0]?.object, '10.40.0.12');
  });
});
