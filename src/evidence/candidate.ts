/**
 * A file on its way into the evidence set: its SHA-256, what kind and subject it was taken for,
 * the provenance details its source knows (command, collected-at), and its bytes, held or read
 * again when imported. A bundle's files are hashed once, on the stream that imports them
 * (`pendingCandidate`): reading 3 GB twice, once to check the manifest and once to import, cost
 * the benchmark bundle seconds of SHA-256 and I/O for nothing.
 */
import { createHash, type Hash } from 'node:crypto';
import { ExztError } from '../errors.js';
import type { EvidenceFile, FileStatus, RawEvidence } from './evidence-set.js';
import type { EvidenceKind } from './kinds.js';
import { MANIFEST_FILE } from './manifest.js';
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
  /** Not read yet: `file.sha256` and `file.size` are set by the first full read. */
  hashPending?: boolean;
  /** The file's entry in its bundle's manifest, checked when the file has been read. */
  listed?: { path: string; sha256: string };
}

/** A member not read yet; its SHA-256 is taken by the read that imports it (or `ensureHashed`). */
export function pendingCandidate(
  source: string,
  member: TreeMember,
  memberPath: string,
  status: FileStatus,
): Candidate {
  const file: EvidenceFile = { source, member: memberPath, sha256: '', size: 0, status };
  return { file, member, hashPending: true };
}

/** Reads a pending candidate through once, to learn its SHA-256 without importing it. */
export async function ensureHashed(candidate: Candidate): Promise<void> {
  if (candidate.hashPending !== true) return;
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of memberChunks(candidate.member)) {
    hash.update(chunk);
    size += chunk.length;
  }
  settleHash(candidate, hash, size);
}

function settleHash(candidate: Candidate, hash: Hash, size: number): void {
  candidate.file.sha256 = hash.digest('hex');
  candidate.file.size = size;
  delete candidate.hashPending;
}

async function* memberChunks(member: TreeMember): AsyncGenerator<Uint8Array> {
  if (member.open === undefined) yield await member.read();
  else yield* member.open();
}

/** The note a read file gets when it is not the one its manifest lists, or undefined. */
export function modifiedCaution(candidate: Candidate): string | undefined {
  const { listed } = candidate;
  if (listed === undefined || candidate.hashPending === true) return undefined;
  if (listed.sha256 === candidate.file.sha256) return undefined;
  return `${listed.path} was modified after collection: its SHA-256 is ${candidate.file.sha256}, the manifest says ${listed.sha256}`;
}

/**
 * The error that refuses a bundle whose file is not the one its manifest lists, said as the
 * whole-bundle check says it, as soon as that file has been read.
 */
export function modifiedError(candidate: Candidate): ExztError {
  const path = candidate.listed?.path ?? candidate.file.member;
  return new ExztError(
    'INTEGRITY',
    `${candidate.file.source}: ${path} does not match its SHA-256 in ${MANIFEST_FILE} ` +
      '(modified after collection); use --allow-modified to read it anyway',
  );
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
    const candidate = pendingCandidate(source, member, memberPath, status);
    await ensureHashed(candidate);
    return candidate;
  }

  // Held: a file the loader looks inside before importing it (a Get-ExchangeServer export names
  // its server), a loose applicationHost.config, or a member with no stream to give.
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

/** The bytes of a candidate read whole (a Get-ExchangeServer export, a loose config file). */
export function heldBytes(candidate: Candidate): Buffer {
  if (candidate.bytes === undefined)
    throw new ExztError('INTERNAL', `${candidate.file.member} was not read whole`);
  return candidate.bytes;
}

/**
 * The bytes: held, read for the first time (and hashed), or read again and checked against the
 * SHA-256 taken when the file was first read.
 */
export async function candidateBytes(candidate: Candidate): Promise<Buffer> {
  if (candidate.bytes !== undefined) return candidate.bytes;
  const bytes = await candidate.member.read();
  const hash = createHash('sha256').update(bytes);
  if (candidate.hashPending === true) settleHash(candidate, hash, bytes.length);
  else checkUnchanged(candidate, hash);
  return bytes;
}

/**
 * Streams the bytes, hashing them on the way. A pending candidate learns its SHA-256 at the
 * last chunk; one hashed before throws there when the bytes are not the ones first read, so a
 * file changed while exzt read it is never imported unnoticed.
 */
export async function* candidateChunks(candidate: Candidate): AsyncGenerator<Uint8Array> {
  if (candidate.bytes !== undefined || candidate.member.open === undefined) {
    yield await candidateBytes(candidate);
    return;
  }
  const pending = candidate.hashPending === true;
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of candidate.member.open()) {
    hash.update(chunk);
    size += chunk.length;
    yield chunk;
  }
  if (pending) settleHash(candidate, hash, size);
  else checkUnchanged(candidate, hash);
}

/** Takes a SHA-256 and size learnt elsewhere (a worker thread's read) as the candidate's. */
export function acceptHash(candidate: Candidate, sha256: string, size: number): void {
  if (candidate.hashPending === true) {
    candidate.file.sha256 = sha256;
    candidate.file.size = size;
    delete candidate.hashPending;
  } else checkSha256(candidate, sha256);
}

function checkUnchanged(candidate: Candidate, hash: Hash): void {
  checkSha256(candidate, hash.digest('hex'));
}

function checkSha256(candidate: Candidate, sha256: string): void {
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
