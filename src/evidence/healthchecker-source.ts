/**
 * Reads one HealthChecker-layout server folder: canonical files are imported, alternates listed,
 * `--use` swaps an alternate in, and the server is named by its Get-ExchangeServer export.
 */
import path from 'node:path';
import { ExztError } from '../errors.js';
import { assign, heldBytes, readCandidate, type Candidate } from './candidate.js';
import { organizationSubject, serverSubject, type EvidenceSource } from './evidence-set.js';
import { classifyMember, type UseRule } from './healthchecker-layout.js';
import { importExchangeServer } from './importers/exchange-server.js';
import type { SourceResult } from './source-result.js';
import type { SourceTree } from './source-tree.js';
import { parseRawEvidence } from './raw-content.js';

export async function readHealthCheckerFolder(
  tree: SourceTree,
  root: string,
  rules: readonly UseRule[],
): Promise<SourceResult> {
  const candidates: Candidate[] = [];
  for (const member of tree.members.filter((m) => m.path.startsWith(root))) {
    candidates.push(await classifiedCandidate(tree.label, member, root));
  }
  for (const rule of rules) applyUseRule(rule, candidates, root, folderLabel(tree.label, root));

  const warnings: string[] = [];
  const serverName = nameServer(candidates, tree.label, root, warnings);
  for (const candidate of candidates) {
    const kind = candidate.kind;
    if (kind === undefined || candidate.file.status !== 'imported') continue;
    assign(
      candidate,
      kind,
      kind.scope === 'organization' ? organizationSubject() : serverSubject(serverName),
    );
    candidate.command = kind.command;
  }

  const source: EvidenceSource = {
    path: tree.label,
    type: 'healthchecker-folder',
    root,
    integrity: { verdict: 'no-manifest', checked: 0, mismatched: [], missing: [], unlisted: [] },
  };
  return { sources: [source], candidates, failures: [], warnings };
}

async function classifiedCandidate(
  label: string,
  member: SourceTree['members'][number],
  root: string,
): Promise<Candidate> {
  const relative = member.path.slice(root.length);
  const classified = classifyMember(relative);
  const status =
    classified.status === 'canonical'
      ? 'imported'
      : classified.status === 'alternate'
        ? 'not-imported-alternate'
        : 'unrecognised';
  // Only the Get-ExchangeServer export (or its alternate) is looked inside before the import: it
  // names the server. The rest stream when imported, as a bundle's files do.
  const hold = classified.status !== 'unrecognised' && classified.kind.id === 'exchange.server';
  const candidate = await readCandidate(label, member, member.path, status, hold);
  if (classified.status === 'unrecognised') return candidate;

  candidate.kind = classified.kind;
  candidate.file.kind = classified.kind.id;
  if (classified.status === 'alternate') candidate.file.alternateOf = classified.alternateOf;
  return candidate;
}

function applyUseRule(rule: UseRule, candidates: Candidate[], root: string, folder: string): void {
  const relativeOf = (candidate: Candidate): string =>
    candidate.file.member.slice(root.length).toLowerCase();
  const alternate = candidates.find(
    (candidate) => relativeOf(candidate) === rule.alternate.toLowerCase(),
  );
  if (alternate === undefined) {
    throw new ExztError('INPUT', `--use ${rule.given}: ${folder} has no ${rule.alternate}`);
  }

  const canonical = candidates.find(
    (candidate) => relativeOf(candidate) === rule.canonical.toLowerCase(),
  );
  if (canonical !== undefined) {
    canonical.file.status = 'not-imported-replaced';
    canonical.file.note = `replaced by ${rule.alternate} (--use ${rule.given})`;
  }
  alternate.kind = rule.kind;
  alternate.file.kind = rule.kind.id;
  alternate.file.status = 'imported';
  alternate.file.note = `used instead of ${rule.canonical} (--use ${rule.given})`;
}

/** The Name in the folder's Get-ExchangeServer export, else the folder's own name. */
function nameServer(
  candidates: Candidate[],
  label: string,
  root: string,
  warnings: string[],
): string {
  const exchangeServer = candidates.find(
    (candidate) => candidate.kind?.id === 'exchange.server' && candidate.file.status === 'imported',
  );
  const folderName = path.basename(root === '' ? label : root.slice(0, -1));
  if (exchangeServer === undefined) {
    warnings.push(
      `${folderLabel(label, root)}: no Exchange/GetExchangeServer.xml; naming the server '${folderName}' after its folder`,
    );
    return folderName;
  }

  const raw = parseRawEvidence(
    'clixml',
    heldBytes(exchangeServer),
    `${label}/${exchangeServer.file.member}`,
  );
  exchangeServer.raw = raw;
  if (raw.format !== 'clixml') return folderName;
  return importExchangeServer(raw.document).value.name;
}

function folderLabel(label: string, root: string): string {
  return root === '' ? label : `${label}/${root.slice(0, -1)}`;
}
