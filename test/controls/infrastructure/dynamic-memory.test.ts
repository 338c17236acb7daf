import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staticVirtualMemory } from '../../../src/controls/infrastructure/dynamic-memory.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

const GIB = 1024 ** 3;
const HYPER_V = {
  manufacturer: 'Microsoft Corporation',
  model: 'Virtual Machine',
  platform: 'HyperV' as const,
  totalPhysicalMemoryBytes: 128 * GIB,
};
const maximumMemory = (mbytes: number) => [
  {
    path: '\\\\ex01\\hyper-v dynamic memory integration service\\maximum memory, mbytes',
    cookedValue: mbytes,
  },
];

function run(system: object, counters: object[]) {
  const spec = seServer({
    'hardware.computer-system': system,
    'os.performance-counters': counters,
  });
  return onlyResult(runControl(staticVirtualMemory, spec));
}

describe('EXZT.INF.17 static memory on virtual Exchange servers', () => {
  it('passes when the Hyper-V maximum equals the memory Windows sees', () => {
    const result = run(HYPER_V, maximumMemory(128 * 1024));
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, 'memory is static at 128 GB');
  });

  it('fails when Hyper-V may grow the machine to 256 GB (HealthChecker: Red "Dynamic Memory Detected")', () => {
    const result = run(HYPER_V, maximumMemory(256 * 1024));
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]?.message,
      'dynamic memory allows 256 GB; Windows sees 128.0 GB',
    );
  });

  it('is not applicable on a physical host', () => {
    const result = run(
      { ...HYPER_V, model: 'ProLiant', manufacturer: 'HPE', platform: 'Physical' },
      [],
    );
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed when the counter was not sampled, naming it', () => {
    const result = run(HYPER_V, []);
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, [
      'os.performance-counters (\\hyper-v dynamic memory integration service\\maximum memory, mbytes)',
    ]);
  });
});
