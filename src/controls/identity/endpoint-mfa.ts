/**
 * EXZT.IDN.7: MFA stands in front of every endpoint in identity.mfaRequiredFor. Evidence shows
 * it only where Exchange hands sign-in to an identity provider and takes no password itself:
 * OWA/ECP with ADFS claims only, or the OAuth-only client endpoints with hybrid modern
 * authentication. Anything else (a pre-authenticating proxy) must be attested as
 * identity.mfa.<endpoint>.
 */
import { EXCHANGE_ENDPOINTS, type ExchangeEndpoint } from '../../policy/model.js';
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass, passAttested, required } from '../outcomes.js';
import { judgeEndpoint, type EndpointJudgement } from './endpoint-mfa-evidence.js';

export const mfaFact = (endpoint: ExchangeEndpoint) => `identity.mfa.${endpoint}`;

export const endpointMfa: Control = {
  id: 'EXZT.IDN.7',
  area: 'identity',
  title: 'MFA protects every endpoint the policy names',
  rationale:
    'A password alone is what phishing, spraying and infostealers collect. Any client endpoint ' +
    'that accepts a bare password lets a stolen one in, whatever MFA the other endpoints ' +
    'enforce, so every endpoint in the policy needs a second factor in front of it.',
  remediation: {
    text:
      'Enable hybrid modern authentication with Conditional Access MFA for the OAuth client ' +
      'endpoints, publish OWA and ECP through ADFS claims or a pre-authenticating proxy with ' +
      'MFA, and record the proxy as an attestation identity.mfa.<endpoint>.',
    powershell:
      'Set-OwaVirtualDirectory -Identity "<server>\\owa (Default Web Site)" -AdfsAuthentication $true -BasicAuthentication $false -FormsAuthentication $false -WindowsAuthentication $false',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server'] },
  attestations: EXCHANGE_ENDPOINTS.map(mfaFact),
  mappings: {
    cisV8: ['6.3', '6.4', '6.5'],
    nist800207: ['T6'],
    iso27001: ['A.8.5'],
    nist80053: ['IA-2(1)', 'IA-2(2)'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: ['identity.mfaRequiredFor'],
  evaluate(context) {
    if (required(context.fact('exchange.server'), 'exchange.server').isEdgeServer) {
      return notApplicable('Edge Transport servers have no client endpoints');
    }

    const judgements = context.policy.identity.mfaRequiredFor.map((endpoint) => {
      const attestation = context.attestation(mfaFact(endpoint));
      const judged: EndpointJudgement =
        attestation === undefined ? judgeEndpoint(context, endpoint) : { verdict: 'attested' };
      return { endpoint, ...judged };
    });

    const unmet = judgements.filter((j) => j.verdict === 'unmet');
    if (unmet.length > 0) {
      const findings = unmet.map((j) => ({
        object: j.endpoint,
        message: `${j.reason ?? 'no MFA shown'}; attest ${mfaFact(j.endpoint)} if a proxy enforces it`,
        evidence: j.evidence ?? [],
      }));
      return fail(`${unmet.length} endpoint(s) without MFA shown or attested`, findings);
    }

    const missing = judgements.flatMap((j) => j.missing ?? []);
    if (missing.length > 0) return notAssessed('MFA evidence missing for some endpoints', missing);

    const attested = judgements.filter((j) => j.verdict === 'attested').map((j) => j.endpoint);
    const all = judgements.map((j) => j.endpoint).join(', ');
    if (attested.length > 0)
      return passAttested(`MFA on ${all}; attested for ${attested.join(', ')}`);
    return pass(`MFA observed on ${all}`);
  },
};
