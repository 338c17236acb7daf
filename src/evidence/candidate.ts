/**
 * A file on its way into the evidence set: its bytes, what kind and subject it was taken for,
 * and the provenance details its source knows (command, collected-at).
 */
import { createHash } from 'node:crypto';
import type { EvidenceFile, FileStatus, RawEvidence } from './evidence-set.js';
import type { EvidenceKind } from './kinds.js';
import type { SubjectRef } from './model.js';
import type { TreeMember } from './source-tree.js';

export interface Candidate {
  file: EvidenceFile;
  bytes: Buffer;
  kind?: EvidenceKind;
  subject?: SubjectRef;
  command?: string;
  collectedAt?: string;
  /** Why the fact should be read with care (modified since collection). */
  caution?: string;
  /** Parsed once, when the loader needed it early (a server's name). */
  raw?: RawEvidence;
}

export async function readCandidate(
  source: string,
  member: TreeMember,
  memberPath: string,
  status: FileStatus,
): Promise<Candidate> {
  // TODO(#2): files are read whole (the SHA-256 needs every byte anyway); a bundle is bounded by
  // the zip limits, but a huge loose file or folder member is not.
  const bytes = await member.read();
  const file: EvidenceFile = {
    source,
    member: memberPath,
    sha256: sha256Of(bytes),
    size: bytes.length,
    status,
  };
  return { file, bytes };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Marks a candidate as taken for a kind and subject. */
export function assign(candidate: Candidate, kind: EvidenceKind, subject: SubjectRef): void {
  candidate.kind = kind;
  candidate.subject = subject;
  candidate.file.kind = kind.id;
  candidate.file.subject = subject.key;
}
