/**
 * Reads an evidence bundle (folder or .zip): manifest.json, servers/<SERVER>/<kind>.xml and
 * organization/<kind>.xml, checking every file against the manifest's SHA-256. The loader asks
 * for the check to be deferred (`hashWhileImporting`): each file is then hashed by the one read
 * that imports it, and the check runs when every file has been read. Without --allow-modified
 * a bundle is refused sooner: a missing file before any is read, a modified one once it is.
 */
import { createHash } from 'node:crypto';
import { ExztError } from '../errors.js';
import {
  assign,
  ensureHashed,
  modifiedCaution,
  pendingCandidate,
  type Candidate,
} from './candidate.js';
import {
  organizationSubject,
  serverSubject,
  type EvidenceFile,
  type EvidenceSource,
  type IntegrityResult,
  type SourceType,
} from './evidence-set.js';
import { findKind, kindOfBundleFile, type EvidenceKind } from './kinds.js';
import { MANIFEST_FILE, parseManifest, type Manifest, type ManifestFile } from './manifest.js';
import type { SubjectRef } from './model.js';
import { SIGNATURE_FILE, SIGNER_CERTIFICATE_FILE } from './signature.js';
import type {
  CollectionFailure,
  IntegritySettlement,
  LoadOptions,
  SourceResult,
} from './source-result.js';
import type { SourceTree } from './source-tree.js';

export interface BundleReadMode {
  /**
   * Leave the files unread and the integrity check to `settle` in the result, which the caller
   * runs once every file has been imported (and so hashed). Without it every file is hashed now
   * and the integrity result is final when readBundle returns.
   */
  hashWhileImporting?: boolean;
}

export async function readBundle(
  tree: SourceTree,
  root: string,
  options: LoadOptions,
  mode: BundleReadMode = {},
): Promise<SourceResult> {
  const members = tree.members.filter((member) => member.path.startsWith(root));
  const manifestMember = members.find((member) => member.path === `${root}${MANIFEST_FILE}`);
  if (manifestMember === undefined) throw new ExztError('INTERNAL', `no manifest in ${tree.label}`);
  const manifestBytes = await manifestMember.read();
  const manifest = parseManifest(manifestBytes, `${tree.label}/${manifestMember.path}`);

  const warnings: string[] = [];
  const candidates: Candidate[] = [];
  const entries = firstByLowerPath(manifest.files, (entry) => entry.path);
  for (const member of members) {
    if (member === manifestMember || isSignatureMember(member.path.slice(root.length))) continue;
    // Not read here: each file is read once, when it is imported or settled, one at a time.
    const candidate = pendingCandidate(tree.label, member, member.path, 'unrecognised');
    const relative = member.path.slice(root.length);
    placeBundleMember(candidate, relative, manifest, entries);
    const listed = entries.get(relative.toLowerCase());
    if (listed !== undefined) candidate.listed = { path: listed.path, sha256: listed.sha256 };
    candidates.push(candidate);
  }

  const type: SourceType = tree.container === 'zip' ? 'bundle-zip' : 'bundle-folder';
  const source: EvidenceSource = {
    path: tree.label,
    type,
    root,
    manifest: summarise(manifest, createHash('sha256').update(manifestBytes).digest('hex')),
    integrity: {
      verdict: 'verified',
      checked: manifest.files.length,
      mismatched: [],
      missing: [],
      unlisted: [],
    },
  };
  const failures = manifest.failures.flatMap((failure) =>
    failureOf(tree.label, failure, manifest, warnings),
  );
  warnMismatchedKinds(candidates, manifest, root, warnings);
  // A file is checked once the read that imports it has hashed it: a modified one is refused
  // then (assemble.ts), a missing one before any file is read.
  if (mode.hashWhileImporting === true && !options.allowModified)
    refuseMissing(tree.label, root, manifest, candidates);
  const missing = missingFiles(tree.label, root, manifest, candidates);
  const settle: IntegritySettlement = async (settledWarnings) => {
    for (const candidate of candidates) await ensureHashed(candidate);
    source.integrity = checkIntegrity(
      tree.label,
      root,
      manifest,
      candidates,
      options,
      settledWarnings,
    );
  };
  if (mode.hashWhileImporting === true)
    return { sources: [source], candidates, failures, warnings, settle: [settle], missing };
  await settle(warnings);
  return { sources: [source], candidates, failures, warnings, missing };
}

