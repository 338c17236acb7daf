/**
 * Fixed Assessments for the writer tests: the sample organisation (examples/contoso, with its
 * policy, waivers and attestations) and Microsoft's HealthChecker export E19, both judged as of
 * 2026-11-30 with exzt version "test". Absolute paths are made relative to the repository, so
 * the documents are the same on every machine; they are the volatile fields, blanked.
 */
import path from 'node:path';
import { assess, type Assessment } from '../../../src/engine/assess/assessment.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { loadAttestations } from '../../../src/policy/attestations.js';
import { loadPolicy } from '../../../src/policy/load.js';
import { loadWaivers } from '../../../src/policy/waivers.js';
import { CORPUS_DIR, EXAMPLES_DIR, REPO_ROOT } from '../../helpers/paths.js';

export const FIXED_AS_OF = '2026-11-30T00:00:00.000Z';

let contoso: Promise<Assessment> | undefined;
let e19: Promise<Assessment> | undefined;

/** The same object for every caller in a test file; clone it before changing it. */
export function contosoAssessment(): Promise<Assessment> {
  contoso ??= buildContoso();
  return contoso;
}

export function e19Assessment(): Promise<Assessment> {
  e19 ??= buildE19();
  return e19;
}

async function buildContoso(): Promise<Assessment> {
  const dir = path.join(EXAMPLES_DIR, 'contoso');
  const evidence = await loadEvidence([path.join(dir, 'bundle')], {
    use: new Map(),
    allowModified: false,
  });
  const { policy, hash } = await loadPolicy(path.join(dir, 'policy.yaml'));
  return relativeToRepository(
    assess({
      evidence,
      policy,
      policySource: { file: path.join(dir, 'policy.yaml'), hash },
      waivers: await loadWaivers(path.join(dir, 'waivers.yaml')),
      attestations: await loadAttestations(path.join(dir, 'attestations.yaml')),
      asOf: FIXED_AS_OF,
      asOfSource: 'option',
      exztVersion: 'test',
    }),
  );
}

async function buildE19(): Promise<Assessment> {
  const evidence = await loadEvidence([path.join(CORPUS_DIR, 'E19')], {
    use: new Map(),
    allowModified: false,
  });
  return relativeToRepository(
    assess({
      evidence,
      policy: DEFAULT_POLICY,
      policySource: { file: null, hash: null },
      waivers: [],
      attestations: [],
      asOf: FIXED_AS_OF,
      asOfSource: 'option',
      exztVersion: 'test',
    }),
  );
}

/** Replaces the repository's absolute path (and the corpus's) by a fixed marker. */
function relativeToRepository(assessment: Assessment): Assessment {
  const text = JSON.stringify(assessment)
    .split(JSON.stringify(CORPUS_DIR).slice(1, -1))
    .join('<corpus>')
    .split(JSON.stringify(`${REPO_ROOT}${path.sep}`).slice(1, -1))
    .join('');
  return JSON.parse(text) as Assessment;
}

/** A deep copy to change in one test without touching the others. */
export function cloned(assessment: Assessment): Assessment {
  return structuredClone(assessment);
}

/**
 * The sample organisation grown to a large estate: every server result and version row repeated
 * `copies` times under new server names (EX01-7, …), for tests of bounded output.
 */
export function widened(assessment: Assessment, copies: number): Assessment {
  const wide = cloned(assessment);
  const servers = wide.results.filter((result) => result.subject.type === 'server');
  const rows = wide.versionReport.servers;
  for (let copy = 1; copy < copies; copy += 1) {
    for (const result of servers) {
      const name = `${result.subject.name}-${copy}`;
      wide.results.push({
        ...result,
        subject: { ...result.subject, key: `server:${name.toLowerCase()}`, name },
      });
    }
    for (const row of rows.slice(0, assessment.versionReport.servers.length)) {
      const name = `${row.name}-${copy}`;
      wide.versionReport.servers.push({ ...row, key: `server:${name.toLowerCase()}`, name });
    }
  }
  return wide;
}
