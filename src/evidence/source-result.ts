/** What reading one input yields, before the loader merges inputs into subjects. */
import type { Candidate } from './candidate.js';
import type { EvidenceFile, EvidenceSource } from './evidence-set.js';
import type { EvidenceKind } from './kinds.js';
import type { SubjectRef } from './model.js';

/** A command the collector ran that failed (manifest.json `failures`). */
export interface CollectionFailure {
  source: string;
  kind: EvidenceKind;
  subject: SubjectRef;
  command?: string;
  error: string;
}

/**
 * A source's integrity check, run by the loader once every file has been imported (and so
 * hashed); it adds its warnings to `warnings` and throws when the evidence may not be used.
 */
export type IntegritySettlement = (warnings: string[]) => Promise<void>;

export interface SourceResult {
  sources: EvidenceSource[];
  candidates: Candidate[];
  failures: CollectionFailure[];
  warnings: string[];
  /** Checks deferred until the files are read (bundles read with `hashWhileImporting`). */
  settle?: IntegritySettlement[];
  /** Files a manifest lists that the bundle lacks (status `missing`); read only if allowed. */
  missing?: EvidenceFile[];
}

export interface LoadOptions {
  /** `--use CANONICAL=ALTERNATE` pairs for HealthChecker-layout folders. */
  use: Map<string, string>;
  /** Turn manifest integrity errors into warnings. */
  allowModified: boolean;
  /**
   * False: files of kinds no importer reads are hashed but not parsed (their fact holds format
   * and size, no object count). `assess` and `version-report` pass it, since no control or
   * report reads those kinds; `evidence inspect` keeps the default, true, and checks them.
   */
  parseUnreadKinds?: boolean;
}

export function mergeResults(results: SourceResult[]): SourceResult {
  return {
    sources: results.flatMap((result) => result.sources),
    candidates: results.flatMap((result) => result.candidates),
    failures: results.flatMap((result) => result.failures),
    warnings: results.flatMap((result) => result.warnings),
    settle: results.flatMap((result) => result.settle ?? []),
    missing: results.flatMap((result) => result.missing ?? []),
  };
}
