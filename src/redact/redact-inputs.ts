/**
 * `--redact`: the one place assess and version-report redact what they read, before the engine
 * runs, so every report format (text, JSON and whatever writers are added) shows pseudonyms
 * only. The evidence is redacted into a bundle in memory and loaded back, exactly as a bundle
 * written by `exzt evidence redact` would be; the policy, waivers and attestations are
 * translated with the same key.
 */
import type { EvidenceSet } from '../evidence/evidence-set.js';
import { loadEvidenceTree } from '../evidence/load.js';
import type { SourceTree } from '../evidence/source-tree.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import type { Attestation, Policy, Waiver } from '../policy/model.js';
import { EvidenceFiles } from './evidence-files.js';
import type { RedactionKey } from './key.js';
import { redactAttestations, redactPolicy, redactWaivers } from './policy-redact.js';
import { redactEvidenceSet, type RedactedBundle } from './redact-bundle.js';

export const REDACTED_SOURCE_LABEL = 'redacted-evidence';

export interface RedactableInputs {
  evidence: EvidenceSet;
  policy: Policy;
  waivers: Waiver[];
  attestations: Attestation[];
  /** The policy file as the user named it: a path may hold a name too. */
  policySource: { file: string | null; hash: string | null };
}

// TODO(#5): warnings the loader printed to stderr before this step still name original files and
// servers; only the reports are redacted.
export async function redactInputs(
  inputs: RedactableInputs,
  key: RedactionKey,
  cwd: string,
): Promise<RedactableInputs> {
  const patterns = inputs.policy.identity.serviceAccountPatterns;
  const bundle = await redactEvidenceSet(inputs.evidence, new EvidenceFiles(cwd), key, patterns);
  const evidence = await loadEvidenceTree(treeOf(bundle), { use: new Map(), allowModified: false });
  const { redactor } = bundle;
  return {
    evidence,
    policy: redactPolicy(inputs.policy, redactor),
    waivers: redactWaivers(inputs.waivers, redactor),
    attestations: redactAttestations(inputs.attestations, redactor),
    policySource: {
      ...inputs.policySource,
      file: inputs.policySource.file === null ? null : redactor.redact(inputs.policySource.file),
    },
  };
}

/** The redacted bundle as a source the loader reads like a folder. */
export function treeOf(bundle: RedactedBundle): SourceTree {
  const members = [...bundle.files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, bytes]) => ({ path, read: () => Promise.resolve(bytes) }));
  return { label: REDACTED_SOURCE_LABEL, container: 'folder', members };
}

export const DEFAULT_USER_PATTERNS = DEFAULT_POLICY.identity.serviceAccountPatterns;
