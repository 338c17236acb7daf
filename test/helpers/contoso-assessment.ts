/**
 * The sample organisation assessed as `npm start` does, with waivers and attestations, judged
 * as of a fixed date so every run gives the same Assessment. Report tests start from it.
 */
import path from 'node:path';
import { assess, type Assessment } from '../../src/engine/assess/assessment.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { loadAttestations } from '../../src/policy/attestations.js';
import { loadPolicy } from '../../src/policy/load.js';
import { loadWaivers } from '../../src/policy/waivers.js';
import { EXAMPLES_DIR } from './paths.js';

export const CONTOSO_DIR = path.join(EXAMPLES_DIR, 'contoso');
export const CONTOSO_AS_OF = '2026-11-30T12:00:00.000Z';

export async function contosoAssessment(): Promise<Assessment> {
  const bundle = path.join(CONTOSO_DIR, 'bundle');
  const evidence = await loadEvidence([bundle], { use: new Map(), allowModified: false });
  const { policy, hash } = await loadPolicy(path.join(CONTOSO_DIR, 'policy.yaml'));
  return assess({
    evidence,
    policy,
    policySource: { file: 'examples/contoso/policy.yaml', hash },
    waivers: await loadWaivers(path.join(CONTOSO_DIR, 'waivers.yaml')),
    attestations: await loadAttestations(path.join(CONTOSO_DIR, 'attestations.yaml')),
    asOf: CONTOSO_AS_OF,
    asOfSource: 'option',
    exztVersion: 'test',
  });
}
