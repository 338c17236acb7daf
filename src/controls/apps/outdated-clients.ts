/**
 * Client versions from the logs (logs.client-versions) against a per-client minimum: one finding
 * per client, version and user, counted, so a thousand users on one old build stay readable.
 */
import type { ClientVersionUse } from '../../evidence/kinds/client-kinds.js';
import type { Fact } from '../../evidence/model.js';
import { compareDottedVersions } from '../endpoints/device-os.js';
import type { Finding } from '../model.js';

/** The minimum version per client name as logs.client-versions writes it. */
export type ClientMinimums = Readonly<Record<string, string | undefined>>;

export interface OutdatedClients {
  findings: Finding[];
  /** Uses of a client the minimums name. */
  checked: number;
}

export function findOutdatedClients(
  fact: Fact<ClientVersionUse[]>,
  uses: readonly ClientVersionUse[],
  minimums: ClientMinimums,
): OutdatedClients {
  let checked = 0;
  const findings: Finding[] = [];
  for (const use of uses) {
    const minimum = minimums[use.client];
    if (minimum === undefined) continue;

    checked += 1;
    if (!/^\d+(\.\d+)*$/.test(use.version) || compareDottedVersions(use.version, minimum) < 0) {
      findings.push({
        object: use.user,
        message: `${use.client} ${use.version} is below ${minimum} (${use.count} requests)`,
        value: use.version,
        evidence: fact.provenance,
      });
    }
  }

  return { findings, checked };
}
