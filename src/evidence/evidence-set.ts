/**
 * What loading evidence yields: the sources read, every file seen with what became of it, and per
 * subject (a server or the organisation) one entry per kind with its fact.
 */
import type { CliDocument } from './clixml/model.js';
import type { KindValueMap, TypedKindId } from './kinds.js';
import type { Fact, FactStatus, SubjectRef } from './model.js';

export type SourceType = 'bundle-folder' | 'bundle-zip' | 'healthchecker-folder' | 'loose-file';

/** verified: every listed file matched; modified: it did not and --allow-modified let it pass. */
export type IntegrityVerdict = 'verified' | 'modified' | 'no-manifest';

export interface IntegrityResult {
  verdict: IntegrityVerdict;
  /** Files listed in the manifest. */
  checked: number;
  mismatched: string[];
  missing: string[];
  /** Files in the bundle that the manifest does not list. */
  unlisted: string[];
}

export interface ManifestSummary {
  /** SHA-256 of manifest.json itself, to confirm out of band that it is the one collected. */
  sha256: string;
  tool?: string;
  toolVersion?: string;
  collectedAt?: string;
  organization?: string;
  files: number;
  failures: number;
}

export interface EvidenceSource {
  /** The path as the user named it. */
  path: string;
  type: SourceType;
  /** Folder inside the path this source starts at (a server folder of a parent, a zip's top folder). */
  root: string;
  manifest?: ManifestSummary;
  integrity: IntegrityResult;
}

export type FileStatus =
  | 'imported'
  /** A numbered or suffixed HealthChecker alternate (ExSetup1.xml); never merged. */
  | 'not-imported-alternate'
  /** A canonical file that `--use` swapped an alternate in for. */
  | 'not-imported-replaced'
  | 'unrecognised'
  /** One of two or more different files of the same kind for one subject. */
  | 'conflict'
  /** Listed in the manifest but absent (only with --allow-modified). */
  | 'missing';

export interface EvidenceFile {
  /** The source's path as the user named it. */
  source: string;
  /** Path inside the source, forward slashes. */
  member: string;
  sha256: string;
  size: number;
  status: FileStatus;
  kind?: string;
  /** Subject key (`server:ex01`, `organization`). */
  subject?: string;
  /** For alternates: the canonical path they are an alternate of. */
  alternateOf?: string;
  note?: string;
}

/** A kind's content when no typed importer reads it yet: the parsed document or the text. */
export type RawEvidence =
  | { format: 'clixml'; document: CliDocument }
  | { format: 'xml-config' | 'csv' | 'text'; text: string };

export interface KindEvidence {
  kind: string;
  status: FactStatus;
  files: EvidenceFile[];
  /**
   * The typed value for kinds with an importer; otherwise what is known of the file without
   * holding it (`UnreadContent`: format, size, object count), or, for a loose file or one read
   * early, the raw evidence.
   */
  fact: Fact<unknown>;
  raw?: RawEvidence;
  note?: string;
}

export interface SubjectEvidence {
  subject: SubjectRef;
  /** Sorted by kind id. */
  kinds: KindEvidence[];
}

export interface EvidenceSet {
  sources: EvidenceSource[];
  /** Sorted by key: `organization` and `server:<name>`. */
  subjects: SubjectEvidence[];
  /** Every file seen, sorted by source and member. */
  files: EvidenceFile[];
  warnings: string[];
  /** The latest collected-at of the manifests, when there are any. */
  collectedAt?: string;
}

export const ORGANIZATION_KEY = 'organization';

export function serverSubject(name: string): SubjectRef {
  return { key: `server:${name.toLowerCase()}`, type: 'server', name };
}

export function organizationSubject(name = 'organization'): SubjectRef {
  return { key: ORGANIZATION_KEY, type: 'organization', name };
}

export function findSubject(set: EvidenceSet, key: string): SubjectEvidence | undefined {
  return set.subjects.find((subject) => subject.subject.key === key);
}

/** The typed fact of a kind for a subject; `not-collected` when there is none. */
export function factOf<K extends TypedKindId>(
  subject: SubjectEvidence | undefined,
  kind: K,
): Fact<KindValueMap[K]> {
  const evidence = subject?.kinds.find((entry) => entry.kind === kind);
  if (evidence === undefined) return { status: 'not-collected', provenance: [] };

  return evidence.fact as Fact<KindValueMap[K]>;
}

/** The raw evidence of a kind without a typed importer, or undefined when not collected. */
export function rawEvidenceOf(
  subject: SubjectEvidence | undefined,
  kind: string,
): RawEvidence | undefined {
  return subject?.kinds.find((entry) => entry.kind === kind)?.raw;
}
