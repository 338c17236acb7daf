/**
 * EXZT.NET.11: what the probe saw of the endpoints the policy never exposes
 * (network.neverInternetFacing: EAC and remote PowerShell by default). Probed from the internet
 * or any network but the admin ones, they must not answer: IIS IP restrictions answer 403, a
 * pre-authenticating gateway redirects to another host, and anything else is exposure.
 */
import type { ProbeObservation } from '../../evidence/kinds/probe-kinds.js';
import type { EndpointResult } from '../../probe/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';
import { answered, findingAt, placeOf, targetName } from './probe-view.js';

/** The probe's endpoint names for each policy endpoint it can see. */
const PROBED: Readonly<Record<string, readonly string[]>> = {
  ecp: ['ecp', 'ecp-export-tool'],
  powershell: ['powershell'],
  owa: ['owa', 'owa-logon'],
  ews: ['ews'],
  eas: ['eas'],
  mapi: ['mapi'],
  rpc: ['rpc'],
  oab: ['oab'],
  autodiscover: ['autodiscover', 'autodiscover-json'],
};

// IIS IP address restrictions answer 403.6; a removed or blocked path 404.
const REFUSED_STATUSES = new Set([403, 404]);

export const probeAdminExposure: Control = {
  id: 'EXZT.NET.11',
  area: 'network',
  title: 'The EAC and remote PowerShell do not answer the probe from outside the admin networks',
  rationale:
    'ProxyShell, ProxyNotShell and OWASSRF all reached the admin endpoints from the network. An ' +
    'endpoint that answers from the internet or the client network can be attacked from there, ' +
    'whatever the configuration says; the probe shows what actually answers.',
  remediation: {
    text:
      'Block /ecp and /powershell at the firewall or reverse proxy for every network but the admin ' +
      'network, or restrict them with IIS IP address restrictions or client access rules (see ' +
      'EXZT.NET.1), then probe again from the same place.',
    powershell:
      'New-ClientAccessRule -Name "Admin network only" -Action DenyAccess -AnyOfProtocols ' +
      'ExchangeAdminCenter,RemotePowerShell -ExceptAnyOfClientIPAddressesOrRanges 10.10.0.0/24 -Priority 1',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['probe.https'] },
  mappings: {
    cisV8: ['12.3', '13.4', '4.6'],
    nist800207: ['T4', 'T6'],
    iso27001: ['A.8.20', 'A.8.22'],
    nist80053: ['AC-17', 'SC-7'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: ['network.neverInternetFacing', 'apps.adminFrom', 'networks'],
  evaluate(context) {
    const fact = context.organizationFact('probe.https');
    required(fact, 'probe.https');
    const seen = answered(fact, 'probe.https', 'https');
    if (!Array.isArray(seen)) return seen;

    const outside = seen.filter((o) => placeOf(o.vantage, context.policy) === 'outside');
    const unplaced = seen.filter((o) =>
      ['unspecified', 'unknown-network'].includes(placeOf(o.vantage, context.policy)),
    );
    if (outside.length === 0 && unplaced.length > 0) {
      return notAssessed(
        `the probe ran from ${[...new Set(unplaced.map((o) => o.vantage))].join(', ')}: not "internet" nor a network of the policy; probe again with --from`,
        ['organization:probe.https'],
      );
    }
    if (outside.length === 0) return notApplicable('probed only from the admin networks');

    const endpoints = context.policy.network.neverInternetFacing;
    const findings = outside.flatMap((o) =>
      exposures(o, endpoints).map((e) =>
        findingAt(
          o,
          fact,
          `${e.endpoint} (${e.path}) answers ${e.status} from ${o.vantage}`,
          e.status,
        ),
      ),
    );
    if (findings.length > 0)
      return fail(
        `an endpoint the policy keeps in the admin network answers from outside it`,
        dedupe(findings),
      );
    return pass(
      `${endpoints.join(', ')} refused the probe from ${[...new Set(outside.map((o) => o.vantage))].join(', ')} at ${outside.map(targetName).join(', ')}`,
      fact.provenance,
    );
  },
};

function exposures(observation: ProbeObservation, endpoints: readonly string[]): EndpointResult[] {
  const names = new Set(endpoints.flatMap((endpoint) => PROBED[endpoint] ?? []));
  return (observation.https?.endpoints ?? []).filter(
    (e) =>
      names.has(e.endpoint) &&
      e.reachable &&
      e.status !== undefined &&
      !REFUSED_STATUSES.has(e.status) &&
      e.redirect?.offHost !== true,
  );
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter(
    (f) =>
      !seen.has(`${f.object}|${f.message}`) && seen.add(`${f.object}|${f.message}`) !== undefined,
  );
}