function absentEntries(root: string, manifest: Manifest, candidates: Candidate[]): ManifestFile[] {
  const byMember = firstByLowerPath(candidates, (c) => c.file.member.slice(root.length));
  return manifest.files.filter((entry) => !byMember.has(entry.path.toLowerCase()));
}

/**
 * The files the manifest lists and the bundle lacks, for the file list (status `missing`, the
 * SHA-256 the manifest gives, the kind and subject their path says); the load refuses them
 * unless --allow-modified.
 */
function missingFiles(
  label: string,
  root: string,
  manifest: Manifest,
  candidates: Candidate[],
): EvidenceFile[] {
  return absentEntries(root, manifest, candidates).map((entry): EvidenceFile => {
    const placement = placementOf(entry.path, manifest);
    const placed =
      placement === undefined || 'misplaced' in placement
        ? {}
        : { kind: placement.kind.id, subject: placement.subject.key };
    return {
      source: label,
      member: `${root}${entry.path}`,
      sha256: entry.sha256,
      size: 0,
      status: 'missing',
      ...placed,
      note: `listed in ${MANIFEST_FILE} but absent from the bundle`,
    };
  });
}

/** Files the manifest lists and the bundle lacks, refused as the whole-bundle check would. */
function refuseMissing(
  label: string,
  root: string,
  manifest: Manifest,
  candidates: Candidate[],
): void {
  const missing = absentEntries(root, manifest, candidates);
  const [first] = missing;
  if (first === undefined) return;
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
  throw new ExztError(
    'INTEGRITY',
    `${label}: ${first.path} is listed in ${MANIFEST_FILE} but missing from the bundle${more}; ` +
      'use --allow-modified to read it anyway',
  );
}

/** manifest.sig and signer.cer vouch for the manifest; `exzt evidence verify` checks them. */
function isSignatureMember(relative: string): boolean {
  return relative === SIGNATURE_FILE || relative === SIGNER_CERTIFICATE_FILE;
}

const SERVER_MEMBER = /^servers\/([^/]+)\/([^/]+)$/i;
const ORGANIZATION_MEMBER = /^organization\/([^/]+)$/i;

type Placement = { kind: EvidenceKind; subject: SubjectRef } | { misplaced: string } | undefined;

/** The kind a member's name says and the subject its folder says (undefined: no kind). */
function placementOf(relative: string, manifest: Manifest): Placement {
  const server = SERVER_MEMBER.exec(relative);
  const organization = ORGANIZATION_MEMBER.exec(relative);
  const fileName = server?.[2] ?? organization?.[1];
  const kind = fileName === undefined ? undefined : kindOfBundleFile(fileName);
  if (kind === undefined) return undefined;

  const scope = server === null ? 'organization' : 'server';
  if (kind.scope !== scope) {
    return {
      misplaced: `${kind.id} is ${kind.scope}-wide evidence; it does not belong in ${scope === 'server' ? 'servers/<SERVER>/' : 'organization/'}`,
    };
  }
  // Filed under the folder's name; server-names.ts warns when the server's own export disagrees.
  const subject =
    server?.[1] === undefined
      ? organizationSubject(manifest.organization)
      : serverSubject(server[1]);
  return { kind, subject };
}

/** Takes the member for the kind its name says, under the subject its folder says. */
function placeBundleMember(
  candidate: Candidate,
  relative: string,
  manifest: Manifest,
  entries: ReadonlyMap<string, ManifestFile>,
): void {
  const placement = placementOf(relative, manifest);
  if (placement === undefined) return;
  if ('misplaced' in placement) {
    candidate.file.note = placement.misplaced;
    return;
  }

  const { kind, subject } = placement;
  assign(candidate, kind, subject);
  candidate.file.status = 'imported';
  const entry = entries.get(relative.toLowerCase());
  candidate.command = entry?.command ?? kind.command;
  const collectedAt = entry?.collectedAt ?? manifest.collectedAt;
  if (collectedAt !== undefined) candidate.collectedAt = collectedAt;
}

