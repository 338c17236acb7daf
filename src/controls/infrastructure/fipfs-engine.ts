/**
 * EXZT.INF.14: the FIP-FS anti-malware scan engine is present and free of the 2022 "bad pattern"
 * folder that stops transport and malware scanning. Same verdicts as HealthChecker's FIP-FS check
 * (healthchecker-checks.md §13), from its stored state.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

export const fipFsEngineHealthy: Control = {
  id: 'EXZT.INF.14',
  area: 'infrastructure',
  title: 'The FIP-FS anti-malware engine is present and healthy',
  rationale:
    'The FIP-FS engine scans every message for malware and backs transport rules. With no ' +
    'engine, or with the 2201010000 pattern on an unfixed build, mail stops flowing or passes ' +
    'unscanned.',
  remediation: {
    text:
      'Install the March 2022 SU or later, then reset the scan engines with ' +
      'Reset-ScanEngineVersion.ps1 (Microsoft CSS-Exchange) and check that updates resume.',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.fipfs-engine-state'] },
  mappings: {
    cisV8: ['9.7', '10.2'],
    nist800207: ['T5'],
    iso27001: ['A.8.7'],
    nist80053: ['SI-3'],
    disaStig: ['V-259695'],
    ztmm: [{ pillar: 'devices', function: 'Device Threat Protection' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('exchange.fipfs-engine-state');
    const state = required(fact, 'exchange.fipfs-engine-state');
    if (state.serverRoleAffected === false) {
      return notApplicable('the server runs no role with the FIP-FS engine');
    }

    const highest = state.highestVersionNumber;
    const finding = (message: string) => ({
      object: 'FIP-FS',
      message,
      value: highest,
      evidence: fact.provenance,
    });
    if (state.badVersionNumberDetected && state.fixedBuild === false) {
      return fail('FIP-FS will stop transport', [
        finding(`pattern ${highest} on a build without the fix`),
      ]);
    }
    if (state.badVersionNumberDetected) {
      return fail('FIP-FS needs a reset', [
        finding(`pattern ${highest} left behind; reset the engine`),
      ]);
    }
    if (highest === undefined)
      return fail('no FIP-FS scan engine', [finding('no scan engine found')]);

    return pass(`scan engine ${highest} present`, fact.provenance);
  },
};
