/**
 * EXZT.INF.12: every IIS global module is signed by Microsoft with a valid signature. An unknown
 * module in IIS sees every request and credential (the OWA backdoors of 2021-22 were such
 * modules). Same conclusion as HealthChecker's "IIS module anomalies detected" (§2.4, §9).
 */
import type { IisModule } from '../../evidence/importers/iis-modules.js';
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { isEdgeServer } from './server-facts.js';

// HealthChecker compares the signer subject with this text, case-sensitively.
const MICROSOFT_SIGNER = 'O=Microsoft Corporation, L=Redmond, S=Washington';

export const iisModulesSignedByMicrosoft: Control = {
  id: 'EXZT.INF.12',
  area: 'infrastructure',
  title: 'IIS modules are signed by Microsoft',
  rationale:
    'IIS modules run inside every Exchange web request and see credentials in clear. Attackers ' +
    'have installed native IIS modules as backdoors on Exchange servers; an unsigned or ' +
    'third-party module must be explained or removed.',
  remediation: {
    text:
      'Identify each module listed; remove the ones nobody can account for, and investigate the ' +
      'server for compromise.',
    powershell: "Remove-WebGlobalModule -Name '<module name>'",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.iis-modules'] },
  mappings: {
    cisV8: ['2.1', '2.5'],
    nist800207: ['T5'],
    iso27001: ['A.8.19', 'A.8.7'],
    nist80053: ['CM-11', 'SI-7'],
    disaStig: ['V-259701'],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: [],
  evaluate(context) {
    if (isEdgeServer(context)) return notApplicable('HealthChecker skips this check on Edge');

    const fact = context.fact('exchange.iis-modules');
    const { modules } = required(fact, 'exchange.iis-modules');
    const anomalies = modules.flatMap((module) => {
      const problem = signatureProblem(module);
      return problem === undefined ? [] : [{ module, problem }];
    });
    if (anomalies.length === 0) {
      return pass(
        `all ${modules.length} IIS global modules are signed by Microsoft`,
        fact.provenance,
      );
    }

    return fail(
      `${anomalies.length} IIS module(s) not signed by Microsoft`,
      anomalies.map(({ module, problem }) => ({
        object: module.name,
        message: problem,
        value: module.path,
        evidence: fact.provenance,
      })),
    );
  },
};

function signatureProblem(module: IisModule): string | undefined {
  if (!module.signed) return 'not signed';
  if (module.signatureStatus !== undefined && module.signatureStatus !== 'Valid') {
    return `signature ${module.signatureStatus}`;
  }
  const byMicrosoft = module.isMicrosoftSigned ?? module.signer?.includes(MICROSOFT_SIGNER);
  return byMicrosoft === true ? undefined : `signed by ${module.signer ?? 'an unknown signer'}`;
}
