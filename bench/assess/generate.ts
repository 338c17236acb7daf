/**
 * Writes the `exzt assess` benchmark bundle into bench/data/assess/: 200 server folders and an
 * organisation folder with 100,000 Get-CASMailbox and 50,000 Get-MobileDevice objects, all CliXml
 * in UTF-16 LE with BOM and CRLF, and manifest.json with each file's SHA-256.
 * Usage: node dist/bench/assess/generate.js [--force]
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exchangeSessionRunspace } from '../../scripts/contoso/exchange-exports.js';
import { organizationExports } from '../../scripts/contoso/export-plan.js';
import { organizationConfigExport } from '../../scripts/contoso/organization-export.js';
import { COLLECTED_AT } from '../../scripts/contoso/servers.js';
import { settingOverridesExport } from '../../scripts/contoso/setting-overrides-export.js';
import { findKind } from '../../src/evidence/kinds.js';
import { BundleWriter } from './bundle-writer.js';
import {
  casMailbox,
  MAILBOX_SERVER_COUNT,
  mailboxServerName,
  mobileDevice,
} from './mailbox-exports.js';
import { smallOrganizationFiles } from './organization-files.js';
import {
  benchServer,
  corpusOrganizationFiles,
  corpusServerFiles,
  plannedFile,
  serverFailures,
  serverFiles,
  type PlannedFile,
} from './server-files.js';

/** The repository root, found from this compiled file (dist/bench/assess/generate.js). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ASSESS_BUNDLE_DIR = path.join(REPO_ROOT, 'bench', 'data', 'assess');
/** The HealthChecker corpus server whose exports every benchmark server carries. */
const CORPUS_SERVER = path.resolve(REPO_ROOT, '../shared/corpora/healthchecker/E19');

export const CAS_MAILBOXES = 100_000;
export const MOBILE_DEVICES = 50_000;

function* times<T>(count: number, make: (index: number) => T): Generator<T> {
  for (let index = 0; index < count; index += 1) yield make(index);
}

async function writePlanned(
  writer: BundleWriter,
  folder: string,
  subject: string,
  files: readonly PlannedFile[],
): Promise<void> {
  for (const file of files) {
    const kind = findKind(file.kind);
    if (kind === undefined) throw new Error(`the kind registry has no ${file.kind}`);
    const member = `${folder}/${kind.bundleFile}`;
    if ('bytes' in file) await writer.writeBytes(member, file.kind, subject, file.bytes);
    else await writer.writeClixml(member, file.kind, subject, file.objects());
  }
}

async function writeOrganization(writer: BundleWriter, organization: string): Promise<void> {
  const session = benchServer(mailboxServerName(0), 0);
  const runspaceId = exchangeSessionRunspace(session);
  const built: PlannedFile[] = [
    { kind: 'exchange.organization-config', objects: () => organizationConfigExport(session) },
    { kind: 'exchange.setting-overrides', objects: () => settingOverridesExport(session) },
    {
      kind: 'exchange.cas-mailboxes',
      objects: () => times(CAS_MAILBOXES, (i) => casMailbox(i, runspaceId)),
    },
    {
      kind: 'mobile.devices',
      objects: () => times(MOBILE_DEVICES, (i) => mobileDevice(i, runspaceId)),
    },
    ...smallOrganizationFiles(runspaceId),
  ];
  // The sample's collector plan for every other organisation kind (role assignments, client
  // access rules, authentication policies, DAG networks, the MDM export, …), then the corpus.
  const sample = organizationExports(session)
    .filter((planned) => !built.some((file) => file.kind === planned.kind))
    .map(plannedFile);
  const skip = new Set([...built, ...sample].map((file) => file.kind));
  await writePlanned(writer, 'organization', organization, [
    ...built,
    ...sample,
    ...corpusOrganizationFiles(CORPUS_SERVER, skip),
  ]);
}

async function generate(force: boolean): Promise<void> {
  if (existsSync(path.join(ASSESS_BUNDLE_DIR, 'manifest.json')) && !force) {
    process.stderr.write(`${ASSESS_BUNDLE_DIR} exists; --force writes it again\n`);
    return;
  }
  await rm(ASSESS_BUNDLE_DIR, { recursive: true, force: true });

  const organization = 'Contoso';
  const writer = new BundleWriter(ASSESS_BUNDLE_DIR, COLLECTED_AT);
  await writeOrganization(writer, organization);
  process.stderr.write(`organization: ${(writer.totalBytes / 1e6).toFixed(0)} MB\n`);

  const shared = corpusServerFiles(CORPUS_SERVER);
  for (let index = 0; index < MAILBOX_SERVER_COUNT; index += 1) {
    const name = mailboxServerName(index);
    await writePlanned(writer, `servers/${name}`, name, serverFiles(name, index, shared));
    for (const failure of serverFailures(index))
      writer.recordFailure(name, failure.kind, failure.error);
    if ((index + 1) % 50 === 0) process.stderr.write(`servers: ${index + 1}\n`);
  }

  await writer.writeManifest({
    tool: 'exzt bench/assess/generate.ts',
    toolVersion: '1',
    collectedAt: COLLECTED_AT,
    organization,
  });
  process.stderr.write(
    `wrote ${(writer.totalBytes / 1e6).toFixed(0)} MB to ${ASSESS_BUNDLE_DIR}\n`,
  );
}

// Run only as a script: run.ts imports the paths and counts from here.
if (process.argv[1] === fileURLToPath(import.meta.url))
  await generate(process.argv.includes('--force'));
