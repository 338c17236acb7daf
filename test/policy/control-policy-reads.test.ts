/**
 * Every policy key a rule reads is one it declares (Control.policyKeys), so `exzt policy explain`
 * lists all it depends on: each control runs alone on the sample organisation (with its policy and
 * with the defaults) and on the HealthChecker corpus, with a policy that records every key read.
 * A branch none of these reach is not seen here; each control's declaration was also read
 * against its code.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CONTROLS } from '../../src/controls/catalogue.js';
import type { Control } from '../../src/controls/model.js';
import { runControls } from '../../src/engine/assess/run-controls.js';
import { buildVersionReport } from '../../src/engine/version-report/index.js';
import type { EvidenceSet } from '../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { loadAttestations } from '../../src/policy/attestations.js';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Attestation, Policy } from '../../src/policy/model.js';
import { CORPUS_DIR, EXAMPLES_DIR } from '../helpers/paths.js';

const CONTOSO = path.join(EXAMPLES_DIR, 'contoso');
const AS_OF = '2026-11-30T09:00:00Z';
/** Maps whose keys the policy's author names: a read of any entry is a read of the whole. */
const WHOLE = new Set(['networks']);

interface Run {
  evidence: EvidenceSet;
  policy: Policy;
  attestations: Attestation[];
}

let runs: Run[] = [];

before(async () => {
  const options = { use: new Map<string, string>(), allowModified: false };
  const sample = await loadEvidence([path.join(CONTOSO, 'bundle')], options);
  const { policy } = await loadPolicy(path.join(CONTOSO, 'policy.yaml'));
  const attestations = await loadAttestations(path.join(CONTOSO, 'attestations.yaml'));
  runs = [
    { evidence: sample, policy, attestations },
    { evidence: sample, policy: DEFAULT_POLICY, attestations: [] },
  ];
  for (const folder of ['E19', 'E16']) {
    const evidence = await loadEvidence([path.join(CORPUS_DIR, folder)], options);
    runs.push({ evidence, policy: DEFAULT_POLICY, attestations: [] });
  }
});

/** The policy keys `control` reads in every run. */
function keysRead(control: Control): Set<string> {
  const read = new Set<string>();
  for (const run of runs) {
    const report = buildVersionReport(run.evidence, { asOf: AS_OF, asOfSource: 'option' });
    runControls([control], {
      evidence: run.evidence,
      policy: recording(run.policy, '', read),
      attestations: run.attestations,
      asOf: AS_OF,
      versionRows: new Map(report.servers.map((row) => [row.key, row])),
    });
  }
  return read;
}

/** `value` behind a proxy that adds the path of every leaf read to `read`. */
function recording<T extends object>(value: T, prefix: string, read: Set<string>): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const result: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return result;
      const at = prefix === '' ? key : `${prefix}.${key}`;
      if (isSection(result) && !WHOLE.has(at)) return recording(result, at, read);
      read.add(at);
      return result;
    },
  });
}

function isSection(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function covered(key: string, declared: readonly string[]): boolean {
  return declared.some((entry) => key === entry || key.startsWith(`${entry}.`));
}

describe('policy keys the rules read', () => {
  it('are declared by every control (an empty list when it reads none)', () => {
    const undeclared = CONTROLS.filter((control) => control.policyKeys === undefined);
    assert.deepEqual(
      undeclared.map((control) => control.id),
      [],
    );
  });

  it('are among the keys each control declares', () => {
    const misses: string[] = [];
    for (const control of CONTROLS) {
      const declared = control.policyKeys ?? [];
      for (const key of keysRead(control)) {
        if (!covered(key, declared)) misses.push(`${control.id} reads ${key}`);
      }
    }
    assert.deepEqual(misses, []);
  });

  it('records reads through sections and of whole named maps (the recorder itself)', () => {
    const read = new Set<string>();
    const policy = recording(DEFAULT_POLICY, '', read);
    void policy.data.minimumTls;
    void policy.admin.hours.timeZone;
    void Object.keys(policy.networks);
    void policy.network.zones.admin.length;
    assert.deepEqual([...read].sort(), [
      'admin.hours.timeZone',
      'data.minimumTls',
      'network.zones.admin',
      'networks',
    ]);
  });
});
