/**
 * EXZT.INF.2: the server runs a Cumulative Update Microsoft still supports, the only CUs that get
 * Security Updates. Same verdict as HealthChecker's "Out of date Cumulative Update"
 * (reference healthchecker-checks.md §1.3).
 */
import { identifyBuild, newestSupportedCu } from '../../knowledge/index.js';
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass } from '../outcomes.js';

const DAY_MS = 86_400_000;

export const supportedCumulativeUpdate: Control = {
  id: 'EXZT.INF.2',
  area: 'infrastructure',
  title: 'The server runs a supported Cumulative Update',
  rationale:
    'Microsoft ships Security Updates only for the newest Cumulative Updates of a product. A ' +
    'server on an older CU cannot be patched for anything found since, whatever the patch process.',
  remediation: {
    text: 'Install the newest CU of the product (or at least the previous one), then its latest SU.',
    powershell:
      '# From the extracted CU media, in an elevated prompt on the server:\n' +
      '.\\Setup.exe /Mode:Upgrade /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server'] },
  mappings: {
    cisV8: ['2.2', '7.4'],
    nist800207: ['T5'],
    iso27001: ['A.8.8'],
    nist80053: ['SI-2', 'SA-22'],
    disaStig: ['V-259711'],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: ['infrastructure.exchange.supportedOnly'],
  evaluate(context) {
    if (!context.policy.infrastructure.exchange.supportedOnly) {
      return notApplicable('the policy does not require supported Exchange versions');
    }
    const row = context.version();
    const identity = row?.build ? identifyBuild(row.build) : undefined;
    if (row === undefined || identity === undefined) {
      return notAssessed('the build is unknown', ['exchange.setup-version']);
    }

    const evidence = row.evidence.build;
    if (identity.cuSupported) return pass(`${identity.cu.name} is a supported CU`, evidence);

    const days = Math.floor(
      (Date.parse(context.asOf) - Date.parse(identity.cuReleaseDate)) / DAY_MS,
    );
    const newest = newestSupportedCu(identity.product)?.name ?? 'a supported CU';
    const message = `${identity.cu.name} (released ${identity.cuReleaseDate}, ${days} days ago) is not supported; move to ${newest}`;
    return fail(`${row.name} runs an unsupported CU`, [
      { object: row.name, message, value: identity.cu.name, evidence },
    ]);
  },
};
