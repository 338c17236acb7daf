/**
 * EXZT.DAT.7: Extended Protection (channel binding) is on every virtual directory at the value
 * HealthChecker expects for the server's build, and the build supports it. Reaches
 * HealthChecker's "Extended Protection Vulnerable" verdict from applicationHost.config.
 */
import type { Provenance } from '../../evidence/model.js';
import { parseExchangeVersion } from '../../knowledge/index.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';
import {
  judgeVirtualDirectories,
  supportsExtendedProtection,
  type VirtualDirectoryVerdict,
} from './extended-protection-expectations.js';

// TODO(#3): the expected sslFlags per virtual directory are not judged; Exchange 2013
// CAS/Mailbox role splits are treated as multi-role.

export const extendedProtection: Control = {
  id: 'EXZT.DAT.7',
  area: 'data',
  title: 'Extended Protection is configured on every virtual directory',
  rationale:
    'Without Extended Protection, Windows authentication to Exchange can be relayed by an attacker ' +
    'in the path (CVE-2022-24516, CVE-2024-21410). It binds the authentication to the TLS channel, ' +
    'so a stolen NTLM exchange is worthless elsewhere.',
  remediation: {
    text:
      'Install an SU that supports Extended Protection, then run the ExchangeExtendedProtectionManagement.ps1 ' +
      'script from Microsoft CSS-Exchange on every server, after checking its prerequisites (TLS settings, SSL offloading).',
    powershell:
      '.\\ExchangeExtendedProtectionManagement.ps1 -ExchangeServerNames $env:COMPUTERNAME',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['iis.application-host', 'exchange.setup-version'] },
  mappings: {
    cisV8: ['4.1', '12.6'],
    nist800207: ['T6'],
    iso27001: ['A.8.5'],
    nist80053: ['IA-2', 'SC-23'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: ['data.requireExtendedProtection'],
  evaluate(context) {
    if (!context.policy.data.requireExtendedProtection) {
      return notApplicable('the policy does not require Extended Protection');
    }
    const row = context.version();
    if (row?.isEdgeServer === true)
      return notApplicable('Edge servers have no client virtual directories');
    const version = row?.precision === 'build' ? parseExchangeVersion(row.build ?? '') : undefined;
    if (version === undefined)
      return notAssessed('the exact build is unknown', ['exchange.setup-version']);

    const fact = context.fact('iis.application-host');
    const config = required(fact, 'iis.application-host');
    const verdicts = judgeVirtualDirectories(config, version);
    const supported = supportsExtendedProtection(version);
    const configured = verdicts.some((verdict) => verdict.current !== 'None');
    const insecure = verdicts.filter((verdict) => !verdict.secure);
    // HealthChecker's last case: every directory is right, but the LSA value switches it off.
    const lsa = context.fact('os.lsa-settings');
    const suppress = optional(lsa)?.suppressExtendedProtection;
    if (supported && insecure.length === 0 && typeof suppress === 'number' && suppress !== 0) {
      return fail(
        'Extended Protection is switched off by the LSA value SuppressExtendedProtection',
        [
          {
            object: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\SuppressExtendedProtection',
            message: `set to ${suppress}: remove it or set it to 0, then restart`,
            value: String(suppress),
            evidence: lsa.provenance,
          },
        ],
      );
    }
    if (supported && insecure.length === 0) {
      return pass(
        `${verdicts.length} virtual directories carry the expected Extended Protection`,
        fact.provenance,
      );
    }

    const lineOf = (verdict: VirtualDirectoryVerdict) =>
      evidenceOf(
        fact.provenance,
        verdict.location === undefined ? -1 : config.locations.indexOf(verdict.location),
      );
    const findings: Finding[] = insecure.map((verdict) => ({
      object: verdict.path,
      message: `tokenChecking ${verdict.current}, expected ${verdict.expected}`,
      value: verdict.current,
      evidence: lineOf(verdict),
    }));
    if (!supported)
      findings.unshift(buildFinding(row?.build ?? '', configured, row?.evidence.build ?? []));
    return fail(summary(supported, configured), findings);
  },
};

function summary(supported: boolean, configured: boolean): string {
  if (!supported) {
    return configured
      ? 'Extended Protection is configured, but this build does not support it'
      : 'the server is at risk: install the latest SU and enable Extended Protection';
  }
  return configured
    ? "Extended Protection isn't configured as expected"
    : 'Extended Protection is not configured';
}

function buildFinding(build: string, configured: boolean, evidence: Provenance[]): Finding {
  const message = configured
    ? 'build predates Extended Protection support: disable it, update, then enable it again'
    : 'build predates Extended Protection support (Aug22SU)';
  return { object: build, message, value: build, evidence };
}

/** The importer lists the root element first, then each location in order. */
function evidenceOf(provenance: Provenance[], locationIndex: number): Provenance[] {
  const entry = locationIndex < 0 ? provenance[0] : provenance[locationIndex + 1];
  return entry === undefined ? [] : [entry];
}
