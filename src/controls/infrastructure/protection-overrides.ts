/**
 * EXZT.INF.13: no setting override switches a security protection off. The switches are the
 * config-gated CVE fixes of the knowledge base (src/knowledge/config-gated.ts) and the
 * protections HealthChecker reads from overrides: AMSI, body scanning, data signing (§4, §6).
 */
import type { SettingOverride } from '../../evidence/importers/setting-overrides.js';
import { CONFIG_GATED_CVES } from '../../knowledge/index.js';
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { same } from './override-values.js';

interface ProtectionSwitch {
  component: string;
  section: string;
  parameter: string;
  /** What turning it off does, for the finding. */
  effect: string;
}

const PROTECTION_SWITCHES: readonly ProtectionSwitch[] = [
  { component: 'Cafe', section: 'HttpRequestFiltering', parameter: 'Enabled', effect: 'AMSI off' },
  {
    component: 'Cafe',
    section: 'AmsiRequestBodyScanning',
    parameter: 'EnabledAll',
    effect: 'AMSI body scanning off',
  },
  {
    component: 'Data',
    section: 'EnableSerializationDataSigning',
    parameter: 'Enabled',
    effect: 'serialized data signing off',
  },
  ...CONFIG_GATED_CVES.flatMap((entry) =>
    entry.overrides.map((gate) => ({ ...gate, effect: `reopens ${entry.cve}` })),
  ),
];

export const noProtectionSwitchedOff: Control = {
  id: 'EXZT.INF.13',
  area: 'infrastructure',
  title: 'No setting override switches a security protection off',
  rationale:
    'Several Exchange fixes and protections ship switched on but can be turned off by a setting ' +
    'override, usually to work around a compatibility problem. The server then looks patched ' +
    'while the fix is not in force.',
  remediation: {
    text:
      'Remove each override listed once the problem it worked around is solved, then refresh ' +
      'the variant configuration and restart the affected services.',
    powershell: "Remove-SettingOverride -Identity '<override name>' -Confirm",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['exchange.setting-overrides'] },
  mappings: {
    cisV8: ['4.1', '7.7'],
    nist800207: ['T5'],
    iso27001: ['A.8.9', 'A.8.32'],
    nist80053: ['CM-6', 'CM-3'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Threat Protections' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.organizationFact('exchange.setting-overrides');
    const overrides = required(fact, 'exchange.setting-overrides');
    const findings: Finding[] = overrides.flatMap((override, index) =>
      switchedOff(override).map((entry) => ({
        object: override.name,
        message: `${entry.component}/${entry.section} ${entry.parameter}=False: ${entry.effect}${scopeOf(override)}`,
        value: false,
        evidence: fact.provenance.slice(index, index + 1),
      })),
    );
    if (findings.length > 0) {
      return fail(`${findings.length} override setting(s) switch protections off`, findings);
    }

    return pass(
      `none of ${overrides.length} setting override(s) switches a protection off`,
      fact.provenance,
    );
  },
};

/** The protection switches an accepted override sets to false; each switch counted once. */
function switchedOff(override: SettingOverride): ProtectionSwitch[] {
  if (override.status !== undefined && !same(override.status, 'Accepted')) return [];

  const matches = PROTECTION_SWITCHES.filter(
    (entry) =>
      same(entry.component, override.component) &&
      same(entry.section, override.section) &&
      override.parameters.some(
        (p) => same(p.name, entry.parameter) && same(p.value.trim(), 'false'),
      ),
  );
  const seen = new Set<string>();
  return matches.filter((entry) => {
    const key = `${entry.section}/${entry.parameter}`.toLowerCase();
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh;
  });
}

function scopeOf(override: SettingOverride): string {
  return override.servers.length === 0 ? ' (all servers)' : ` (${override.servers.join(', ')})`;
}
