/**
 * Assembles the Contoso evidence bundle in memory: one CliXml file per server and kind, the
 * organisation file, manifest.json (with each file's SHA-256 and one recorded failure) and the
 * README. Pure and deterministic: the same knowledge base gives the same bytes.
 */
import { createHash } from 'node:crypto';

import { encodeClixml } from '../../src/evidence/clixml/writer.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { buildOf } from '../../src/knowledge/index.js';
import { exchangeServerExport } from './exchange-exports.js';
import { hotFixesExport, operatingSystemExport, rebootPendingExport } from './os-exports.js';
import type { HotFixEntry } from './os-exports.js';
import { FAILURES, organizationExports, serverExports, type ExportContent } from './export-plan.js';
import { findKind } from '../../src/evidence/kinds.js';
import { contosoReadme } from './readme.js';
import {
  COLLECTED_AT,
  CONTOSO_SERVERS,
  ORGANIZATION,
  type ContosoServer,
  type FileEncoding,
} from './servers.js';
import { installedUpdatesExport, setupVersionExport } from './setup-exports.js';

export const TOOL = 'Collect-ExztEvidence.ps1';
export const TOOL_VERSION = '0.1.0';

/** The command the registry names for a kind; the sample must use registered kinds only. */
export function commandOf(kind: string): string {
  const registered = findKind(kind);
  if (registered === undefined) throw new Error(`the kind registry has no ${kind}`);
  return registered.command;
}

function bundleFileOf(kind: string): string {
  const registered = findKind(kind);
  if (registered === undefined) throw new Error(`the kind registry has no ${kind}`);
  return registered.bundleFile;
}

export interface ManifestFile {
  path: string;
  sha256: string;
  kind: string;
  subject: string;
  command: string;
  collectedAt: string;
}

export interface ManifestFailure {
  subject: string;
  kind: string;
  command: string;
  error: string;
}

// Illustrative Windows update ids: the version report reads Exchange builds, not these.
const HOTFIXES: Readonly<Record<string, readonly HotFixEntry[]>> = {
  EX01: [
    { id: 'KB5043080', description: 'Update', installedOn: '2025-09-15' },
    { id: 'KB5068861', description: 'Security Update', installedOn: '2026-11-17' },
  ],
  EX02: [
    { id: 'KB5012170', description: 'Security Update', installedOn: '2025-03-03' },
    { id: 'KB5068787', description: 'Security Update', installedOn: '2026-11-15' },
  ],
  EX03: [{ id: 'KB5068791', description: 'Security Update', installedOn: '2026-11-01' }],
  EX04: [
    { id: 'KB5012170', description: 'Security Update', installedOn: '2024-03-18' },
    { id: 'KB5066782', description: 'Security Update', installedOn: '2026-10-19' },
  ],
  EX2013: [
    { id: 'KB2919355', description: 'Update', installedOn: '2019-07-01' },
    { id: 'KB5022899', description: 'Security Update', installedOn: '2023-02-20' },
  ],
};

interface VersionExport {
  kind: string;
  encoding: FileEncoding;
  objects: () => WritableObject[];
}

function cuBuildOf(server: ContosoServer): string {
  const build = buildOf(server.product, server.cu);
  if (build === undefined) throw new Error(`knowledge base has no ${server.product} ${server.cu}`);
  return build;
}

function versionExports(server: ContosoServer): VersionExport[] {
  const cuBuild = cuBuildOf(server);
  const osEncoding = server.osFileEncoding;
  const hotFixes = HOTFIXES[server.name];
  const planned: VersionExport[] = [
    {
      kind: 'exchange.server',
      encoding: 'utf-8',
      objects: () => exchangeServerExport(server, cuBuild),
    },
    {
      kind: 'exchange.setup-version',
      encoding: 'utf-8',
      objects: () => setupVersionExport(server),
    },
    {
      kind: 'exchange.installed-updates',
      encoding: 'utf-8',
      objects: () => installedUpdatesExport(server, cuBuild),
    },
    {
      kind: 'os.operating-system',
      encoding: osEncoding,
      objects: () => operatingSystemExport(server),
    },
    { kind: 'os.reboot-pending', encoding: osEncoding, objects: () => rebootPendingExport(server) },
  ];
  if (hotFixes !== undefined) {
    planned.push({
      kind: 'os.hotfixes',
      encoding: osEncoding,
      objects: () => hotFixesExport(server, hotFixes),
    });
  }
  return planned;
}

/** 09:00:00 plus a minute per server and a few seconds per file, as a collector run would log. */
function collectionTime(serverIndex: number, fileIndex: number): string {
  const ms = Date.parse(COLLECTED_AT) + (serverIndex * 60 + 12 + fileIndex * 7) * 1000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file of the bundle, keyed by its path inside the bundle (forward slashes). */
/** The evidence bundle sits in its own folder, so the README beside it is not evidence. */
export const BUNDLE_FOLDER = 'bundle';

export function buildContosoBundle(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const entries: ManifestFile[] = [];
  const add = (folder: string, kind: string, subject: string, at: string, bytes: Buffer) => {
    const path = `${folder}/${bundleFileOf(kind)}`;
    files.set(`${BUNDLE_FOLDER}/${path}`, bytes);
    const sha = sha256(bytes);
    entries.push({ path, sha256: sha, kind, subject, command: commandOf(kind), collectedAt: at });
  };

  const sessionServer = CONTOSO_SERVERS[0];
  if (sessionServer === undefined) throw new Error('Contoso has no servers');
  organizationExports(sessionServer).forEach((planned, fileIndex) => {
    const bytes = contentBytes(planned.content, 'utf-8');
    add('organization', planned.kind, ORGANIZATION, collectionTime(0, fileIndex), bytes);
  });

  CONTOSO_SERVERS.forEach((server, serverIndex) => {
    const versionFiles = versionExports(server).map((planned) => ({
      kind: planned.kind,
      bytes: encodeClixml(planned.objects(), { encoding: planned.encoding }),
    }));
    const encodingOf = (kind: string) => (kind.startsWith('os.') ? server.osFileEncoding : 'utf-8');
    const storyFiles = serverExports(server).map((planned) => ({
      kind: planned.kind,
      bytes: contentBytes(planned.content, encodingOf(planned.kind)),
    }));
    [...versionFiles, ...storyFiles].forEach(({ kind, bytes }, fileIndex) => {
      const at = collectionTime(serverIndex + 1, fileIndex);
      add(`servers/${server.name}`, kind, server.name, at, bytes);
    });
  });

  files.set(`${BUNDLE_FOLDER}/manifest.json`, Buffer.from(manifestJson(entries), 'utf8'));
  files.set('README.md', Buffer.from(contosoReadme(CONTOSO_SERVERS), 'utf8'));
  return files;
}

function contentBytes(content: ExportContent, encoding: FileEncoding): Buffer {
  return content.format === 'clixml'
    ? encodeClixml(content.objects(), { encoding })
    : content.bytes();
}

function manifestJson(entries: ManifestFile[]): string {
  const failures: ManifestFailure[] = FAILURES.map((failure) => ({
    subject: failure.subject,
    kind: failure.kind,
    command: commandOf(failure.kind),
    error: failure.error,
  }));
  const manifest = {
    schema: 'exzt-bundle/1',
    tool: TOOL,
    toolVersion: TOOL_VERSION,
    collectedAt: COLLECTED_AT,
    organization: ORGANIZATION,
    files: entries,
    failures,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
