/**
 * EXZT.DAT.8: serialized data signing is on (healthchecker-checks.md §4.1): available from
 * Jan23SU, on by default from Nov23SU, switched by the setting override Data /
 * EnableSerializationDataSigning / Enabled. It closes the deserialisation path of PowerShell-
 * based remote code execution (CVE-2023-21529 and its kin).
 */
import type { SettingOverride } from '../../evidence/importers/setting-overrides.js';
import { appliesTo, isAccepted } from '../../knowledge/config-gated.js';
import { isAtOrBeyondUpdate, parseExchangeVersion } from '../../knowledge/index.js';
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';

type SigningState = 'on' | 'off' | 'unknown';

export const serializedDataSigning: Control = {
  id: 'EXZT.DAT.8',
  area: 'data',
  title: 'Serialized data signing is enabled',
  rationale:
    'Exchange passes serialized .NET objects between its components; without signing, an attacker ' +
    'who can inject such data gets code execution as SYSTEM. Signing is available from the ' +
    'January 2023 SU and on by default from November 2023, unless an override turns it off.',
  remediation: {
    text:
      'Install a current SU. On builds before Nov23SU, or where an override disabled it, enable ' +
      'signing with a setting override and refresh the configuration on every server.',
    powershell:
      'New-SettingOverride -Name EnableSigningVerification -Component Data -Section EnableSerializationDataSigning ' +
      "-Parameters @('Enabled=true') -Reason 'Enabling signing verification'\n" +
      'Get-ExchangeDiagnosticInfo -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Refresh',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.setup-version'], organization: ['exchange.setting-overrides'] },
  mappings: {
    cisV8: ['10.5', '4.1'],
    nist800207: ['T5'],
    iso27001: ['A.8.9'],
    nist80053: ['SI-10', 'CM-6'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Threat Protections' }],
  },
  policyKeys: ['data.requireSerializedDataSigning'],
  evaluate(context) {
    if (!context.policy.data.requireSerializedDataSigning) {
      return notApplicable('the policy does not require serialized data signing');
    }
    const row = context.version();
    if (row?.isEdgeServer === true)
      return notApplicable('serialized data signing does not apply to Edge');
    const version = row?.precision === 'build' ? parseExchangeVersion(row.build ?? '') : undefined;
    if (version === undefined)
      return notAssessed('the exact build is unknown', ['exchange.setup-version']);
    // TODO(#3): Exchange 2013 switches signing by registry (EnableSerializationDataSigning=1), which no kind collects yet.
    if (version.minor === 0)
      return notApplicable('Exchange 2013 keeps this switch in the registry; see EXZT.INF.1');

    const buildEvidence = row?.evidence.build ?? [];
    if (!isAtOrBeyondUpdate(version, 'Jan23SU')) {
      const message = `${row?.build} predates Jan23SU, which brought serialized data signing`;
      return fail('Unsupported Version', [
        { object: row?.name, message, value: row?.build, evidence: buildEvidence },
      ]);
    }

    const overridesFact = context.organizationFact('exchange.setting-overrides');
    const overrides = required(overridesFact, 'exchange.setting-overrides');
    const state = signingState(
      overrides,
      row?.name ?? '',
      row?.build ?? '',
      isAtOrBeyondUpdate(version, 'Nov23SU'),
    );
    const evidence = [...buildEvidence, ...overridesFact.provenance];
    if (state === 'on') return pass(`serialized data signing is on for ${row?.build}`, evidence);

    const message =
      state === 'off'
        ? 'off: no override enables it on this build, or one disables it'
        : 'unknown: several or unreadable overrides';
    return fail(`serialized data signing is ${state}`, [{ object: row?.name, message, evidence }]);
  },
};

/** No override: the build's default; one: its value; several: unknown, as HealthChecker decides. */
function signingState(
  overrides: readonly SettingOverride[],
  server: string,
  build: string,
  onByDefault: boolean,
): SigningState {
  const values = overrides.flatMap((override) => {
    const isSigning =
      override.component.toLowerCase() === 'data' &&
      override.section.toLowerCase() === 'enableserializationdatasigning';
    if (!isSigning || !isAccepted(override) || appliesTo(override, server, build) === false)
      return [];
    const enabled = override.parameters.find((p) => p.name.toLowerCase() === 'enabled');
    return enabled === undefined ? [] : [enabled.value.toLowerCase()];
  });

  if (values.length === 0) return onByDefault ? 'on' : 'off';
  if (values.length > 1) return 'unknown';
  return values[0] === 'true' ? 'on' : values[0] === 'false' ? 'off' : 'unknown';
}
