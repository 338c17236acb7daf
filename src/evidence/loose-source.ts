/**
 * Loose files named on the command line, recognised by what they hold: the CliXml type names of
 * their first object (docs/evidence-bundle.md), or an applicationHost.config's root sections.
 */
import path from 'node:path';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { ExztError } from '../errors.js';
import { assign, heldBytes, pendingCandidate, readCandidate, type Candidate } from './candidate.js';
import type { CliNode } from './clixml/model.js';
import { organizationSubject, serverSubject, type EvidenceSource } from './evidence-set.js';
import { importExchangeServer } from './importers/exchange-server.js';
import { asString, isCliXml, member, streamCliXml } from './clixml/index.js';
import { plainTypeNames } from './importers/read.js';
import { EVIDENCE_KINDS, findKind, type EvidenceKind, type LooseFileRule } from './kinds.js';
import { parseRawEvidence } from './raw-content.js';
import type { SourceResult } from './source-result.js';
import { STREAM_CHUNK_BYTES, type TreeMember } from './source-tree.js';
import { readThroughUnheld } from './unread-content.js';

/** How much of a loose file is looked at to tell CliXml from an applicationHost.config. */
const HEAD_BYTES = 64 * 1024;

/**
 * Reads loose files together, so a Get-ExchangeServer export among them names their server. A
 * CliXml file is recognised by its first object, read as a stream, and is then imported as a
 * bundle's files are (a list export object by object, on a worker when large), not held whole:
 * a 1 GB Get-CASMailbox export given loose would otherwise be parsed into memory at once.
 */
export async function readLooseFiles(
  labels: string[],
  absolutePaths: string[],
): Promise<SourceResult> {
  const result: SourceResult = { sources: [], candidates: [], failures: [], warnings: [] };
  const firstObjects = new Map<Candidate, CliNode>();
  for (const [index, label] of labels.entries()) {
    const absolute = absolutePaths[index] ?? label;
    const member = {
      path: path.basename(label),
      read: () => readFile(absolute),
      open: () => createReadStream(absolute, { highWaterMark: STREAM_CHUNK_BYTES }),
      file: absolute,
    };
    const candidate = await looseCandidate(label, member, firstObjects);
    result.candidates.push(candidate);
    result.sources.push(looseSource(label));
  }

  assignLooseSubjects(result.candidates, result.warnings, firstObjects);
  // A file not imported is still read through: its SHA-256 for the file list, and a malformed
  // document is an error wherever it is broken, as when it is imported.
  for (const candidate of result.candidates) {
    if (candidate.hashPending === true && candidate.file.status !== 'imported') {
      await readThroughUnheld('clixml', candidate, candidate.file.source);
    }
  }
  return result;
}

async function looseCandidate(
  label: string,
  looseMember: TreeMember & { file: string },
  firstObjects: Map<Candidate, CliNode>,
): Promise<Candidate> {
  if (!isCliXml((await head(looseMember.file)).subarray(0, 512))) {
    const candidate = await readCandidate(label, looseMember, looseMember.path, 'unrecognised');
    recogniseConfig(candidate, label);
    return candidate;
  }

  const first = await firstObject(looseMember, label);
  const matches = first === undefined ? [] : bestMatches(first);
  if (matches.length === 1 && matches[0]?.id === 'exchange.server') {
    // Small, and parsed now: its name is the server the other files are filed under.
    const candidate = await readCandidate(label, looseMember, looseMember.path, 'unrecognised');
    candidate.raw = parseRawEvidence('clixml', heldBytes(candidate), label);
    candidate.kind = matches[0];
    return candidate;
  }

  const candidate = pendingCandidate(label, looseMember, looseMember.path, 'unrecognised');
  if (first !== undefined) firstObjects.set(candidate, first);
  if (matches.length === 1) candidate.kind = matches[0];
  if (matches.length > 1)
    candidate.file.note = `could be any of ${matches.map((kind) => kind.id).join(', ')}`;
  return candidate;
}

