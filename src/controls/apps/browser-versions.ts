/**
 * EXZT.APP.8: the browsers that open OWA and the admin center are at or above the policy's
 * minimum. Read from log evidence (`exzt logs scan`, logs.client-versions); until that scan has
 * run the control is not assessed.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { findOutdatedClients } from './outdated-clients.js';

export const browserVersions: Control = {
  id: 'EXZT.APP.8',
  area: 'apps',
  title: 'Browsers using OWA and EAC are at or above the minimum version',
  rationale:
    "A browser session in OWA or the admin center holds the user's mailbox or the admin's " +
    'rights. Outdated browsers carry exploited flaws that hand that session to whoever serves ' +
    'the malicious page.',
  remediation: {
    text: 'Update the listed browsers, and keep automatic updates on through device management.',
  },
  severity: 'low',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['logs.client-versions'] },
  mappings: {
    cisV8: ['9.1', '2.2'],
    nist800207: ['T5'],
    iso27001: ['A.8.8'],
    nist80053: ['SI-2', 'CM-8'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' }],
  },
  policyKeys: ['apps.minimumBrowser'],
  evaluate(context) {
    const fact = context.fact('logs.client-versions');
    const uses = required(fact, 'logs.client-versions');

    const { findings, checked } = findOutdatedClients(
      fact,
      uses,
      context.policy.apps.minimumBrowser,
    );
    if (checked === 0) return notApplicable('no browser the policy sets a minimum for was seen');
    if (findings.length > 0)
      return fail(`${findings.length} browser versions in use are below the minimum`, findings);
    return pass(`all ${checked} browser versions seen meet the minimum`, fact.provenance);
  },
};
