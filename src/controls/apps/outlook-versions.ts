/**
 * EXZT.APP.6: the Outlook builds that connect are at or above the policy's minimum per platform.
 * Read from log evidence (`exzt logs scan`, logs.client-versions); until that scan has run the
 * control is not assessed.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { findOutdatedClients } from './outdated-clients.js';

export const outlookVersions: Control = {
  id: 'EXZT.APP.6',
  area: 'apps',
  title: 'Outlook clients are at or above the minimum version',
  rationale:
    'Old Outlook builds miss fixes for flaws that run code when a message is previewed, and ' +
    'only recent builds support modern authentication everywhere. The logs show which builds ' +
    'actually connect, and for whom.',
  remediation: {
    text:
      'Update the listed clients (Microsoft 365 Apps update channel, app stores for mobile), ' +
      'then block builds that cannot be updated.',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['logs.client-versions'] },
  mappings: {
    cisV8: ['9.1', '2.2', '7.4'],
    nist800207: ['T5'],
    iso27001: ['A.8.8', 'A.8.19'],
    nist80053: ['SI-2', 'CM-8'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Threat Protections' }],
  },
  policyKeys: ['apps.minimumOutlook'],
  evaluate(context) {
    const fact = context.fact('logs.client-versions');
    const uses = required(fact, 'logs.client-versions');
    const minimum = context.policy.apps.minimumOutlook;
    const minimums = {
      'outlook-windows': minimum.windows,
      'outlook-mac': minimum.mac,
      'outlook-ios': minimum.ios,
      'outlook-android': minimum.android,
    };

    const { findings, checked } = findOutdatedClients(fact, uses, minimums);
    if (checked === 0)
      return notApplicable('no Outlook client the policy sets a minimum for was seen');
    if (findings.length > 0)
      return fail(`${findings.length} Outlook builds in use are below the minimum`, findings);
    return pass(`all ${checked} Outlook client builds seen meet the minimum`, fact.provenance);
  },
};
