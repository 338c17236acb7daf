/**
 * A log scan as evidence (`exzt assess --logs`): the organisation subject gains the logs.* kinds,
 * each one compact aggregate with the scan as its provenance, so controls read facts as always
 * and never see a log line they did not ask for. A kind already present (from a bundle) is
 * replaced: the scan just made is the fresher view.
 */
import { createHash } from 'node:crypto';
import {
  organizationSubject,
  ORGANIZATION_KEY,
  type EvidenceSet,
  type KindEvidence,
} from '../evidence/evidence-set.js';
import type { Provenance } from '../evidence/model.js';
import { HUNTS } from './hunts.js';
import type { LogScanResult } from './model.js';

export const LOG_SCAN_MEMBER = 'exzt logs scan';

export function withLogEvidence(
  set: EvidenceSet,
  result: LogScanResult,
  paths: readonly string[],
): EvidenceSet {
  const provenance: Provenance = {
    member: LOG_SCAN_MEMBER,
    source: paths.join(', '),
    // The scan result's own hash: logs are too large to hash file by file on every run.
    sha256: createHash('sha256').update(JSON.stringify(result)).digest('hex'),
    command: `exzt logs scan ${paths.join(' ')}`,
  };
  const kinds = logKinds(result).map(([kind, value]): KindEvidence => ({
    kind,
    status: 'observed',
    files: [],
    fact: { status: 'observed', value, provenance: [provenance] },
  }));

  const existing = set.subjects.find((subject) => subject.subject.key === ORGANIZATION_KEY);
  const organization = existing ?? { subject: organizationSubject(), kinds: [] };
  const replaced = new Set(kinds.map((entry) => entry.kind));
  const merged = {
    ...organization,
    kinds: [...organization.kinds.filter((entry) => !replaced.has(entry.kind)), ...kinds].sort(
      (a, b) => a.kind.localeCompare(b.kind),
    ),
  };
  const subjects = [...set.subjects.filter((subject) => subject !== existing), merged].sort(
    (a, b) => a.subject.key.localeCompare(b.subject.key),
  );
  return { ...set, subjects };
}

function logKinds(result: LogScanResult): Array<[string, unknown]> {
  const indicators = {
    hunts: HUNTS.map((hunt) => {
      const tally = result.hunts.find((entry) => entry.hunt === hunt.id);
      return {
        hunt: hunt.id,
        title: hunt.title,
        cves: hunt.cves,
        count: tally?.count ?? 0,
        findings: tally?.findings ?? [],
      };
    }),
    sources: result.sources,
    badLines: result.badLines.count,
    window: result.window,
  };
  const usage = result.usage;
  if (usage === null) return [['logs.indicators', indicators]];

  return [
    ['logs.indicators', indicators],
    ['logs.admin-access', usage.adminAccess],
    ['logs.legacy-auth', { basicAuth: usage.basicAuth, legacyProtocols: usage.legacyProtocols }],
    ['logs.client-addresses', usage.clientAddresses],
    ['logs.client-versions', usage.clientVersions],
  ];
}
