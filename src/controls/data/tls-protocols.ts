/**
 * EXZT.DAT.1: Schannel offers no TLS version below the policy's minimum, on the server or the
 * client side, and the minimum itself is on. Judged from the raw registry values with
 * HealthChecker's semantics (reference/healthchecker-checks.md §3), not its stored verdicts.
 */
import type { SchannelProtocol } from '../../evidence/importers/tls-settings.js';
import type { Provenance } from '../../evidence/model.js';
import type { RuleContext } from '../context.js';
import { cuNumber, windowsBuild } from '../infrastructure/server-facts.js';
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { missingSchannelValues, tlsProtocolState } from './tls-protocol-state.js';

// TLS 1.3 enabled where Windows or Exchange cannot use it is a finding, as HealthChecker's Red
// (healthchecker-checks.md §3). TODO(#3): HealthChecker also lists cipher suites; exzt has no
// cipher policy to judge them by.

/** Windows Server 2022, the first to support TLS 1.3 with Exchange. */
const TLS13_WINDOWS_BUILD = 20348;

export const tlsProtocols: Control = {
  id: 'EXZT.DAT.1',
  area: 'data',
  title: 'Only TLS versions at or above the policy minimum are enabled',
  rationale:
    'TLS 1.0 and 1.1 have known weaknesses and no modern client needs them; leaving them on lets ' +
    'an attacker in the path negotiate a weaker channel. A protocol enabled on one side only ' +
    '(server or client) breaks connections in ways that tempt admins to re-enable old versions.',
  remediation: {
    text:
      'Set Enabled=0 and DisabledByDefault=1 under both the Server and Client keys of every TLS ' +
      'version below the minimum, Enabled=1 and DisabledByDefault=0 for TLS 1.2, then restart.',
    powershell:
      "foreach ($version in '1.0', '1.1') { foreach ($side in 'Server', 'Client') {\n" +
      '  $key = "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS $version\\$side"\n' +
      '  New-Item $key -Force | Out-Null\n' +
      '  New-ItemProperty $key -Name Enabled -Value 0 -PropertyType DWord -Force\n' +
      '  New-ItemProperty $key -Name DisabledByDefault -Value 1 -PropertyType DWord -Force } }',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.tls-settings'] },
  mappings: {
    cisV8: ['3.10', '12.6'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-8', 'SC-8(1)', 'SC-13'],
    disaStig: ['V-259710'],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: ['data.minimumTls'],
  evaluate(context) {
    const fact = context.fact('os.tls-settings');
    const settings = required(fact, 'os.tls-settings');
    const minimum = context.policy.data.minimumTls;

    const findings = settings.protocols.flatMap((protocol) =>
      protocolFindings(protocol, minimum, fact.provenance),
    );
    findings.push(...unsupportedTls13(context, settings.protocols, fact.provenance));
    if (!settings.protocols.some((protocol) => protocol.version === minimum)) {
      const message = `TLS ${minimum} has no Schannel keys: the OS default decides`;
      findings.push({ object: `TLS ${minimum}`, message, evidence: fact.provenance });
    }
    if (findings.length > 0) {
      return fail(`Schannel does not hold TLS to ${minimum} and above`, findings);
    }

    return pass(
      `TLS below ${minimum} is disabled on both sides; TLS ${minimum} is enabled`,
      fact.provenance,
    );
  },
};

/**
 * TLS 1.3 enabled on Windows before Server 2022, or on Exchange before 2019 CU15 (SE supports
 * it): the OS or Exchange cannot use it, and HealthChecker marks it Red. Unknown builds say
 * nothing.
 */
function unsupportedTls13(
  context: RuleContext,
  protocols: readonly SchannelProtocol[],
  evidence: Provenance[],
): Finding[] {
  const tls13 = protocols.find((protocol) => protocol.version === '1.3');
  if (tls13 === undefined || tlsProtocolState(tls13) !== 'Enabled') return [];

  const reasons: string[] = [];
  const windows = windowsBuild(context);
  if (windows !== undefined && windows < TLS13_WINDOWS_BUILD) {
    reasons.push(`Windows build ${windows} is older than Windows Server 2022`);
  }
  const row = context.version();
  const cu = cuNumber(row?.cu);
  const exchangeSupports =
    row?.product === 'ExchangeSE' || (row?.product === 'Exchange2019' && (cu ?? 0) >= 15);
  if (row !== undefined && row.product !== null && !exchangeSupports) {
    const exchange = [row.productName ?? row.product, row.cu].filter(Boolean).join(' ');
    reasons.push(`${exchange} predates TLS 1.3 support in Exchange (2019 CU15 and SE)`);
  }
  if (reasons.length === 0) return [];
  return [
    {
      object: 'TLS 1.3',
      message: `enabled where it is not supported: ${reasons.join('; ')}`,
      value: { server: tls13.server, client: tls13.client },
      evidence,
    },
  ];
}

function protocolFindings(
  protocol: SchannelProtocol,
  minimum: string,
  evidence: Provenance[],
): Finding[] {
  const state = tlsProtocolState(protocol);
  const object = `TLS ${protocol.version}`;
  const value = { server: protocol.server, client: protocol.client };
  const findings: Finding[] = [];
  if (state === 'Misconfigured' || state === 'HalfDisabled') {
    findings.push({
      object,
      message: `${state}: server and client keys disagree`,
      value,
      evidence,
    });
  } else if (protocol.version < minimum && state !== 'Disabled') {
    findings.push({
      object,
      message: `enabled, below the minimum TLS ${minimum}`,
      value,
      evidence,
    });
  } else if (protocol.version === minimum && state !== 'Enabled') {
    findings.push({ object, message: `disabled, yet it is the minimum`, value, evidence });
  }

  const missing = missingSchannelValues(protocol);
  if (missing.length > 0) {
    const message = `values not set, the OS default applies: ${missing.join(', ')}`;
    findings.push({ object, message, evidence });
  }
  return findings;
}
