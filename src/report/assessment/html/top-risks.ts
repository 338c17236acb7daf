/**
 * The overview's "top risks": what an Exchange owner should fix first. Exposure to a CVE on
 * CISA's Known Exploited Vulnerabilities catalogue comes first (attackers already use it), then
 * failing must-controls from critical down to high severity. Waived results are accepted risks
 * and are not listed here; the findings view still shows them.
 */
import type { Assessment } from '../../../engine/assess/assessment.js';
import type { ControlResult } from '../../../engine/assess/result.js';
import type { CveState } from '../../../knowledge/index.js';

export interface TopRisk {
  kind: 'known-exploited' | 'critical-failure' | 'high-failure';
  /** A CVE id or a control id. */
  id: string;
  title: string;
  /** Server names (or the organisation's name) the risk applies to, sorted. */
  subjects: string[];
}

/** Longer lists help nobody decide what to do first. */
export const TOP_RISK_LIMIT = 10;

/** Exposed before unknown (no fix exists for the version) before mitigated only. */
const OPEN_STATES: readonly CveState[] = ['exposed', 'unknown', 'mitigated'];

const STATE_WORDS: Readonly<Record<CveState, string>> = {
  exposed: 'exposed',
  unknown: 'exposure unknown',
  mitigated: 'mitigated only, not fixed',
  fixed: 'fixed',
};

export function topRisks(assessment: Assessment): TopRisk[] {
  return [
    ...knownExploitedRisks(assessment),
    ...failureRisks(assessment.results, 'critical'),
    ...failureRisks(assessment.results, 'high'),
  ].slice(0, TOP_RISK_LIMIT);
}

function knownExploitedRisks(assessment: Assessment): TopRisk[] {
  const byCve = new Map<string, { state: CveState; subjects: Set<string> }>();
  for (const server of assessment.versionReport.servers) {
    for (const cve of server.cves) {
      if (!cve.knownExploited || cve.state === 'fixed') continue;

      const entry = byCve.get(cve.id) ?? { state: cve.state, subjects: new Set<string>() };
      if (OPEN_STATES.indexOf(cve.state) < OPEN_STATES.indexOf(entry.state))
        entry.state = cve.state;
      entry.subjects.add(server.name);
      byCve.set(cve.id, entry);
    }
  }

  return [...byCve]
    .sort(
      ([idA, a], [idB, b]) =>
        OPEN_STATES.indexOf(a.state) - OPEN_STATES.indexOf(b.state) ||
        b.subjects.size - a.subjects.size ||
        idA.localeCompare(idB),
    )
    .map(([id, entry]) => ({
      kind: 'known-exploited',
      id,
      title: `${id} (known exploited) ${STATE_WORDS[entry.state]} on ${plural(entry.subjects.size, 'server')}`,
      subjects: [...entry.subjects].sort(),
    }));
}

function failureRisks(results: readonly ControlResult[], severity: 'critical' | 'high'): TopRisk[] {
  const byControl = new Map<string, { title: string; subjects: string[] }>();
  for (const result of results) {
    if (result.verdict !== 'fail' || result.severity !== severity) continue;

    const entry = byControl.get(result.control) ?? { title: result.title, subjects: [] };
    entry.subjects.push(result.subject.name);
    byControl.set(result.control, entry);
  }

  return [...byControl]
    .sort(([idA, a], [idB, b]) => b.subjects.length - a.subjects.length || idA.localeCompare(idB))
    .map(([id, entry]) => ({
      kind: severity === 'critical' ? 'critical-failure' : 'high-failure',
      id,
      title: `${id} ${entry.title}: fails on ${plural(entry.subjects.length, 'subject')}`,
      subjects: entry.subjects.sort(),
    }));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
