/**
 * A file on its way into the evidence set: its SHA-256, what kind and subject it was taken for,
 * the provenance details its source knows (command, collected-at), and its bytes, held or read
 * again when imported.
 */
import { createHash, type Hash } from 'node:crypto';
import { ExztError } from '../errors.js';
import type { EvidenceFile, FileStatus, RawEvidence } from './evidence-set.js';
import type { EvidenceKind } from './kinds.js';
import type { SubjectRef } from './model.js';
import type { TreeMember } from './source-tree.js';

export interface Candidate {
  file: EvidenceFile;
  /** Held when the source gives no stream (a zip member) or the reader looks inside early. */
  bytes?: Buffer;
  /** Where the bytes are read again from when they are not held. */
  member: TreeMember;
  kind?: EvidenceKind;
  subject?: SubjectRef;
  command?: string;
  collectedAt?: string;
  /** Why the fact should be read with care (modified since collection). */
  caution?: string;
  /** Parsed once, when the loader needed it early (a server's name). */
  raw?: RawEvidence;
}

/**
 * Reads a member and takes its SHA-256. `hold: false` streams a member that can be streamed and
 * keeps only the hash, so a bundle of gigabytes is not held while its manifest is checked.
 */
export async function readCandidate(
  source: string,
  member: TreeMember,
  memberPath: string,
  status: FileStatus,
  hold = true,
): Promise<Candidate> {
  if (!hold && member.open !== undefined) {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of member.open()) {
      hash.update(chunk);
      size += chunk.length;
    }
    const file: EvidenceFile = {
      source,
      member: memberPath,
      sha256: hash.digest('hex'),
      size,
      status,
    };
    return { file, member };
  }

  // TODO(#2): zip members are read whole (no stream to hash them by); a bundle is bounded by the
  // zip limits, but a huge loose file is not.
  const bytes = await member.read();
  const file: EvidenceFile = {
    source,
    member: memberPath,
    sha256: sha256Of(bytes),
    size: bytes.length,
    status,
  };
  return { file, bytes, member };
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes of a candidate read whole (loose files, HealthChecker folders). */
export function heldBytes(candidate: Candidate): Buffer {
  if (candidate.bytes === undefined)
    throw new ExztError('INTERNAL', `${candidate.file.member} was not read whole`);
  return candidate.bytes;
}

// TODO(#3): a bundle file is read and hashed twice (manifest check, then import): 1.6 s of the
// 3 GB benchmark bundle's ~47 s. Checking each file against the manifest as it is imported would
// read it once.
/** The bytes again, checked against the SHA-256 taken when the file was first read. */
export async function candidateBytes(candidate: Candidate): Promise<Buffer> {
  if (candidate.bytes !== undefined) return candidate.bytes;
  const bytes = await candidate.member.read();
  checkUnchanged(candidate, createHash('sha256').update(bytes));
  return bytes;
}

/**
 * Streams the bytes again, hashing them on the way; the last step throws when they are not the
 * bytes first read, so a file changed while exzt read it is never imported unnoticed.
 */
export async function* candidateChunks(candidate: Candidate): AsyncGenerator<Uint8Array> {
  if (candidate.bytes !== undefined || candidate.member.open === undefined) {
    yield await candidateBytes(candidate);
    return;
  }
  const hash = createHash('sha256');
  for await (const chunk of candidate.member.open()) {
    hash.update(chunk);
    yield chunk;
  }
  checkUnchanged(candidate, hash);
}

function checkUnchanged(candidate: Candidate, hash: Hash): void {
  const sha256 = hash.digest('hex');
  if (sha256 === candidate.file.sha256) return;
  throw new ExztError(
    'INPUT',
    `${candidate.file.source}/${candidate.file.member} changed while it was read: its SHA-256 ` +
      `was ${candidate.file.sha256}, now ${sha256}; read the evidence when nothing writes to it`,
  );
}

/** Marks a candidate as taken for a kind and subject. */
export function assign(candidate: Candidate, kind: EvidenceKind, subject: SubjectRef): void {
  candidate.kind = kind;
  candidate.subject = subject;
  candidate.file.kind = kind.id;
  candidate.file.subject = subject.key;
}
