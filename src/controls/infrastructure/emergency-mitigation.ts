/**
 * EXZT.INF.8: the Exchange Emergency Mitigation Service may apply Microsoft's mitigations, runs,
 * and reaches its endpoint. Follows HealthChecker's EEMS check (healthchecker-checks.md §10).
 */
import type { ServerVersionRow } from '../../engine/version-report/model.js';
import {
  buildsNamed,
  isAtOrBeyondUpdate,
  MITIGATION_SERVICE_MINIMUM,
} from '../../knowledge/index.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';
import { buildVersion, cuNumber, isEdgeServer } from './server-facts.js';

const SERVICE = 'MSExchangeMitigation';

export const emergencyMitigationService: Control = {
  id: 'EXZT.INF.8',
  area: 'infrastructure',
  title: 'The Emergency Mitigation Service is on, running and reachable',
  rationale:
    'When a new Exchange zero-day is exploited before a fix exists, Microsoft ships URL-rewrite ' +
    'and other mitigations through EEMS within hours. A server with EEMS off, stopped or cut off ' +
    'from its endpoint waits for an administrator instead. Since July 2026 the service also ' +
    'needs the June 2026 SU or newer to read new mitigations: below it, the mitigations already ' +
    'applied stay, but no new one arrives.',
  remediation: {
    text:
      'Turn mitigations on for the organisation and the server, set the service to start ' +
      'automatically, and let the server reach officeclient.microsoft.com over HTTPS. A server ' +
      'below the June 2026 SU needs that SU or a newer one (Exchange 2016 and 2019 get it only ' +
      'through the Period 2 ESU; otherwise move to Exchange Server SE).',
    powershell:
      'Set-OrganizationConfig -MitigationsEnabled $true\n' +
      'Set-ExchangeServer $env:COMPUTERNAME -MitigationsEnabled $true\n' +
      `Set-Service ${SERVICE} -StartupType Automatic; Start-Service ${SERVICE}`,
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: {
    subject: ['exchange.server', 'exchange.mitigation-service'],
    organization: ['exchange.organization-config'],
  },
  mappings: {
    cisV8: ['7.4', '10.5'],
    nist800207: ['T5'],
    iso27001: ['A.8.8', 'A.5.26'],
    nist80053: ['SI-2', 'SI-3'],
    disaStig: [],
    ztmm: [
      { pillar: 'applications', function: 'Application Threat Protections' },
      { pillar: 'devices', function: 'Automation & Orchestration' },
    ],
  },
  policyKeys: ['infrastructure.requireEmergencyMitigationService'],
  evaluate(context) {
    if (!context.policy.infrastructure.requireEmergencyMitigationService) {
      return notApplicable('the policy does not require the Emergency Mitigation Service');
    }
    const row = context.version();
    const unavailable = serviceUnavailable(row?.product ?? null, cuNumber(row?.cu));
    if (isEdgeServer(context) || unavailable !== undefined) {
      return notApplicable(unavailable ?? 'Edge Transport servers have no EEMS');
    }
    const organization = required(context.organizationFact('exchange.organization-config'), 'org');
    if (organization.mitigationsEnabled === undefined) {
      return notAssessed('MitigationsEnabled is not in the organisation config', [
        'exchange.organization-config (MitigationsEnabled)',
      ]);
    }

    const findings = [...switchFindings(context, organization.mitigationsEnabled)];
    findings.push(...serviceFindings(context), ...endpointFindings(context));
    const currency = updateCurrency(row, context.asOf);
    if (currency.finding !== undefined) findings.push(currency.finding);
    if (findings.length > 0) return fail('EEMS cannot protect this server', findings);

    const endpoint = optional(context.fact('exchange.mitigation-endpoint'));
    const reach =
      endpoint === undefined ? '; endpoint reachability not collected' : ', endpoint reachable';
    return pass(`EEMS enabled, ${SERVICE} running${reach}${currency.note ?? ''}`);
  },
};

/**
 * Whether the build can still take new mitigations (MITIGATION_SERVICE_MINIMUM): a finding when
 * it cannot, a note for the pass message when the evidence cannot tell.
 */
function updateCurrency(
  row: ServerVersionRow | undefined,
  asOf: string,
): { finding?: Finding; note?: string } {
  const { update, from } = MITIGATION_SERVICE_MINIMUM;
  if (asOf.slice(0, 10) < from) return {};
  const version = buildVersion(row);
  const unknown = {
    note: `; whether the build has ${update}, which new mitigations need, is unknown`,
  };
  if (row === undefined || version === undefined || row.product === null) return unknown;
  if (isAtOrBeyondUpdate(version, update)) return {};
  const cuGotIt = buildsNamed(row.product, update).some((carrier) => carrier.cu.name === row.cu);
  if (row.precision !== 'build' && cuGotIt) return unknown;

  const below = cuGotIt
    ? `build ${row.build} is below ${update}`
    : `${row.cu ?? 'its CU'} never got ${update} (build ${row.build})`;
  return {
    finding: {
      object: row.name,
      message: `${below}: EEMS takes no mitigation published since ${from}`,
      value: row.build,
      evidence: row.evidence.build,
    },
  };
}

// TODO(#3): MitigationsBlocked, the proxy EEMS uses (InternetWebProxy) and the feature-flighting
// endpoint are read by HealthChecker but not judged here yet.
function serviceUnavailable(product: string | null, cu: number | undefined): string | undefined {
  if (product === 'Exchange2013') return 'Exchange 2013 has no Emergency Mitigation Service';
  if (product === 'Exchange2016' && (cu ?? 0) < 22) return 'EEMS needs Exchange 2016 CU22 or later';
  if (product === 'Exchange2019' && (cu ?? 0) < 11) return 'EEMS needs Exchange 2019 CU11 or later';
  return undefined;
}

function switchFindings(
  context: Parameters<Control['evaluate']>[0],
  orgEnabled: boolean,
): Finding[] {
  const serverFact = context.fact('exchange.server');
  const server = required(serverFact, 'exchange.server');
  const orgFact = context.organizationFact('exchange.organization-config');
  const findings: Finding[] = [];
  if (!orgEnabled) {
    findings.push({
      object: 'organization',
      message: 'mitigations disabled for the organisation',
      value: false,
      evidence: orgFact.provenance,
    });
  }
  if (server.mitigationsEnabled === false) {
    findings.push({
      object: server.name,
      message: 'mitigations disabled on the server',
      value: false,
      evidence: serverFact.provenance,
    });
  }
  return findings;
}

function serviceFindings(context: Parameters<Control['evaluate']>[0]): Finding[] {
  const fact = context.fact('exchange.mitigation-service');
  const service = required(fact, 'exchange.mitigation-service').find(
    (entry) => entry.name.toLowerCase() === SERVICE.toLowerCase(),
  );
  if (service?.status === 'Running' && service.startType === 'Automatic') return [];

  const state =
    service === undefined
      ? 'not found'
      : `${service.status ?? 'unknown'}, start ${service.startType ?? 'unknown'}`;
  return [
    { object: SERVICE, message: `service ${state}`, value: state, evidence: fact.provenance },
  ];
}

function endpointFindings(context: Parameters<Control['evaluate']>[0]): Finding[] {
  const fact = context.fact('exchange.mitigation-endpoint');
  const response = optional(fact);
  if (response === undefined || response.statusCode === 200) return [];

  return [
    {
      object: 'officeclient.microsoft.com',
      message: `endpoint answered ${response.statusCode}`,
      value: response.statusCode,
      evidence: fact.provenance,
    },
  ];
}
