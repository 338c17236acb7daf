/**
 * The files of one benchmark server, of the kinds the controls read. The version kinds come from the Contoso sample's builders
 * (so the version report has real builds to judge); every other server kind HealthChecker
 * exports is the corpus's E19 export of that kind, read once and rewritten through the writer,
 * so the importers see Microsoft's real member sets.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { CONTROLS } from '../../src/controls/catalogue.js';
import { parseCliXml } from '../../src/evidence/clixml/index.js';
import { writableFromDocument } from '../../src/evidence/clixml/writer-from-document.js';
import type { WritableNode } from '../../src/evidence/clixml/writer-values.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../src/evidence/kinds.js';
import { buildOf } from '../../src/knowledge/index.js';
import { exchangeServerExport } from '../../scripts/contoso/exchange-exports.js';
import {
  hotFixesExport,
  operatingSystemExport,
  rebootPendingExport,
} from '../../scripts/contoso/os-exports.js';
import { CONTOSO_SERVERS, type ContosoServer } from '../../scripts/contoso/servers.js';
import { installedUpdatesExport, setupVersionExport } from '../../scripts/contoso/setup-exports.js';

/** A server export: CliXml objects written through the writer, or a raw config file. */
export type PlannedFile =
  { kind: string; objects: () => Iterable<WritableNode> } | { kind: string; bytes: Buffer };

const HOTFIXES = [
  { id: 'KB5043080', description: 'Update', installedOn: '2025-09-15' },
  { id: 'KB5068861', description: 'Security Update', installedOn: '2026-11-17' },
] as const;

/** Server `index` takes the state of one of the six Contoso servers in turn, under its own name. */
export function benchServer(name: string, index: number): ContosoServer {
  const template = CONTOSO_SERVERS[index % CONTOSO_SERVERS.length];
  if (template === undefined) throw new Error('the Contoso sample has no servers');
  return { ...template, name };
}

function versionFiles(server: ContosoServer): PlannedFile[] {
  const cuBuild = buildOf(server.product, server.cu);
  if (cuBuild === undefined) throw new Error(`no build for ${server.product} ${server.cu}`);
  return [
    { kind: 'exchange.server', objects: () => exchangeServerExport(server, cuBuild) },
    { kind: 'exchange.setup-version', objects: () => setupVersionExport(server) },
    { kind: 'exchange.installed-updates', objects: () => installedUpdatesExport(server, cuBuild) },
    { kind: 'os.operating-system', objects: () => operatingSystemExport(server) },
    { kind: 'os.reboot-pending', objects: () => rebootPendingExport(server) },
    { kind: 'os.hotfixes', objects: () => hotFixesExport(server, HOTFIXES) },
  ];
}

const BUILT_KINDS = new Set(versionFiles(benchServer('EX000', 0)).map((file) => file.kind));

/** Only what some control reads: a bundle carries what its collector was asked for. */
const READ_BY_CONTROLS: ReadonlySet<string> = new Set(
  CONTROLS.flatMap((control) => [
    ...(control.requires.subject ?? []),
    ...(control.requires.organization ?? []),
  ]),
);

function wanted(kind: EvidenceKind, scope: EvidenceKind['scope']): boolean {
  return kind.scope === scope && READ_BY_CONTROLS.has(kind.id);
}

// TODO(#3): bundle-only server kinds (most virtual directories, BitLocker, firewall profiles,
// LSA and Device Guard values, log folders) have no corpus file and are not generated; the
// Contoso sample's new builders for them could be reused here.
/** The corpus E19 export of every other server kind with a canonical HealthChecker file. */
export function corpusServerFiles(corpusServerFolder: string): PlannedFile[] {
  return EVIDENCE_KINDS.filter(
    (kind) => wanted(kind, 'server') && !BUILT_KINDS.has(kind.id),
  ).flatMap((kind) => corpusFile(kind, corpusServerFolder));
}

/** Corpus exports of organisation kinds (accepted domains, connectors, ACLs, …). */
export function corpusOrganizationFiles(
  corpusServerFolder: string,
  skip: ReadonlySet<string>,
): PlannedFile[] {
  return EVIDENCE_KINDS.filter(
    (kind) => wanted(kind, 'organization') && !skip.has(kind.id),
  ).flatMap((kind) => corpusFile(kind, corpusServerFolder));
}

function corpusFile(kind: EvidenceKind, folder: string): PlannedFile[] {
  const [relative] = kind.healthCheckerFiles;
  if (relative === undefined) return [];
  const file = path.join(folder, relative);
  if (!existsSync(file)) return [];

  const bytes = readFileSync(file);
  if (kind.format !== 'clixml') return [{ kind: kind.id, bytes }];
  const objects = writableFromDocument(parseCliXml(bytes, { file }));
  return [{ kind: kind.id, objects: () => objects }];
}

/** Every file of one server: its own version exports, then the shared corpus exports. */
export function serverFiles(server: ContosoServer, shared: readonly PlannedFile[]): PlannedFile[] {
  return [...versionFiles(server), ...shared];
}
