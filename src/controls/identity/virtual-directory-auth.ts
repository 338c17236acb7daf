/**
 * EXZT.IDN.6: no virtual directory offers an authentication method the policy forbids
 * (identity.forbiddenAuthMethods, plus Basic when apps.basicAuth is deny). Basic and forms
 * send the password itself, where token-based OAuth or ADFS claims can carry MFA.
 */
import type { AuthMethod, VirtualDirectory } from '../../evidence/importers/virtual-directories.js';
import type { TypedKindId } from '../../evidence/kinds.js';
import type { Control, Finding } from '../model.js';
import type { RuleContext } from '../context.js';
import { VIRTUAL_DIRECTORY_KINDS as DIRECTORY_KINDS } from '../../evidence/importers/virtual-directories.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { itemEvidence } from './facts.js';

// TODO(#3): all nine kinds are required, so a HealthChecker-layout folder (OWA and EWS only) is
// never assessed; judging the directories present would need a partial outcome the engine lacks.
/** Every virtual-directory kind, in the order findings list them (checked against the registry). */
export const VIRTUAL_DIRECTORY_KINDS = DIRECTORY_KINDS satisfies readonly TypedKindId[];

export const virtualDirectoryAuth: Control = {
  id: 'EXZT.IDN.6',
  area: 'identity',
  title: 'No virtual directory offers a forbidden authentication method',
  rationale:
    'Basic and forms authentication hand the password to Exchange on every sign-in, so password ' +
    'spraying and replay work against them and no second factor can be asked for. Each endpoint ' +
    'that still offers them is a way around MFA enforced elsewhere.',
  remediation: {
    text:
      'Turn the forbidden methods off on each virtual directory and offer OAuth (hybrid modern ' +
      'authentication) or ADFS claims instead; restart IIS afterwards.',
    powershell:
      'Set-OwaVirtualDirectory -Identity "<server>\\owa (Default Web Site)" -BasicAuthentication $false -FormsAuthentication $false -AdfsAuthentication $true\n' +
      'Set-ActiveSyncVirtualDirectory -Identity "<server>\\Microsoft-Server-ActiveSync (Default Web Site)" -BasicAuthEnabled $false\n' +
      'iisreset /noforce',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server', ...VIRTUAL_DIRECTORY_KINDS] },
  mappings: {
    cisV8: ['6.3', '4.8'],
    nist800207: ['T6'],
    iso27001: ['A.8.5'],
    nist80053: ['IA-2(1)', 'IA-2(2)', 'IA-5'],
    disaStig: ['V-259650', 'V-259703'],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: ['identity.forbiddenAuthMethods', 'apps.basicAuth'],
  evaluate(context) {
    if (required(context.fact('exchange.server'), 'exchange.server').isEdgeServer) {
      return notApplicable('Edge Transport servers have no client virtual directories');
    }

    const forbidden = forbiddenMethods(context);
    const findings = VIRTUAL_DIRECTORY_KINDS.flatMap((kind) =>
      kindFindings(context, kind, forbidden),
    );
    if (findings.length === 0) {
      return pass(`no virtual directory offers ${forbidden.join(', ') || 'a forbidden method'}`);
    }
    return fail(
      `${findings.length} virtual director(y/ies) offer forbidden authentication`,
      findings,
    );
  },
};

export function forbiddenMethods(context: RuleContext): AuthMethod[] {
  const methods = new Set<AuthMethod>(context.policy.identity.forbiddenAuthMethods);
  if (context.policy.apps.basicAuth === 'deny') methods.add('basic');
  return [...methods].sort();
}

function kindFindings(
  context: RuleContext,
  kind: (typeof VIRTUAL_DIRECTORY_KINDS)[number],
  forbidden: AuthMethod[],
): Finding[] {
  const fact = context.fact(kind);
  return required(fact, kind).flatMap((directory: VirtualDirectory, index) => {
    const offered = forbidden.filter((method) => directory.offered.includes(method));
    if (offered.length === 0) return [];

    const sources = offered.map((m) => `${m} (${(directory.offeredBy[m] ?? []).join(', ')})`);
    return [
      {
        object: `${directory.server ?? context.subject.subject.name}\\${directory.name}`,
        message: `offers ${sources.join('; ')}`,
        value: offered,
        evidence: itemEvidence(fact, index),
      },
    ];
  });
}
