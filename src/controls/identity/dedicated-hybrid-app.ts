/**
 * EXZT.IDN.9: a hybrid organisation uses the dedicated Exchange hybrid application in Entra ID
 * rather than the first-party Exchange Online service principal it shares with the cloud
 * (CVE-2025-53786), judged as HealthChecker does (reference/healthchecker-checks.md §12): one
 * Global/ExchangeOnpremAsThirdPartyAppId override and an enabled AzureAD auth server whose
 * ApplicationIdentifier is a GUID.
 */
import type { SettingOverride } from '../../evidence/importers/setting-overrides.js';
import type { Control } from '../model.js';
import type { RuleContext } from '../context.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';
import { missingKind } from './facts.js';

const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const dedicatedHybridApp: Control = {
  id: 'EXZT.IDN.9',
  area: 'identity',
  title: 'Hybrid uses the dedicated Exchange hybrid application',
  rationale:
    'In the classic hybrid set-up the on-premises servers and Exchange Online share one service ' +
    'principal, so an admin of an on-premises server can mint tokens Exchange Online trusts ' +
    '(CVE-2025-53786). The dedicated hybrid application gives the on-premises side its own, ' +
    'separately revocable identity.',
  remediation: {
    text:
      'Install the April 2025 hotfix or later, run ConfigureExchangeHybridApplication.ps1 to ' +
      'create the dedicated application and its setting override, then reset the shared ' +
      "service principal's credentials.",
    powershell:
      '.\\ConfigureExchangeHybridApplication.ps1 -FullyConfigureExchangeHybridApplication',
  },
  severity: 'high',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: {
    subject: [
      'exchange.hybrid-configuration',
      'exchange.partner-applications',
      'exchange.setting-overrides',
    ],
  },
  mappings: {
    cisV8: ['6.7', '5.5'],
    nist800207: ['T6'],
    iso27001: ['A.5.23', 'A.8.2'],
    nist80053: ['IA-9', 'AC-6'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Identity Stores' }],
  },
  policyKeys: [],
  evaluate(context) {
    const hybrid = hybridState(context);
    if (hybrid !== 'hybrid') return hybrid;

    const overridesFact = context.fact('exchange.setting-overrides');
    const overrides = required(overridesFact, 'exchange.setting-overrides').filter(
      isDedicatedAppOverride,
    );
    if (overrides.length !== 1) {
      const message =
        overrides.length === 0
          ? 'no Global/ExchangeOnpremAsThirdPartyAppId override: hybrid still uses the shared Exchange Online application'
          : `${overrides.length} ExchangeOnpremAsThirdPartyAppId overrides where one is expected`;
      return fail(message, [
        { message, value: overrides.map((o) => o.name), evidence: overridesFact.provenance },
      ]);
    }

    const serversFact = context.fact('exchange.auth-servers');
    const servers = optional(serversFact);
    if (servers === undefined) {
      return notAssessed('the override is set; the auth servers could not be read', [
        missingKind('exchange.auth-servers', serversFact),
      ]);
    }
    const dedicated = servers.filter(
      (s) => s.enabled && s.type === 'AzureAD' && GUID.test(s.applicationIdentifier ?? ''),
    );
    if (dedicated.length === 0) {
      const message = 'no enabled AzureAD auth server carries the dedicated application id';
      return fail(message, [{ message, evidence: serversFact.provenance }]);
    }
    return pass(
      `dedicated hybrid application ${dedicated.map((s) => s.applicationIdentifier).join(', ')}`,
      overridesFact.provenance,
    );
  },
};

/** 'hybrid', or the outcome for an organisation that is not (or may not be) hybrid. */
function hybridState(context: RuleContext) {
  if (
    required(context.fact('exchange.hybrid-configuration'), 'exchange.hybrid-configuration')
      .configured
  ) {
    return 'hybrid' as const;
  }

  const partners = required(
    context.fact('exchange.partner-applications'),
    'exchange.partner-applications',
  );
  const exchangeOnline = partners.some(
    (p) => p.enabled && p.applicationIdentifier === EXCHANGE_ONLINE_APP_ID,
  );
  if (!exchangeOnline)
    return notApplicable('not hybrid: no hybrid configuration and no Exchange Online OAuth');

  const serversFact = context.fact('exchange.auth-servers');
  const servers = optional(serversFact);
  if (servers === undefined) {
    return notAssessed(
      'Exchange Online OAuth is enabled; the auth servers decide whether this is hybrid',
      [missingKind('exchange.auth-servers', serversFact)],
    );
  }
  const cloudIssuer = servers.some(
    (s) => s.enabled && ['AzureAD', 'MicrosoftACS'].includes(s.type ?? ''),
  );
  return cloudIssuer
    ? ('hybrid' as const)
    : notApplicable('not hybrid: no enabled cloud auth server');
}

// TODO(#3): matched on component and section only; an override with Enabled=false or a
// Rejected status still counts, where HealthChecker filters overrides first (§4.5).
function isDedicatedAppOverride(override: SettingOverride): boolean {
  return (
    override.component.toLowerCase() === 'global' &&
    override.section.toLowerCase() === 'exchangeonpremasthirdpartyappid'
  );
}
