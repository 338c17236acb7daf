/**
 * EXZT.INF.19: the logs show no sign of ProxyLogon, ProxyShell, ProxyNotShell, OWASSRF or web
 * shells. Assume breach: a server exposed before it was patched may already be compromised, and
 * patching does not remove a web shell. Not waivable: an indicator is investigated, not accepted.
 */
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { HUNTS } from '../../logs/hunts.js';
import { coverageSpan, notCoveredText } from '../../logs/render-text.js';

const FINDINGS_SHOWN = 50;

export const logIndicators: Control = {
  id: 'EXZT.INF.19',
  area: 'infrastructure',
  title: 'The logs show no compromise indicators',
  rationale:
    'ProxyLogon, ProxyShell, ProxyNotShell and OWASSRF were exploited widely before and after ' +
    'their fixes; the requests leave traces in IIS and Exchange logs. An indicator means the ' +
    'server may be controlled by someone else, whatever its patch level.',
  remediation: {
    text:
      'Treat each finding as an incident: preserve the logs, isolate the server, look for web ' +
      'shells and new admin accounts, run Microsoft Safety Scanner, and rebuild if in doubt. ' +
      'Then install the latest Security Update and review the logs again.',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: false,
  scope: 'organization',
  requires: { organization: ['logs.indicators'] },
  mappings: {
    cisV8: ['8.11', '13.1', '17.4'],
    nist800207: ['T5', 'T7'],
    iso27001: ['A.8.16', 'A.5.25', 'A.5.26'],
    nist80053: ['SI-4', 'IR-4', 'AU-6'],
    disaStig: [],
    ztmm: [
      { pillar: 'applications', function: 'Application Threat Protections' },
      { pillar: 'devices', function: 'Device Threat Protection' },
    ],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('logs.indicators');
    const indicators = required(fact, 'logs.indicators');
    const found = indicators.hunts.filter((hunt) => hunt.count > 0);
    // Logs that do not record a field a hunt needs could not show its indicator: said, not hidden.
    const blind = HUNTS.map((hunt) => [hunt.id, notCoveredText(hunt, indicators.sources)])
      .filter(([, text]) => text !== '')
      .map(([id, text]) => `${id} ${text}`);
    const span =
      coverageSpan(indicators.sources, indicators.window) +
      (blind.length === 0 ? '' : `; ${blind.join('; ')}`);
    if (found.length === 0) {
      return pass(`${indicators.hunts.length} hunts found nothing; ${span}`, fact.provenance);
    }

    const total = found.reduce((sum, hunt) => sum + hunt.count, 0);
    const findings: Finding[] = found.flatMap((hunt) =>
      hunt.findings.slice(0, FINDINGS_SHOWN).map((finding) => ({
        object: `${finding.file}:${finding.line}`,
        message:
          `${hunt.hunt}${hunt.cves.length > 0 ? ` (${hunt.cves.join(', ')})` : ''} at ` +
          `${finding.time ?? 'unknown time'} from ${finding.clientIp ?? 'unknown address'}`,
        // The matched line, as logged; writers must show it as text, never as markup.
        value: finding.text,
        evidence: fact.provenance,
      })),
    );
    const names = found.map((hunt) => `${hunt.hunt} ${hunt.count}`).join(', ');
    return fail(`${total} compromise indicators in the logs (${names}); ${span}`, findings);
  },
};