async function head(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The document's first object, read from the start of the stream; the rest is not read. */
async function firstObject(looseMember: TreeMember, label: string): Promise<CliNode | undefined> {
  const chunks = looseMember.open?.() ?? [await looseMember.read()];
  for await (const node of streamCliXml(chunks, { file: label, keepRefTargets: false })) {
    return node;
  }
  return undefined;
}

function looseSource(label: string): EvidenceSource {
  const integrity = {
    verdict: 'no-manifest' as const,
    checked: 0,
    mismatched: [],
    missing: [],
    unlisted: [],
  };
  return { path: label, type: 'loose-file', root: '', integrity };
}

/** A file that is not CliXml: an applicationHost.config, or refused with the reason. */
function recogniseConfig(candidate: Candidate, label: string): void {
  const text = heldBytes(candidate).subarray(0, HEAD_BYTES).toString('utf8').replace(/\0/g, '');
  // TODO(#2): loose web.config files are not recognised: nothing in one says which site and
  // application it belongs to; they are read from bundles and HealthChecker folders only.
  if (text.includes('<system.applicationHost')) {
    candidate.kind = findKind('iis.application-host');
    return;
  }
  rejectUnreadable(candidate, label);
}

/**
 * A file the user named that is neither CliXml nor an applicationHost.config. Parsing it as
 * CliXml gives the precise reason (a DTD, another root element, a truncated document, …).
 */
function rejectUnreadable(candidate: Candidate, label: string): never {
  parseRawEvidence('clixml', heldBytes(candidate), label);
  throw new ExztError(
    'INPUT',
    `${label}: not evidence exzt can read: expected an Export-Clixml document (root <Objs> in ` +
      'the PowerShell namespace) or an applicationHost.config',
  );
}

/** The kinds whose most specific rule matches; more conditions make a rule more specific. */
function bestMatches(node: CliNode): EvidenceKind[] {
  let best: EvidenceKind[] = [];
  let bestScore = 0;
  for (const kind of EVIDENCE_KINDS) {
    const score = Math.max(0, ...(kind.looseFileRules ?? []).map((rule) => ruleScore(rule, node)));
    if (score > bestScore) [best, bestScore] = [[kind], score];
    else if (score === bestScore && score > 0) best.push(kind);
  }
  return best;
}

function ruleScore(rule: LooseFileRule, node: CliNode): number {
  if (!plainTypeNames(node).includes(rule.typeName)) return 0;
  if (rule.member === undefined) return 1;

  const found = member(node, rule.member);
  if (found === undefined) return 0;
  if (rule.endsWith === undefined) return 2;
  return asString(found)?.toLowerCase().endsWith(rule.endsWith.toLowerCase()) === true ? 3 : 0;
}

/** Machine-name members WMI and remoting add to what they return. */
const COMPUTER_NAME_MEMBERS = ['PSComputerName', '__SERVER', 'CSName', 'MachineName'];

function assignLooseSubjects(
  candidates: Candidate[],
  warnings: string[],
  firstObjects: ReadonlyMap<Candidate, CliNode>,
): void {
  const servers = candidates.flatMap((candidate) => {
    if (candidate.kind?.id !== 'exchange.server' || candidate.raw?.format !== 'clixml') return [];
    return [importExchangeServer(candidate.raw.document).value.name];
  });

  for (const candidate of candidates) {
    const kind = candidate.kind;
    if (kind === undefined) continue;

    const serverName = serverNameOf(candidate, servers, firstObjects.get(candidate));
    if (kind.scope === 'server' && serverName === undefined) {
      candidate.file.note = `a ${kind.id} export, but nothing says which server it is from`;
      warnings.push(
        `${candidate.file.source}: ${candidate.file.note}; give it with that server's ` +
          'Get-ExchangeServer export, or in a bundle',
      );
      continue;
    }
    assign(
      candidate,
      kind,
      kind.scope === 'organization' ? organizationSubject() : serverSubject(serverName ?? ''),
    );
    candidate.file.status = 'imported';
    candidate.command = kind.command;
  }
}

function serverNameOf(
  candidate: Candidate,
  servers: string[],
  first: CliNode | undefined,
): string | undefined {
  if (candidate.kind?.id === 'exchange.server' && candidate.raw?.format === 'clixml') {
    return importExchangeServer(candidate.raw.document).value.name;
  }
  return computerNameOf(first) ?? onlyOne(servers);
}

function computerNameOf(first: CliNode | undefined): string | undefined {
  for (const memberName of COMPUTER_NAME_MEMBERS) {
    const name = asString(member(first, memberName));
    if (name !== undefined && name !== '') return name;
  }
  return undefined;
}

function onlyOne(names: string[]): string | undefined {
  const distinct = [...new Set(names.map((name) => name.toLowerCase()))];
  return distinct.length === 1 ? names[0] : undefined;
}
