/**
 * EXZT.INF.7: Exchange hands requests to the Antimalware Scan Interface (AMSI), request bodies
 * included. Follows HealthChecker's AMSI check (reference healthchecker-checks.md §6): the Cafe /
 * HttpRequestFiltering override switches AMSI off, AmsiRequestBodyScanning the body scan.
 */
import { isAtOrBeyondUpdate, type ExchangeVersion } from '../../knowledge/index.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';
import { applicableValues, firstValue, same, type OverrideValue } from './override-values.js';
import { buildVersion, cuNumber, isEdgeServer, windowsBuild } from './server-facts.js';

const WINDOWS_SERVER_2016_BUILD = 14393;
const BODY_PROTOCOLS = [
  'Api',
  'AutoD',
  'Ecp',
  'Ews',
  'Mapi',
  'Eas',
  'Oab',
  'Owa',
  'PowerShell',
  'Others',
];

export const amsiIntegration: Control = {
  id: 'EXZT.INF.7',
  area: 'infrastructure',
  title: 'AMSI scans Exchange requests, bodies included',
  rationale:
    'AMSI lets the antivirus engine see each HTTP request before Exchange acts on it, which ' +
    'blocks known exploit payloads of ProxyShell-style attacks even on a server behind on ' +
    'updates. Body scanning extends this to the request body, where most payloads travel.',
  remediation: {
    text:
      'Remove the overrides that switch AMSI or body scanning off, install Aug25SU or later ' +
      '(body scanning on by default), and keep an AMSI-capable antivirus running.',
    powershell:
      "Get-SettingOverride | Where-Object { $_.ComponentName -eq 'Cafe' -and $_.SectionName -eq 'HttpRequestFiltering' } | Remove-SettingOverride\n" +
      'Get-ExchangeDiagnosticInfo -Process Microsoft.Exchange.Directory.TopologyService ' +
      '-Component VariantConfiguration -Argument Refresh',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server'], organization: ['exchange.setting-overrides'] },
  mappings: {
    cisV8: ['10.5', '10.1'],
    nist800207: ['T5'],
    iso27001: ['A.8.7'],
    nist80053: ['SI-3', 'SI-4'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Threat Protections' }],
  },
  policyKeys: ['infrastructure.requireAmsi'],
  evaluate(context) {
    if (!context.policy.infrastructure.requireAmsi) {
      return notApplicable('the policy does not require AMSI');
    }
    const row = context.version();
    const version = buildVersion(row);
    if (row === undefined || version === undefined) {
      return notAssessed('the build is unknown', ['exchange.setup-version']);
    }
    const unavailable = amsiUnavailable(row.product, cuNumber(row.cu), windowsBuild(context));
    if (isEdgeServer(context) || unavailable !== undefined) {
      return notApplicable(unavailable ?? 'Edge Transport servers have no AMSI integration');
    }

    const fact = context.organizationFact('exchange.setting-overrides');
    const overrides = required(fact, 'exchange.setting-overrides');
    const server = { name: row.name, version };
    const findings = [
      ...amsiFindings(applicableValues(overrides, 'Cafe', 'HttpRequestFiltering', server)),
      ...bodyScanFindings(
        applicableValues(overrides, 'Cafe', 'AmsiRequestBodyScanning', server),
        version,
      ),
    ].map((finding) => ({ ...finding, evidence: fact.provenance }));
    if (findings.length > 0)
      return fail(`AMSI does not scan every request on ${row.name}`, findings);

    return pass('AMSI is on and scans request bodies', fact.provenance);
  },
};

/** Why AMSI integration does not exist on this build or OS, or undefined when it does. */
function amsiUnavailable(
  product: string | null,
  cu: number | undefined,
  osBuild: number | undefined,
) {
  if (osBuild !== undefined && osBuild < WINDOWS_SERVER_2016_BUILD) {
    return 'AMSI needs Windows Server 2016 or later';
  }
  if (product === 'Exchange2013') return 'Exchange 2013 has no AMSI integration';
  if (product === 'Exchange2016' && (cu ?? 0) < 21) return 'AMSI needs Exchange 2016 CU21 or later';
  if (product === 'Exchange2019' && (cu ?? 0) < 10) return 'AMSI needs Exchange 2019 CU10 or later';
  return undefined;
}

type Draft = Omit<Finding, 'evidence'>;

function amsiFindings(values: OverrideValue[]): Draft[] {
  const enabled = values.filter((entry) => same(entry.parameter, 'Enabled'));
  if (enabled.length === 0) return [];
  if (enabled.length > 1) {
    const names = enabled.map((entry) => entry.override.name).join(', ');
    return [{ object: names, message: 'several AMSI overrides; which one wins is unclear' }];
  }

  const [only] = enabled as [OverrideValue];
  if (same(only.value, 'True')) return [];
  const message = same(only.value, 'False')
    ? 'AMSI switched off'
    : `AMSI state unknown (Enabled=${only.value})`;
  return [{ object: only.override.name, message, value: only.value }];
}

function bodyScanFindings(values: OverrideValue[], version: ExchangeVersion): Draft[] {
  if (!isAtOrBeyondUpdate(version, 'Nov24SU')) {
    return [{ object: 'AmsiRequestBodyScanning', message: 'body scanning needs Nov24SU or later' }];
  }

  const all = firstValue(values, 'EnabledAll');
  const anyProtocol = BODY_PROTOCOLS.some((name) =>
    same(firstValue(values, `Enabled${name}`) ?? '', 'True'),
  );
  const byDefault = isAtOrBeyondUpdate(version, 'Aug25SU') && !same(all ?? '', 'False');
  if (byDefault || same(all ?? '', 'True') || anyProtocol) return [];

  const message =
    all === undefined
      ? 'body scanning off (the build predates Aug25SU)'
      : 'body scanning switched off';
  return [
    { object: 'AmsiRequestBodyScanning', message, ...(all === undefined ? {} : { value: all }) },
  ];
}
