import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { processorLayout } from '../../../src/controls/infrastructure/hardware-layout.js';
import type { ComputerSystem } from '../../../src/evidence/importers/computer-system.js';
import type { Processor } from '../../../src/evidence/importers/processors.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer, serverOnBuild } from './fixtures.js';

const PHYSICAL: ComputerSystem = {
  manufacturer: 'HPE',
  model: 'ProLiant DL380 Gen10',
  platform: 'Physical',
};
const HYPER_V: ComputerSystem = {
  manufacturer: 'Microsoft Corporation',
  model: 'Virtual Machine',
  platform: 'HyperV',
};
const socket = (cores: number, logical: number): Processor => ({
  name: 'Xeon',
  numberOfCores: cores,
  numberOfLogicalProcessors: logical,
});

function run(system: ComputerSystem, processors: Processor[], base = seServer()) {
  const server = {
    ...base.servers.EX01,
    'hardware.computer-system': system,
    'hardware.processor': processors,
  };
  return onlyResult(runControl(processorLayout, { servers: { EX01: server } }));
}

describe('EXZT.INF.16 processor layout within Exchange limits', () => {
  it('passes on a physical host with hyper-threading off', () => {
    const result = run(PHYSICAL, [socket(12, 12), socket(12, 12)]);
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, '24 physical / 24 logical cores on Physical');
  });

  it('fails on a physical host with hyper-threading on (HealthChecker: Red)', () => {
    const result = run(PHYSICAL, [socket(6, 12), socket(6, 12)]);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /^hyper-threading on \(24 logical on 12 physical cores, Physical\)$/,
    );
  });

  it('passes on Hyper-V with more logical than physical cores, where it does not apply', () => {
    assert.equal(run(HYPER_V, [socket(2, 4)]).outcome, 'pass');
  });

  it('fails on Exchange 2016 above 24 logical cores', () => {
    const result = run(PHYSICAL, [socket(16, 16), socket(16, 16)], serverOnBuild('15.1.2507.6'));
    assert.equal(result.findings[0]?.message, '32 logical cores, Exchange uses up to 24');
  });

  it('is not assessed without Win32_Processor', () => {
    const missing = onlyResult(
      runControl(
        processorLayout,
        seServer({
          'hardware.computer-system': PHYSICAL,
          'hardware.processor': factState('not-collected'),
        }),
      ),
    );
    assert.deepEqual(missing.missing, ['hardware.processor (not collected)']);
  });
});
