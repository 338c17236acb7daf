/**
 * The collector and exzt's registry of kinds agree in both directions: the generated table
 * (ExztKinds.psd1, and its copy in docs/collector.md) is what the registry says today, every kind
 * has exactly one collector in the script, in the table its plan names, and the script has no
 * collector for a kind the registry lacks. A mutated script is shown to fail the same check.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVIDENCE_KINDS } from '../../src/evidence/kinds.js';
import { MANIFEST_SCHEMA } from '../../src/evidence/manifest.js';
import { collectorExport, type CollectorRuns } from '../../scripts/collector/export-plan.js';
import { unknownPlanKinds } from '../../scripts/collector/export-plan.js';
import {
  COLLECTOR_TABLE_FILE,
  COLLECTOR_TABLE_SCHEMA,
  collectorTablePsd1,
} from '../../scripts/collector/kind-table.js';
import { DOC_FILE, withCollectorTable } from '../../scripts/generate-collector-table.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { hashtableKeys } from './powershell-syntax.js';

const COLLECTOR = path.join(REPO_ROOT, 'collector', 'Collect-ExztEvidence.ps1');

/** The script's hashtables that hold the collectors of each kind of run. */
const TABLES: Record<CollectorRuns, string[]> = {
  organization: ['OrganizationCollectors'],
  server: ['ServerCollectors'],
  host: ['HostCollectors'],
  'host-file': ['HostFiles', 'WebConfigLocations'],
  supplied: ['SuppliedFiles'],
  'not-collected': ['NotCollected'],
};

/** Every disagreement between the script and the registry, one line each. */
function contractProblems(script: string): string[] {
  const problems: string[] = [];
  const registry = new Set(EVIDENCE_KINDS.map((kind) => kind.id));
  const seen = new Map<string, string>();
  for (const [runs, variables] of Object.entries(TABLES)) {
    const expected = EVIDENCE_KINDS.filter((kind) => collectorExport(kind).runs === runs).map(
      (kind) => kind.id,
    );
    const keys = variables.flatMap((variable) => hashtableKeys(script, variable));
    for (const key of keys) {
      if (!registry.has(key))
        problems.push(`$${variables.join('/')} collects '${key}', no kind of the registry`);
      else if (!expected.includes(key))
        problems.push(
          `'${key}' is in $${variables.join('/')}, its plan says ${collectorExport(EVIDENCE_KINDS.find((k) => k.id === key)!).runs}`,
        );
      if (seen.has(key))
        problems.push(
          `'${key}' is collected twice ($${seen.get(key)} and $${variables.join('/')})`,
        );
      seen.set(key, variables.join('/'));
    }
    for (const id of expected) {
      if (!keys.includes(id))
        problems.push(`'${id}' (${runs}) has no entry in $${variables.join('/')}`);
    }
  }
  return problems;
}

describe('collector and registry', () => {
  const script = readFileSync(COLLECTOR, 'utf8');

  it('ExztKinds.psd1 is the table the registry generates today (npm run collector:table)', () => {
    const onDisk = readFileSync(path.join(REPO_ROOT, COLLECTOR_TABLE_FILE), 'utf8');
    assert.equal(onDisk, collectorTablePsd1());
    for (const kind of EVIDENCE_KINDS) {
      assert.ok(onDisk.includes(`      Id = '${kind.id}'`), kind.id);
      assert.ok(onDisk.includes(`      BundleFile = '${kind.bundleFile}'`), kind.bundleFile);
    }
  });

  it('docs/collector.md has the same table of depths and encodings', () => {
    const doc = readFileSync(path.join(REPO_ROOT, DOC_FILE), 'utf8');
    assert.equal(doc, withCollectorTable(doc));
  });

  it('the export plan names no kind the registry lacks', () => {
    assert.deepEqual(unknownPlanKinds(new Set(EVIDENCE_KINDS.map((kind) => kind.id))), []);
  });

  it('every registry kind has exactly one collector, and every collector is a registry kind', () => {
    assert.deepEqual(contractProblems(script), []);
  });

  it('names a missing kind, an unknown kind and a kind in the wrong table in a mutated script', () => {
    const mutated = script
      .replace("    'os.hotfixes'", "    'os.hot-fixes'")
      .replace("    'exchange.server'  ", "    'os.services'  ");
    const problems = contractProblems(mutated).join('\n');
    assert.match(problems, /collects 'os\.hot-fixes', no kind of the registry/);
    assert.match(problems, /'os\.hotfixes' \(host\) has no entry/);
    assert.match(problems, /'exchange\.server' \(server\) has no entry/);
    assert.match(problems, /'os\.services' is in \$ServerCollectors, its plan says host/);
    assert.match(problems, /'os\.services' is collected twice/);
  });

  it('writes files only under the bundle file names of the table, in the bundle layout', () => {
    assert.match(script, /'organization\/' \+ \$Kind\.BundleFile/);
    assert.match(script, /'servers\/' \+ \$Subject \+ '\/' \+ \$Kind\.BundleFile/);
    assert.ok(script.includes(`$TableSchema = '${COLLECTOR_TABLE_SCHEMA}'`));
    assert.ok(script.includes(`$BundleSchema = '${MANIFEST_SCHEMA}'`));
  });

  it('gives every CliXml export an explicit -Depth and -Encoding from the table', () => {
    assert.match(
      script,
      /Export-Clixml -LiteralPath \(Get-TargetPath \$Kind \$Subject\) -Depth \$Kind\.Depth -Encoding \$Kind\.Encoding/,
    );
    assert.equal(script.match(/\| Export-Clixml/g)?.length, 1, 'one place exports CliXml');
    for (const kind of EVIDENCE_KINDS.filter((k) => k.format === 'clixml')) {
      const plan = collectorExport(kind);
      assert.ok(plan.depth !== undefined && plan.depth >= 1, kind.id);
      assert.equal(plan.encoding, 'UTF8', kind.id);
    }
  });
});
