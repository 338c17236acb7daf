/**
 * EXZT.INF.16: processors within what Exchange supports: hyper-threading off on physical hosts,
 * and no more logical cores than Exchange uses (24 before Exchange 2019, 48 since). Same checks
 * and thresholds as HealthChecker's hardware section (Invoke-AnalyzerHardwareInformation.ps1).
 */
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { buildVersion } from './server-facts.js';

// TODO(#3): HealthChecker also checks that Exchange sees every core (Environment.ProcessorCount,
// NUMA group size on ProLiant) and the memory size per version; neither value is collected yet.
export const processorLayout: Control = {
  id: 'EXZT.INF.16',
  area: 'infrastructure',
  title: 'Processor layout within Exchange limits (no hyper-threading, core count)',
  rationale:
    'Exchange sizes its memory and thread pools from the logical processor count; beyond its ' +
    'limit, or with hyper-threading on a physical host, servers slow down under load and ' +
    'availability suffers, which is how mail outages and failovers start.',
  remediation: {
    text:
      'Turn hyper-threading off in the firmware of physical hosts, and keep the logical core ' +
      'count at or below 48 (24 for Exchange 2016) by scaling out rather than up.',
  },
  severity: 'low',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['hardware.computer-system', 'hardware.processor'] },
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
    const systemFact = context.fact('hardware.computer-system');
    const processorFact = context.fact('hardware.processor');
    const system = required(systemFact, 'hardware.computer-system');
    const processors = required(processorFact, 'hardware.processor');
    const physical = processors.reduce((sum, cpu) => sum + cpu.numberOfCores, 0);
    const logical = processors.reduce((sum, cpu) => sum + cpu.numberOfLogicalProcessors, 0);
    const before2019 = (buildVersion(context.version())?.minor ?? 2) < 2;
    const limit = before2019 ? 24 : 48;

    const findings: Finding[] = [];
    const evidence = processorFact.provenance;
    if (logical > limit) {
      findings.push({
        object: 'processors',
        message: `${logical} logical cores, Exchange uses up to ${limit}`,
        value: logical,
        evidence,
      });
    }
    if (logical > physical && system.platform !== 'HyperV') {
      const message = `hyper-threading on (${logical} logical on ${physical} physical cores, ${system.platform})`;
      findings.push({ object: 'processors', message, value: logical, evidence });
    }
    if (findings.length > 0) return fail('processor layout outside Exchange guidance', findings);

    const threading = logical > physical ? ', hyper-threading not applicable on Hyper-V' : '';
    return pass(
      `${physical} physical / ${logical} logical cores on ${system.platform}${threading}`,
      evidence,
    );
  },
};
