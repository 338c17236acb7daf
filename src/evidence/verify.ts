/**
 * `exzt evidence verify`: does a bundle hold exactly what its manifest lists, byte for byte, and
 * who signed the manifest. Kept apart from loading, which tolerates what verification must
 * name: an auditor wants every missing, extra and modified file, not the first.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { ExztError } from '../errors.js';
import { MANIFEST_FILE, parseManifest, type Manifest } from './manifest.js';
import {
  SIGNATURE_FILE,
  SIGNER_CERTIFICATE_FILE,
  checkManifestSignature,
  type SignatureCheck,
} from './signature.js';
import { compareText, readFolderTree, type SourceTree, type TreeMember } from './source-tree.js';
import { readZipTree } from './zip-tree.js';

export interface ModifiedFile {
  path: string;
  expectedSha256: string;
  actualSha256: string;
}

export interface BundleVerification {
  bundle: string;
  manifestSha256: string;
  tool?: string;
  toolVersion?: string;
  collectedAt?: string;
  organization?: string;
  /** Files the manifest lists. */
  listed: number;
  missing: string[];
  extra: string[];
  modified: ModifiedFile[];
  signature: SignatureCheck;
  /** The thumbprint --signer asked for, and whether the signer is that one. */
  pinnedSigner?: { thumbprint: string; matches: boolean };
  verified: boolean;
  /** One line per failed check, in the order the report gives them. */
  problems: string[];
}

/** Reads the bundle (folder or .zip) and checks every file and the signature. */
export async function verifyBundle(
  bundlePath: string,
  pinnedThumbprint?: string,
): Promise<BundleVerification> {
  const tree = await readBundleTree(bundlePath);
  const root = bundleRoot(tree);
  const members = new Map(
    tree.members
      .filter((member) => member.path.startsWith(root))
      .map((member) => [member.path.slice(root.length), member] as const),
  );

  const manifestBytes = await readMember(members, MANIFEST_FILE);
  if (manifestBytes === undefined) throw noManifest(bundlePath);
  const manifest = parseManifest(manifestBytes, `${bundlePath}/${root}${MANIFEST_FILE}`);
  const verification = await compareFiles(bundlePath, manifest, members);
  verification.manifestSha256 = sha256Hex(manifestBytes);

  verification.signature = checkManifestSignature({
    manifest: manifestBytes,
    signature: await readMember(members, SIGNATURE_FILE),
    certificate: await readMember(members, SIGNER_CERTIFICATE_FILE),
    ...(manifest.collectedAt === undefined ? {} : { collectedAt: manifest.collectedAt }),
  });
  if (pinnedThumbprint !== undefined)
    verification.pinnedSigner = pin(verification.signature, pinnedThumbprint);
  verification.problems = problemsOf(verification);
  verification.verified = verification.problems.length === 0;
  return verification;
}

async function readBundleTree(bundlePath: string): Promise<SourceTree> {
  const info = await stat(bundlePath).catch((error: unknown) => {
    throw new ExztError('INPUT', `${bundlePath}: no such file or folder`, { cause: error });
  });
  if (info.isDirectory()) return readFolderTree(bundlePath, bundlePath);
  if (bundlePath.toLowerCase().endsWith('.zip')) return readZipTree(bundlePath, bundlePath);
  throw new ExztError('INPUT', `${bundlePath}: expected an evidence bundle folder or .zip`);
}

/** As the loader: the bundle is at the top, or inside the one top folder of a .zip. */
function bundleRoot(tree: SourceTree): string {
  const paths = tree.members.map((member) => member.path);
  if (paths.includes(MANIFEST_FILE)) return '';

  const tops = [...new Set(paths.map((p) => `${p.split('/')[0]}/`))];
  const only = tops[0];
  if (tops.length === 1 && only !== undefined && paths.includes(`${only}${MANIFEST_FILE}`))
    return only;
  throw noManifest(tree.label);
}

function noManifest(label: string): ExztError {
  return new ExztError(
    'INPUT',
    `${label} has no ${MANIFEST_FILE} at its top (or in its one top folder): is it an evidence bundle written by the collector?`,
  );
}

async function compareFiles(
  bundle: string,
  manifest: Manifest,
  members: ReadonlyMap<string, TreeMember>,
): Promise<BundleVerification> {
  const byLowerPath = new Map([...members].map(([path, member]) => [path.toLowerCase(), member]));
  const listed = new Set<string>();
  const verification = emptyVerification(bundle, manifest);
  for (const entry of manifest.files) {
    const key = entry.path.toLowerCase();
    listed.add(key);
    const member = byLowerPath.get(key);
    if (member === undefined) {
      verification.missing.push(entry.path);
      continue;
    }

    const actual = await hashMember(member);
    if (actual !== entry.sha256)
      verification.modified.push({
        path: entry.path,
        expectedSha256: entry.sha256,
        actualSha256: actual,
      });
  }

  const own = new Set([MANIFEST_FILE, SIGNATURE_FILE, SIGNER_CERTIFICATE_FILE]);
  verification.extra = [...members.keys()].filter(
    (path) => !own.has(path) && !listed.has(path.toLowerCase()),
  );
  for (const list of [verification.missing, verification.extra]) list.sort(compareText);
  verification.modified.sort((a, b) => compareText(a.path, b.path));
  return verification;
}

function emptyVerification(bundle: string, manifest: Manifest): BundleVerification {
  const { tool, toolVersion, collectedAt, organization } = manifest;
  return {
    bundle,
    manifestSha256: '',
    ...(tool === undefined ? {} : { tool }),
    ...(toolVersion === undefined ? {} : { toolVersion }),
    ...(collectedAt === undefined ? {} : { collectedAt }),
    ...(organization === undefined ? {} : { organization }),
    listed: manifest.files.length,
    missing: [],
    extra: [],
    modified: [],
    signature: { status: 'unsigned' },
    verified: false,
    problems: [],
  };
}

function pin(
  signature: SignatureCheck,
  thumbprint: string,
): { thumbprint: string; matches: boolean } {
  const actual = signature.status === 'unsigned' ? undefined : signature.signer?.thumbprint;
  return { thumbprint, matches: actual === thumbprint };
}

function problemsOf(verification: BundleVerification): string[] {
  const problems = [
    ...verification.missing.map((path) => `${path}: listed in ${MANIFEST_FILE} but missing`),
    ...verification.extra.map(
      (path) => `${path}: in the bundle but not listed in ${MANIFEST_FILE}`,
    ),
    ...verification.modified.map(
      (file) =>
        `${file.path}: modified (SHA-256 ${file.actualSha256}, the manifest says ${file.expectedSha256})`,
    ),
  ];
  const { signature, pinnedSigner } = verification;
  if (signature.status === 'invalid') problems.push(`signature: ${signature.reason}`);
  if (pinnedSigner !== undefined && !pinnedSigner.matches) {
    const actual =
      signature.status === 'unsigned'
        ? 'the bundle is not signed'
        : `it was signed by ${signature.signer?.thumbprint ?? 'an unreadable certificate'}`;
    problems.push(`signer: expected ${pinnedSigner.thumbprint}, but ${actual}`);
  }
  return problems;
}

async function readMember(
  members: ReadonlyMap<string, TreeMember>,
  path: string,
): Promise<Buffer | undefined> {
  return members.get(path)?.read();
}

async function hashMember(member: TreeMember): Promise<string> {
  if (member.open === undefined) return sha256Hex(await member.read());

  const hash = createHash('sha256');
  for await (const chunk of member.open()) hash.update(chunk);
  return hash.digest('hex');
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
