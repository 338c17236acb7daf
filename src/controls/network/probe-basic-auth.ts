/**
 * EXZT.NET.12: no endpoint offers HTTP Basic authentication to the probe. Basic sends the
 * password itself on every request, cannot carry MFA, and is what password spraying uses
 * (reference/probe-and-logs.md A4). Authentication policies can block it per user without IIS
 * ceasing to advertise it, so a pass needs the scheme gone from the answers.
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { answered, findingAt, targetName } from './probe-view.js';

export const probeBasicAuth: Control = {
  id: 'EXZT.NET.12',
  area: 'network',
  title: 'No Exchange endpoint offers Basic authentication to the network',
  rationale:
    'Basic authentication sends the password with every request, cannot enforce MFA and is the ' +
    'door password spraying knocks on. Zero Trust verifies explicitly: an endpoint that accepts a ' +
    'bare password from anywhere the probe stands does not.',
  remediation: {
    text:
      'Turn Basic authentication off on the virtual directories that offer it (ActiveSync, EWS, ' +
      'Autodiscover, Outlook Anywhere, OWA/ECP forms login behind a modern-auth gateway) and move ' +
      'clients to Hybrid Modern Authentication or a pre-authenticating gateway with MFA.',
    powershell:
      'Get-ActiveSyncVirtualDirectory | Set-ActiveSyncVirtualDirectory -BasicAuthEnabled $false; ' +
      'Get-WebServicesVirtualDirectory | Set-WebServicesVirtualDirectory -BasicAuthentication $false',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['probe.https'] },
  mappings: {
    cisV8: ['6.3', '6.4'],
    nist800207: ['T6'],
    iso27001: ['A.8.5'],
    nist80053: ['IA-2(1)', 'IA-2(2)'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.organizationFact('probe.https');
    required(fact, 'probe.https');
    const seen = answered(fact, 'probe.https', 'https');
    if (!Array.isArray(seen)) return seen;

    const findings = seen.flatMap((o) =>
      (o.https?.endpoints ?? [])
        .filter((e) => e.auth.includes('Basic'))
        .map((e) =>
          findingAt(
            o,
            fact,
            `${e.endpoint} (${e.path}) offers Basic from ${o.vantage}`,
            e.challenges.map((c) => c.raw),
          ),
        ),
    );
    if (findings.length > 0) return fail('Basic authentication is offered', findings);
    return pass(`no endpoint of ${seen.map(targetName).join(', ')} offers Basic`, fact.provenance);
  },
};
