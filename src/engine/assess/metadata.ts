/**
 * What an assessment was made from (DESIGN.md "Controls and outcomes"), so a reader or a later
 * diff can tell whether two assessments are comparable.
 */
import { CATALOGUE_VERSION } from '../../controls/catalogue.js';
import type { EvidenceSet } from '../../evidence/evidence-set.js';
import { KB_AS_OF } from '../../knowledge/index.js';

export interface AssessmentMetadata {
  exztVersion: string;
  kbAsOf: string;
  catalogueVersion: string;
  /** SHA-256 of the policy file's bytes, or null when the built-in default policy was used. */
  policyHash: string | null;
  policyFile: string | null;
  manifests: Array<{ source: string; sha256: string; collectedAt: string | null }>;
  collectedAt: string | null;
  asOf: string;
  asOfSource: 'option' | 'collected-at' | 'clock';
}

export interface MetadataInputs {
  exztVersion: string;
  evidence: EvidenceSet;
  policy: { file: string | null; hash: string | null };
  asOf: string;
  asOfSource: AssessmentMetadata['asOfSource'];
}

export function assessmentMetadata(inputs: MetadataInputs): AssessmentMetadata {
  const manifests = inputs.evidence.sources.flatMap((source) =>
    source.manifest === undefined
      ? []
      : [
          {
            source: source.path,
            sha256: source.manifest.sha256,
            collectedAt: source.manifest.collectedAt ?? null,
          },
        ],
  );
  return {
    exztVersion: inputs.exztVersion,
    kbAsOf: KB_AS_OF,
    catalogueVersion: CATALOGUE_VERSION,
    policyHash: inputs.policy.hash,
    policyFile: inputs.policy.file,
    manifests,
    collectedAt: inputs.evidence.collectedAt ?? null,
    asOf: inputs.asOf,
    asOfSource: inputs.asOfSource,
  };
}
