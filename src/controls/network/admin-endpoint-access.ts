/**
 * EXZT.NET.1: the endpoints the policy never exposes (network.neverInternetFacing: EAC and remote
 * PowerShell by default) answer only the admin networks (apps.adminFrom). Two mechanisms on the
 * server can enforce that: IIS IP address restrictions on the front-end virtual directory, and
 * client access rules (EAC and remote PowerShell only).
 */
import type { ApplicationHostConfig } from '../../evidence/importers/application-host.js';
import type { ClientAccessRule } from '../../evidence/importers/client-access-rules.js';
import type { Provenance } from '../../evidence/model.js';
import type { ExchangeEndpoint } from '../../policy/model.js';
import { networksNamed } from '../../policy/networks.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';
import { FRONT_END_SITE, iisRestriction, rulesRestrict } from './admin-endpoint-restrictions.js';

/** Front-end virtual directories of the endpoints that live in IIS, and their client access rule protocol. */
const ENDPOINTS: Partial<Record<ExchangeEndpoint, { vdir: string; protocol?: string }>> = {
  ecp: { vdir: 'ecp', protocol: 'ExchangeAdminCenter' },
  powershell: { vdir: 'PowerShell', protocol: 'RemotePowerShell' },
  owa: { vdir: 'owa' },
  ews: { vdir: 'EWS' },
  eas: { vdir: 'Microsoft-Server-ActiveSync' },
  mapi: { vdir: 'mapi' },
  rpc: { vdir: 'Rpc' },
  oab: { vdir: 'OAB' },
  autodiscover: { vdir: 'Autodiscover' },
};

export const adminEndpointAccess: Control = {
  id: 'EXZT.NET.1',
  area: 'network',
  title: 'The EAC and remote PowerShell virtual directories admit only the admin networks',
  rationale:
    'The Exchange admin center and remote PowerShell can change every mailbox and every setting; ' +
    'ProxyShell and ProxyNotShell reached them from the Internet. Restricting them to the admin ' +
    'network means a stolen password or an unpatched flaw is useless from anywhere else.',
  remediation: {
    text:
      'Allow only the admin networks on the front-end ecp and PowerShell virtual directories (IIS ' +
      'IP address restrictions, allowUnlisted false), or block EAC and remote PowerShell for every ' +
      'other address with client access rules.',
    powershell:
      'New-ClientAccessRule -Name "Admin network only" -Action DenyAccess -AnyOfProtocols ' +
      'ExchangeAdminCenter,RemotePowerShell -ExceptAnyOfClientIPAddressesOrRanges 10.10.0.0/24 -Priority 1',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['iis.application-host'] },
  mappings: {
    cisV8: ['12.3', '13.4', '4.6'],
    nist800207: ['T4', 'T6'],
    iso27001: ['A.8.18', 'A.8.22', 'A.8.2'],
    nist80053: ['AC-17', 'SC-7', 'AC-3'],
    disaStig: [],
    ztmm: [
      { pillar: 'networks', function: 'Network Segmentation' },
      { pillar: 'identity', function: 'Access Management' },
    ],
  },
  policyKeys: ['apps.adminFrom', 'network.neverInternetFacing', 'networks'],
  evaluate(context) {
    const endpoints = context.policy.network.neverInternetFacing.filter((e) => ENDPOINTS[e]);
    if (endpoints.length === 0)
      return notApplicable('the policy keeps no IIS endpoint off the Internet');

    const fact = context.fact('iis.application-host');
    const config = required(fact, 'iis.application-host');
    const admin = networksNamed(context.policy.apps.adminFrom, context.policy);
    const rules = optional(context.organizationFact('exchange.client-access-rules'));
    // What the network actually answers is EXZT.NET.11's question (probe.https); this control
    // answers from configuration alone.
    const findings: Finding[] = [];
    const unseen: string[] = [];
    for (const endpoint of endpoints) {
      const verdict = endpointVerdict(
        ENDPOINTS[endpoint] ?? { vdir: endpoint },
        config,
        rules,
        admin,
      );
      if (verdict === 'unseen') unseen.push(endpoint);
      else if (verdict !== 'restricted') {
        const { object, message, index } = verdict;
        findings.push({ object, message, evidence: provenanceOf(fact, index) });
      }
    }

    if (findings.length > 0)
      return fail('an admin endpoint answers outside the admin networks', findings);
    if (unseen.length > 0) {
      return notAssessed(
        `IIS does not restrict ${unseen.join(', ')}; client access rules were not collected`,
        ['organization:exchange.client-access-rules'],
      );
    }
    return pass(
      `${endpoints.join(', ')} answer only ${context.policy.apps.adminFrom.join(', ')}`,
      fact.provenance,
    );
  },
};

/**
 * Restricted by IIS or by client access rules; "unseen" when IIS is open and the rules were not
 * collected; otherwise the finding's object and message, with the location it rests on.
 */
function endpointVerdict(
  spec: { vdir: string; protocol?: string },
  config: ApplicationHostConfig,
  rules: ClientAccessRule[] | undefined,
  admin: string[],
): 'restricted' | 'unseen' | { object: string; message: string; index: number } {
  const iis = iisRestriction(config.locations, spec.vdir, admin);
  if (iis.restricted) return 'restricted';
  if (spec.protocol !== undefined && rules === undefined) return 'unseen';
  if (
    spec.protocol !== undefined &&
    rules !== undefined &&
    rulesRestrict(rules, spec.protocol, admin)
  ) {
    return 'restricted';
  }

  return { object: `${FRONT_END_SITE}/${spec.vdir}`, message: iis.reason, index: iis.index };
}

/** The importer gives the root's line first, then one per location. */
function provenanceOf(fact: { provenance: Provenance[] }, index: number): Provenance[] {
  const provenance = fact.provenance[index + 1] ?? fact.provenance[0];
  return provenance === undefined ? [] : [provenance];
}
