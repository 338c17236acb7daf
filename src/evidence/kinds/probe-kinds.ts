/**
 * Evidence from `exzt probe`: what the network shows of Exchange from one vantage, without
 * credentials. One kind for the HTTPS targets and one for the SMTP targets, both organisation
 * facts (a probed host name is not always one server: a load balancer stands for several). A
 * saved report (`exzt probe --format json`) is read by `exzt assess --probe-results`, or from a
 * bundle's organization folder under these kinds' file names.
 */
import type { ProbeService, TargetResult } from '../../probe/model.js';
import { parseProbeReport } from '../../probe/read-report.js';
import { defineKind, type EvidenceKind, type ImportedText } from './kind.js';

/** One probed target, with where and when it was probed from. */
export interface ProbeObservation extends TargetResult {
  /** "internet", a network name of the policy, or "unspecified". */
  vantage: string;
  probedAt: string;
}

export function observationsOf(
  text: string,
  file: string,
  service: ProbeService,
): ImportedText<ProbeObservation[]> {
  const report = parseProbeReport(text, file);
  const value = report.targets
    .filter((result) => result.target.service === service)
    .map((result) => ({ ...result, vantage: report.vantage, probedAt: report.startedAt }));
  return { value, lines: [1] };
}

export const PROBE_KINDS: readonly EvidenceKind[] = [
  defineKind({
    id: 'probe.https',
    title: 'HTTPS endpoints, leaked build, NTLM names, TLS and certificate seen by exzt probe',
    scope: 'organization',
    command: 'exzt probe <host>... --from <network> --format json',
    format: 'text',
    textImporter: (text, file) => observationsOf(text, file, 'https'),
  }),
  defineKind({
    id: 'probe.smtp',
    title: 'SMTP banner, STARTTLS, AUTH before TLS, TLS and certificate seen by exzt probe',
    scope: 'organization',
    command: 'exzt probe <host>... --from <network> --format json',
    format: 'text',
    textImporter: (text, file) => observationsOf(text, file, 'smtp'),
  }),
];
