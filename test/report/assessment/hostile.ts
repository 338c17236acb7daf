/**
 * The sample organisation with an attacker's text where evidence text goes: a server name, a
 * certificate subject in a finding, a result message. Every writer must carry it as text.
 */
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import { cloned } from './fixture.js';

export const HOSTILE_SERVER = '<script>alert(1)</script>]]>&"\'\u0001\u001b[31m';
export const HOSTILE_SUBJECT = 'CN=<img src=x onerror=alert(2)>]]><!--, O=@SUM(1+1)|`x`';
export const FORMULA = '=HYPERLINK("http://127.0.0.1/x","click")';

export function hostileAssessment(base: Assessment): Assessment {
  const assessment = cloned(base);
  const target = assessment.results.find(
    (result) => result.subject.type === 'server' && result.verdict === 'fail',
  );
  if (target === undefined) throw new Error('the sample has no failing server result');

  const server = target.subject.name;
  for (const result of assessment.results) {
    if (result.subject.name === server) result.subject.name = HOSTILE_SERVER;
  }
  target.message = FORMULA;
  target.findings.unshift({
    object: HOSTILE_SUBJECT,
    message: `certificate ${HOSTILE_SUBJECT} expired\r\n-cmd|' /C calc'!A0`,
    evidence: [],
  });
  for (const row of assessment.versionReport.servers) {
    if (row.name === server) row.name = HOSTILE_SERVER;
  }
  return assessment;
}
