/**
 * A 200-server Assessment for the HTML report's performance test, built from the sample
 * organisation's real results: every control gets a result on every server (64 × 200 = 12,800,
 * the volume issue #4 asks the report to stay responsive at). Server-scope results are copied
 * from the sample's six servers in turn; organisation-scope ones are repeated per server to
 * reach that volume. Scores, framework views and ZTMM stages are computed by the engine.
 */
import type { Assessment } from '../../src/engine/assess/assessment.js';
import type { ControlResult } from '../../src/engine/assess/result.js';
import { computeScores, countVerdicts } from '../../src/engine/assess/scores.js';
import { CONTROLS } from '../../src/controls/catalogue.js';
import { serverSubject } from '../../src/evidence/evidence-set.js';
import { contosoAssessment } from './contoso-assessment.js';

export function largeServerName(index: number): string {
  return `EX${String(index + 1).padStart(3, '0')}`;
}

export async function largeAssessment(serverCount = 200): Promise<Assessment> {
  const base = await contosoAssessment();
  const templates = base.versionReport.servers;
  const byKey = new Map(base.results.map((r) => [`${r.control} ${r.subject.key}`, r]));
  const results: ControlResult[] = [];
  for (const control of base.controls) {
    for (let index = 0; index < serverCount; index += 1) {
      const template = templates[index % templates.length];
      const subjectKey = control.scope === 'server' ? template?.key : 'organization';
      const source = byKey.get(`${control.id} ${subjectKey}`);
      if (source === undefined || template === undefined) continue;

      results.push(renamed(source, template.name, largeServerName(index)));
    }
  }
  const servers = Array.from({ length: serverCount }, (_, index) => {
    const template = templates[index % templates.length];
    const name = largeServerName(index);
    if (template === undefined) throw new Error('the sample has no servers');
    return { ...structuredClone(template), name, key: serverSubject(name).key };
  });

  return {
    ...base,
    versionReport: { ...base.versionReport, servers },
    results,
    scores: computeScores(results, CONTROLS),
    summary: countVerdicts(results),
  };
}

function renamed(result: ControlResult, from: string, to: string): ControlResult {
  const text = JSON.stringify({ ...result, subject: serverSubject(to) });
  return JSON.parse(text.replaceAll(`servers/${from}/`, `servers/${to}/`)) as ControlResult;
}
