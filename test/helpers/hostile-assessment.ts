/**
 * The sample organisation's Assessment with an attacker's text where evidence can carry it: a
 * server name with markup and an event handler, a certificate subject that tries to close the
 * script element and open a comment, and a log line with an iframe, each of which would set
 * window.__pwned if it ever ran. Used by the HTML writer's tests, unit and browser.
 */
import type { Assessment } from '../../src/engine/assess/assessment.js';
import { contosoAssessment } from './contoso-assessment.js';

/** Replaces the server EX03 everywhere: subject names, version report, messages. */
export const HOSTILE_SERVER = 'EX03<img src=x id="exzt-pwn-img" onerror="window.__pwned=1">';
export const HOSTILE_CERTIFICATE =
  'CN=</script><script id="exzt-pwn-script">window.__pwned=2</script><!--<svg onload="window.__pwned=3">';
export const HOSTILE_LOG_LINE =
  "2026-11-29 GET /owa/ \"<iframe id='exzt-pwn-frame' srcdoc='<script>parent.__pwned=4</script>'>\" \u2028 end";

export async function hostileAssessment(): Promise<Assessment> {
  const assessment = await contosoAssessment();
  const text = JSON.stringify(assessment).replaceAll('"EX03"', JSON.stringify(HOSTILE_SERVER));
  const hostile = JSON.parse(text) as Assessment;
  const certificate = hostile.results
    .flatMap((result) => result.findings)
    .find((finding) => finding.object?.startsWith('CN=relay.contoso.com'));
  if (certificate === undefined) throw new Error('the sample lost its weak relay certificate');
  certificate.object = HOSTILE_CERTIFICATE;
  const failing = hostile.results.find((result) => result.verdict === 'fail');
  if (failing === undefined) throw new Error('the sample has no failing result');
  failing.findings.push({ object: 'IIS log', message: HOSTILE_LOG_LINE, evidence: [] });
  failing.findingCount += 1;
  return hostile;
}
