/**
 * EXZT.INF.17: a virtual Exchange server has static memory. Dynamic memory is not supported for
 * Exchange; HealthChecker compares the Hyper-V "Maximum Memory" (or VMware reservation) counter
 * with the memory Windows sees (Invoke-AnalyzerHardwareInformation.ps1).
 */
import { findCounter } from '../../evidence/importers/performance-counters.js';
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';

const COUNTERS = {
  HyperV: '\\hyper-v dynamic memory integration service\\maximum memory, mbytes',
  VMware: '\\vm memory\\memory reservation in mb',
} as const;
const GIB = 1024 ** 3;

export const staticVirtualMemory: Control = {
  id: 'EXZT.INF.17',
  area: 'infrastructure',
  title: 'Virtual Exchange servers have static memory',
  rationale:
    'Exchange sizes its caches from the memory present at start; with dynamic memory the ' +
    'hypervisor takes memory back and the store and search processes starve, a configuration ' +
    'Microsoft does not support.',
  remediation: {
    text: 'Give the virtual machine a fixed memory size (no dynamic memory or ballooning, a full reservation on VMware).',
    powershell: "Set-VMMemory -VMName '<vm>' -DynamicMemoryEnabled $false -StartupBytes 128GB",
  },
  severity: 'low',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['hardware.computer-system', 'os.performance-counters'] },
  mappings: {
    cisV8: ['4.1'],
    nist800207: ['T5'],
    iso27001: ['A.8.6'],
    nist80053: ['CM-6', 'SC-5'],
    disaStig: [],
    ztmm: [{ pillar: 'data', function: 'Data Availability' }],
  },
  policyKeys: [],
  evaluate(context) {
    const system = required(context.fact('hardware.computer-system'), 'hardware.computer-system');
    if (system.platform !== 'HyperV' && system.platform !== 'VMware') {
      return notApplicable(`not a Hyper-V or VMware virtual machine (${system.platform})`);
    }
    const countersFact = context.fact('os.performance-counters');
    const counter = findCounter(
      required(countersFact, 'os.performance-counters'),
      COUNTERS[system.platform],
    );
    if (counter === undefined || system.totalPhysicalMemoryBytes === undefined) {
      return notAssessed('the dynamic memory counter was not sampled', [
        `os.performance-counters (${COUNTERS[system.platform]})`,
      ]);
    }

    const allowedGib = counter.cookedValue / 1024;
    const seenGib = system.totalPhysicalMemoryBytes / GIB;
    if (allowedGib === Math.round(seenGib) || allowedGib === seenGib) {
      return pass(`memory is static at ${Math.round(seenGib)} GB`, countersFact.provenance);
    }
    const message = `dynamic memory allows ${allowedGib} GB; Windows sees ${seenGib.toFixed(1)} GB`;
    return fail('dynamic memory is configured', [
      {
        object: counter.path,
        message,
        value: counter.cookedValue,
        evidence: countersFact.provenance,
      },
    ]);
  },
};
