/**
 * EXZT.APP.4: client access rules block the Exchange admin center and remote PowerShell from every
 * address outside the policy's adminFrom networks. Rules run in Priority order and the first
 * match wins (Get-ClientAccessRule), so an earlier allow rule can undo the block.
 */
import type { ClientAccessRule } from '../../evidence/importers/client-access-rules.js';
import { networksNamed, parseIpRange, rangeInNetworks } from '../../policy/networks.js';
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

const ADMIN_PROTOCOLS = ['ExchangeAdminCenter', 'RemotePowerShell'] as const;

export const adminAccessRules: Control = {
  id: 'EXZT.APP.4',
  area: 'apps',
  title: 'EAC and remote PowerShell are reachable only from admin networks',
  rationale:
    'The admin center and remote PowerShell change every mailbox and setting; ProxyShell reached ' +
    'remote PowerShell from the internet. Client access rules refuse these protocols before ' +
    'authentication from any address outside the networks administrators work from.',
  remediation: {
    text:
      'Create a rule that allows the admin networks first, then one that denies both protocols ' +
      'from everywhere else (test with Test-ClientAccessRule before enabling it).',
    powershell:
      'New-ClientAccessRule -Name "Admin only from admin network" -Action DenyAccess ' +
      '-AnyOfProtocols ExchangeAdminCenter,RemotePowerShell ' +
      '-ExceptAnyOfClientIPAddressesOrRanges 10.10.0.0/24 -Priority 1',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.client-access-rules'] },
  mappings: {
    cisV8: ['4.6', '12.3', '13.4'],
    nist800207: ['T4'],
    iso27001: ['A.8.18', 'A.8.22', 'A.8.2'],
    nist80053: ['AC-17', 'AC-3', 'SC-7'],
    disaStig: [],
    ztmm: [
      { pillar: 'applications', function: 'Application Access' },
      { pillar: 'networks', function: 'Network Segmentation' },
    ],
  },
  policyKeys: ['apps.adminFrom', 'networks'],
  evaluate(context) {
    const fact = context.fact('exchange.client-access-rules');
    const rules = required(fact, 'exchange.client-access-rules')
      .filter((rule) => rule.enabled)
      .sort((a, b) => a.priority - b.priority);
    const adminCidrs = networksNamed(context.policy.apps.adminFrom, context.policy);

    const findings: Finding[] = ADMIN_PROTOCOLS.flatMap((protocol) => {
      const gap = protocolGap(rules, protocol, adminCidrs);
      return gap === undefined
        ? []
        : [{ object: protocol, message: gap, evidence: fact.provenance }];
    });
    if (findings.length > 0)
      return fail('admin protocols are reachable from outside admin networks', findings);

    const from = context.policy.apps.adminFrom.join(', ');
    return pass(`EAC and remote PowerShell are denied outside ${from}`, fact.provenance);
  },
};

// TODO(#3): only a single deny rule for every user and address counts; several deny rules that
// together cover every address outside the admin networks are not combined yet.
/** Why the protocol is not blocked outside the admin networks, or undefined when it is. */
function protocolGap(rules: ClientAccessRule[], protocol: string, adminCidrs: string[]) {
  for (const rule of rules.filter((r) => covers(r, protocol))) {
    if (
      rule.action === 'AllowAccess' &&
      !withinAdmin(rule.anyOfClientIPAddressesOrRanges, adminCidrs, true)
    ) {
      return `rule "${rule.name}" (priority ${rule.priority}) allows it from outside the admin networks`;
    }
    if (rule.action !== 'DenyAccess' || !appliesToEveryone(rule)) continue;
    if (!withinAdmin(rule.exceptAnyOfClientIPAddressesOrRanges, adminCidrs, false)) {
      return `rule "${rule.name}" exempts addresses outside the admin networks`;
    }
    return undefined;
  }
  return 'no enabled rule denies it from outside the admin networks';
}

/** A rule with no protocol list applies to every protocol. */
function covers(rule: ClientAccessRule, protocol: string): boolean {
  const protocols = rule.anyOfProtocols.map((p) => p.toLowerCase());
  return protocols.length === 0 || protocols.includes(protocol.toLowerCase());
}

/** No user, filter, authentication type or address condition narrows the rule. */
function appliesToEveryone(rule: ClientAccessRule): boolean {
  return (
    rule.anyOfClientIPAddressesOrRanges.length === 0 &&
    rule.usernameMatchesAnyOfPatterns.length === 0 &&
    rule.anyOfAuthenticationTypes.length === 0 &&
    rule.userRecipientFilter === undefined
  );
}

/** Every range lies in the admin networks; an empty list means every address unless emptyIsEvery is false. */
function withinAdmin(ranges: string[], adminCidrs: string[], emptyIsEvery: boolean): boolean {
  if (ranges.length === 0) return !emptyIsEvery;

  return ranges.every((text) => {
    const range = parseIpRange(text);
    return range !== undefined && rangeInNetworks(range, adminCidrs);
  });
}
