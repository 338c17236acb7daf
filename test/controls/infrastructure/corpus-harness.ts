/**
 * Runs one control on HealthChecker's corpus folders (E19, E16), read in place, optionally with
 * alternates swapped in the way `--use CANONICAL=ALTERNATE` does. Loads are cached per folder and
 * alternates, since several cases read the same data.
 */
import path from 'node:path';
import type { Control } from '../../../src/controls/model.js';
import { runControls } from '../../../src/engine/assess/run-controls.js';
import type { ControlResult } from '../../../src/engine/assess/result.js';
import { buildVersionReport } from '../../../src/engine/version-report/index.js';
import type { EvidenceSet } from '../../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { onlyResult, TEST_AS_OF } from '../../helpers/control-harness.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const loads = new Map<string, Promise<EvidenceSet>>();

function corpusEvidence(folder: 'E19' | 'E16', use: Record<string, string>): Promise<EvidenceSet> {
  const key = `${folder} ${JSON.stringify(use)}`;
  let load = loads.get(key);
  if (load === undefined) {
    const options = { use: new Map(Object.entries(use)), allowModified: false };
    load = loadEvidence([path.join(CORPUS_DIR, folder)], options);
    loads.set(key, load);
  }
  return load;
}

/** The result of `control` for the corpus server (or its organisation, for org-scoped controls). */
export async function runOnCorpus(
  control: Control,
  folder: 'E19' | 'E16',
  use: Record<string, string> = {},
  asOf = TEST_AS_OF,
): Promise<ControlResult> {
  const evidence = await corpusEvidence(folder, use);
  const report = buildVersionReport(evidence, { asOf, asOfSource: 'option' });
  return onlyResult(
    runControls([control], {
      evidence,
      policy: DEFAULT_POLICY,
      attestations: [],
      asOf,
      versionRows: new Map(report.servers.map((row) => [row.key, row])),
    }),
  );
}
