/**
 * The files of one benchmark server: every server kind a collector bundle holds. The version
 * kinds come from the Contoso sample's version builders (so the version report has real builds
 * to judge), every other bundle kind from the sample's collector plan (`serverExports`: virtual
 * directories, certificates, connectors, BitLocker, firewall, LSA and Device Guard values, log
 * folders, applicationHost.config, …) under the server's own name, and any server kind neither
 * has from the HealthChecker corpus's E19 export, read once and rewritten through the writer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseCliXml } from '../../src/evidence/clixml/index.js';
import { writableFromDocument } from '../../src/evidence/clixml/writer-from-document.js';
import type { WritableNode } from '../../src/evidence/clixml/writer-values.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../src/evidence/kinds.js';
import { buildOf } from '../../src/knowledge/index.js';
import { exchangeServerExport } from '../../scripts/contoso/exchange-exports.js';
import {
  FAILURES,
  serverExports,
  type PlannedExport,
  type PlannedFailure,
} from '../../scripts/contoso/export-plan.js';
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

/** The Contoso server whose state benchmark server `index` takes: the six in turn. */
function templateServer(index: number): ContosoServer {
  const template = CONTOSO_SERVERS[index % CONTOSO_SERVERS.length];
  if (template === undefined) throw new Error('the Contoso sample has no servers');
  return template;
}

/** Server `index` takes the state of one of the six Contoso servers in turn, under its own name. */
export function benchServer(name: string, index: number): ContosoServer {
  return { ...templateServer(index), name };
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

/** A planned export of the Contoso sample as a file of the benchmark bundle. */
export function plannedFile(planned: PlannedExport): PlannedFile {
  const { content } = planned;
  return content.format === 'clixml'
    ? { kind: planned.kind, objects: content.objects }
    : { kind: planned.kind, bytes: content.bytes() };
}

/**
 * The sample's collector exports of the Contoso server benchmark server `index` follows. Its
 * stories are keyed by the sample's server names, so these name that server (EX01) inside, while
 * the folder and the version exports name the benchmark server (EX001): the loader files them by
 * folder, and the controls' work is the same.
 */
function sampleServerFiles(index: number): PlannedFile[] {
  return serverExports(templateServer(index)).map(plannedFile);
}

/** The sample's collection failures of the server benchmark server `index` follows (Edge: no IIS). */
export function serverFailures(index: number): PlannedFailure[] {
  const template = templateServer(index).name;
  return FAILURES.filter((failure) => failure.subject === template);
}

/** The kinds every benchmark server gets from the sample's builders. */
function builtServerKinds(): Set<string> {
  return new Set(
    CONTOSO_SERVERS.flatMap((_, index) => [
      ...versionFiles(benchServer('EX000', index)),
      ...sampleServerFiles(index),
    ]).map((file) => file.kind),
  );
}

/** The corpus E19 export of every server kind the sample's builders do not make. */
export function corpusServerFiles(corpusServerFolder: string): PlannedFile[] {
  const built = builtServerKinds();
  return EVIDENCE_KINDS.filter((kind) => kind.scope === 'server' && !built.has(kind.id)).flatMap(
    (kind) => corpusFile(kind, corpusServerFolder),
  );
}

/** Corpus exports of organisation kinds not in `skip`. */
export function corpusOrganizationFiles(
  corpusServerFolder: string,
  skip: ReadonlySet<string>,
): PlannedFile[] {
  return EVIDENCE_KINDS.filter(
    (kind) => kind.scope === 'organization' && !skip.has(kind.id),
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

/** Every file of server `index`: its version exports, the sample's other exports, then the corpus's. */
export function serverFiles(
  name: string,
  index: number,
  shared: readonly PlannedFile[],
): PlannedFile[] {
  return [...versionFiles(benchServer(name, index)), ...sampleServerFiles(index), ...shared];
}