function checkIntegrity(
  label: string,
  root: string,
  manifest: Manifest,
  candidates: Candidate[],
  options: LoadOptions,
  warnings: string[],
): IntegrityResult {
  const byMember = firstByLowerPath(candidates, (c) => c.file.member.slice(root.length));
  const result: IntegrityResult = {
    verdict: 'verified',
    checked: manifest.files.length,
    mismatched: [],
    missing: [],
    unlisted: [],
  };
  for (const entry of manifest.files) {
    const candidate = byMember.get(entry.path.toLowerCase());
    if (candidate === undefined) result.missing.push(entry.path);
    else if (candidate.file.sha256 !== entry.sha256) {
      result.mismatched.push(entry.path);
      candidate.listed = { path: entry.path, sha256: entry.sha256 };
      candidate.caution = modifiedCaution(candidate);
    }
  }
  const listed = new Set(manifest.files.map((entry) => entry.path.toLowerCase()));
  result.unlisted = candidates
    .map((candidate) => candidate.file.member.slice(root.length))
    .filter((member) => !listed.has(member.toLowerCase()));
  for (const member of result.unlisted)
    warnings.push(
      `${label}: ${member} is not listed in ${MANIFEST_FILE}; its integrity cannot be checked`,
    );

  reportIntegrity(label, result, candidates, options, warnings);
  return result;
}

function reportIntegrity(
  label: string,
  result: IntegrityResult,
  candidates: Candidate[],
  options: LoadOptions,
  warnings: string[],
): void {
  const problems = [
    ...result.mismatched.map(
      (path) =>
        `${path} does not match its SHA-256 in ${MANIFEST_FILE} (modified after collection)`,
    ),
    ...result.missing.map(
      (path) => `${path} is listed in ${MANIFEST_FILE} but missing from the bundle`,
    ),
  ];
  if (problems.length === 0) return;
  if (!options.allowModified) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new ExztError(
      'INTEGRITY',
      `${label}: ${problems[0]}${more}; use --allow-modified to read it anyway`,
    );
  }

  result.verdict = 'modified';
  for (const problem of problems)
    warnings.push(`INTEGRITY (allowed by --allow-modified): ${label}: ${problem}`);
  for (const candidate of candidates) {
    if (candidate.caution !== undefined) candidate.file.note = candidate.caution;
  }
}

function failureOf(
  label: string,
  failure: Manifest['failures'][number],
  manifest: Manifest,
  warnings: string[],
): CollectionFailure[] {
  const kind = findKind(failure.kind);
  if (kind === undefined) {
    warnings.push(`${label}: ${MANIFEST_FILE} reports a failure of unknown kind '${failure.kind}'`);
    return [];
  }

  const subject: SubjectRef =
    kind.scope === 'organization' || failure.subject === undefined
      ? organizationSubject(manifest.organization)
      : serverSubject(failure.subject);
  const command = failure.command ?? kind.command;
  return [{ source: label, kind, subject, command, error: failure.error }];
}

function warnMismatchedKinds(
  candidates: Candidate[],
  manifest: Manifest,
  root: string,
  warnings: string[],
): void {
  // By lower-cased path: a bundle of 200 servers has thousands of files to pair.
  const byMember = firstByLowerPath(candidates, (c) => c.file.member.slice(root.length));
  for (const entry of manifest.files) {
    const candidate = byMember.get(entry.path.toLowerCase());
    if (
      entry.kind === undefined ||
      candidate?.kind === undefined ||
      candidate.kind.id === entry.kind
    )
      continue;
    warnings.push(
      `${MANIFEST_FILE} calls ${entry.path} '${entry.kind}', its name says '${candidate.kind.id}'; read as '${candidate.kind.id}'`,
    );
  }
}

function summarise(manifest: Manifest, sha256: string) {
  const { tool, toolVersion, collectedAt, organization } = manifest;
  return {
    sha256,
    ...(tool === undefined ? {} : { tool }),
    ...(toolVersion === undefined ? {} : { toolVersion }),
    ...(collectedAt === undefined ? {} : { collectedAt }),
    ...(organization === undefined ? {} : { organization }),
    files: manifest.files.length,
    failures: manifest.failures.length,
  };
}

/** Paths compare case-insensitively (they come from Windows); the first of equal paths wins. */
function firstByLowerPath<T>(items: readonly T[], pathOf: (item: T) => string): Map<string, T> {
  const byPath = new Map<string, T>();
  for (const item of items) {
    const key = pathOf(item).toLowerCase();
    if (!byPath.has(key)) byPath.set(key, item);
  }
  return byPath;
}
