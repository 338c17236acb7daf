/**
 * loadEvidence: reads bundles (folder or .zip), HealthChecker-layout folders and loose CliXml
 * files into one EvidenceSet (docs/evidence-bundle.md). Nothing is logged here; warnings are
 * returned in the set. A bundle's files are streamed one at a time and hashed by the read that
 * imports them; its manifest check runs when all are read (and first, when an import fails).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ExztError } from '../errors.js';
import { assembleSubjects } from './assemble.js';
import { readBundle } from './bundle-source.js';
import type { EvidenceSet } from './evidence-set.js';
import { isHealthCheckerLayout, resolveUseRules, type UseRule } from './healthchecker-layout.js';
import { readHealthCheckerFolder } from './healthchecker-source.js';
import { readLooseFiles } from './loose-source.js';
import { MANIFEST_FILE } from './manifest.js';
import { mergeResults, type LoadOptions, type SourceResult } from './source-result.js';
import { compareText, readFolderTree, type SourceTree } from './source-tree.js';
import { serverNameWarnings } from './server-names.js';
import { readUnrecognisedMembers } from './unrecognised.js';
import { readZipTree } from './zip-tree.js';

export type { LoadOptions } from './source-result.js';

/** `paths` as the user gave them; `cwd` resolves relative ones. */
export async function loadEvidence(
  paths: string[],
  options: LoadOptions,
  cwd = '.',
): Promise<EvidenceSet> {
  if (paths.length === 0)
    throw new ExztError(
      'USAGE',
      'no evidence given: name a bundle, a .zip, a HealthChecker folder or CliXml files',
    );
  const rules = resolveUseRules(options.use);

  const results: SourceResult[] = [];
  const loose: { label: string; absolute: string }[] = [];
  const trees: SourceTree[] = [];
  try {
    for (const label of paths) {
      const absolute = path.resolve(cwd, label);
      const kind = await inputKind(label, absolute);
      if (kind === 'file') loose.push({ label, absolute });
      else {
        const tree =
          kind === 'zip'
            ? await readZipTree(label, absolute)
            : await readFolderTree(label, absolute);
        trees.push(tree);
        results.push(await readTree(tree, rules, options));
      }
    }
    if (loose.length > 0)
      results.push(
        await readLooseFiles(
          loose.map((l) => l.label),
          loose.map((l) => l.absolute),
        ),
      );

    checkUseApplied(rules, results);
    return await assembleSet(mergeResults(results), options);
  } finally {
    // A zip's entries are read until the set is assembled; then its file handle goes.
    for (const tree of trees) tree.close?.();
  }
}

async function inputKind(label: string, absolute: string): Promise<'folder' | 'zip' | 'file'> {
  const info = await stat(absolute).catch((error: unknown) => {
    throw new ExztError('INPUT', `${label}: no such file or folder`, { cause: error });
  });
  if (info.isDirectory()) return 'folder';
  return absolute.toLowerCase().endsWith('.zip') ? 'zip' : 'file';
}

/** A bundle (manifest.json at the top, or in the only top folder), a server folder, or a parent of server folders. */
async function readTree(
  tree: SourceTree,
  rules: readonly UseRule[],
  options: LoadOptions,
): Promise<SourceResult> {
  const paths = tree.members.map((member) => member.path);
  const bundleRoot = findBundleRoot(paths);
  if (bundleRoot !== undefined)
    return readBundle(tree, bundleRoot, options, { hashWhileImporting: true });
  if (isHealthCheckerLayout(paths)) return readHealthCheckerFolder(tree, '', rules);

  const serverFolders = topFolders(paths).filter((folder) =>
    isHealthCheckerLayout(
      paths.filter((p) => p.startsWith(folder)).map((p) => p.slice(folder.length)),
    ),
  );
  if (serverFolders.length === 0) {
    throw new ExztError(
      'INPUT',
      `${tree.label} is neither an evidence bundle (no ${MANIFEST_FILE}) nor a HealthChecker-layout folder ` +
        '(no Exchange/, OS/ or Hardware/ subfolder, in it or in its subfolders)',
    );
  }

  const results: SourceResult[] = [];
  for (const folder of serverFolders)
    results.push(await readHealthCheckerFolder(tree, folder, rules));
  const rest = tree.members.filter(
    (member) => !serverFolders.some((folder) => member.path.startsWith(folder)),
  );
  results.push(await readUnrecognisedMembers(tree.label, rest));
  return mergeResults(results);
}

function findBundleRoot(paths: string[]): string | undefined {
  if (paths.includes(MANIFEST_FILE)) return '';
  const folders = topFolders(paths);
  const only = folders[0];
  if (folders.length === 1 && only !== undefined && paths.includes(`${only}${MANIFEST_FILE}`))
    return only;
  return undefined;
}

/** Top-level folders, with a trailing slash. */
function topFolders(paths: string[]): string[] {
  const folders = paths.filter((p) => p.includes('/')).map((p) => `${p.split('/')[0]}/`);
  return [...new Set(folders)].sort(compareText);
}

function checkUseApplied(rules: readonly UseRule[], results: SourceResult[]): void {
  const hasHealthChecker = results.some((result) =>
    result.sources.some((source) => source.type === 'healthchecker-folder'),
  );
  const [first] = rules;
  if (first !== undefined && !hasHealthChecker) {
    throw new ExztError(
      'USAGE',
      `--use ${first.given}: --use applies to HealthChecker-layout folders, and none was given`,
    );
  }
}

async function assembleSet(merged: SourceResult, options: LoadOptions): Promise<EvidenceSet> {
  const warnings = [...merged.warnings];
  const subjects = await assembleSubjects(merged.candidates, merged.failures, warnings, {
    refuseModified: !options.allowModified,
    parseUnreadKinds: options.parseUnreadKinds ?? true,
  }).catch(async (error: unknown) => {
    // A file found modified is refused at once, without reading the rest of the bundle.
    if (error instanceof ExztError && error.code === 'INTEGRITY') throw error;
    // A file that cannot be read may be one modified after collection: say that first.
    await settleIntegrity(merged, warnings);
    throw error;
  });
  await settleIntegrity(merged, warnings);
  warnings.push(...serverNameWarnings(subjects));
  const files = [
    ...merged.candidates.map((candidate) => candidate.file),
    ...(merged.missing ?? []),
  ].sort((a, b) => compareText(a.source, b.source) || compareText(a.member, b.member));
  const set: EvidenceSet = { sources: merged.sources, subjects, files, warnings };

  const times = merged.sources.flatMap((source) => source.manifest?.collectedAt ?? []);
  const latest = times.sort((a, b) => Date.parse(a) - Date.parse(b)).pop();
  if (latest !== undefined) set.collectedAt = latest;
  return set;
}

/** One source already in memory (a redacted bundle), read as loadEvidence reads a folder. */
export async function loadEvidenceTree(
  tree: SourceTree,
  options: LoadOptions,
): Promise<EvidenceSet> {
  return await assembleSet(await readTree(tree, [], options), options);
}

/** Bundles are checked against their manifests once every file has been read (and hashed). */
async function settleIntegrity(merged: SourceResult, warnings: string[]): Promise<void> {
  for (const settle of merged.settle ?? []) await settle(warnings);
}
