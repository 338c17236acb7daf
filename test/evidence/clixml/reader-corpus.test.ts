import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  asBigInt,
  asDate,
  asNumber,
  asString,
  entryValue,
  isCliXml,
  member,
  memberPath,
  pathOf,
  readCliXmlFile,
  typeNameOf,
  type CliNode,
  type CliObject,
} from '../../../src/evidence/clixml/index.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

function xmlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function corpusFile(...parts: string[]): string {
  return path.join(CORPUS_DIR, ...parts);
}

async function firstObject(...parts: string[]): Promise<CliObject> {
  const document = await readCliXmlFile(corpusFile(...parts));
  const first = document.objects[0];
  assert.equal(first?.kind, 'object');
  return first as CliObject;
}

describe('CliXml reader on the HealthChecker corpus', () => {
  it('reads every CliXml file and recognises the XML files that are not CliXml', async () => {
    const files = xmlFilesUnder(CORPUS_DIR);
    const notCliXml: string[] = [];
    let objectCount = 0;
    for (const file of files) {
      if (!isCliXml(readFileSync(file).subarray(0, 512))) {
        notCliXml.push(path.basename(file));
        continue;
      }
      const document = await readCliXmlFile(file);
      objectCount += document.objects.length;
    }

    assert.ok(files.length > 150, `expected the corpus, found ${files.length} files`);
    assert.ok(objectCount > files.length - notCliXml.length);
    for (const name of notCliXml) assert.match(name, /^(Antimalware\d*|Configuration)\.xml$/i);
    assert.ok(notCliXml.some((name) => /^Configuration\.xml$/i.test(name)));
  });

  it('reads ExSetup FileVersionRaw, and a different build from the ExSetup1 alternate', async () => {
    const exSetup = await firstObject('E19', 'Exchange', 'ExSetup.xml');
    const alternate = await firstObject('E19', 'Exchange', 'ExSetup1.xml');

    assert.equal(asString(member(exSetup, 'FileVersionRaw')), '15.2.986.5');
    assert.equal(member(exSetup, 'fileversionraw')?.kind, 'version');
    assert.equal(typeNameOf(exSetup), 'System.Diagnostics.FileVersionInfo');
    const alternateBuild = asString(member(alternate, 'FileVersionRaw'));
    assert.match(alternateBuild ?? '', /^15\.2\.\d+\.\d+$/);
    assert.notEqual(alternateBuild, '15.2.986.5');
  });

  it('gives positions and an object path for provenance', async () => {
    const exSetup = await firstObject('E19', 'Exchange', 'ExSetup.xml');
    const version = member(exSetup, 'FileVersionRaw')!;
    const lines = readFileSync(corpusFile('E19', 'Exchange', 'ExSetup.xml'), 'utf8').split('\n');

    assert.deepEqual(exSetup.position, { line: 2, column: 3, offset: 86 });
    assert.match(
      lines[version.position.line - 1]!.slice(version.position.column - 1),
      /^<Version N="FileVersionRaw">/,
    );
    // FileVersionRaw is a note property HealthChecker adds, so it sits in MS.
    assert.equal(pathOf(0, exSetup, 'fileversionraw'), 'Objs[0].MS.FileVersionRaw');
    assert.equal(pathOf(0, exSetup, 'FileBuildPart'), 'Objs[0].Props.FileBuildPart');
  });

  it('reads UTF-16 LE with BOM (GetIrmConfiguration.xml)', async () => {
    const document = await readCliXmlFile(corpusFile('E16', 'Exchange', 'GetIrmConfiguration.xml'));

    assert.equal(document.encoding, 'utf-16le');
    assert.equal(document.bom, true);
    const first = document.objects[0]!;
    assert.equal(
      first.position.offset,
      2 +
        2 * (first.position.column - 1) +
        2 *
          lineLengthsBefore(
            corpusFile('E16', 'Exchange', 'GetIrmConfiguration.xml'),
            first.position.line,
          ),
    );
    assert.ok(member(first, 'InternalLicensingEnabled') !== undefined);
  });

  it('decodes _x005F_ in type names (GetWindowsFeature.xml)', async () => {
    const nodes = await readAll('E16', 'OS', 'GetWindowsFeature.xml');
    const typeNames = nodes.flatMap((node) => (node.kind === 'object' ? node.typeNames : []));

    assert.ok(typeNames.some((name) => name.endsWith('#ServerComponent_XPS_Viewer')));
    assert.ok(!typeNames.some((name) => name.includes('_x005F_')));
  });

  it('reads a dictionary (GetAllTlsSettings.xml), keys case-insensitively', async () => {
    const settings = await firstObject('E16', 'OS', 'GetAllTlsSettings.xml');
    const registry = findObjectWithEntries(settings)!;

    assert.ok(registry.entries!.length >= 2);
    const tls11 = entryValue(registry, '1.1');
    assert.equal(asString(member(tls11, 'TLSVersion')), '1.1');
    assert.equal(member(tls11, 'ServerEnabled')?.kind, 'boolean');
  });

  it('hands out the very same instance for a Ref (GetService.xml)', async () => {
    const service = await firstObject('E16', 'OS', 'GetService.xml');

    assert.equal(asString(member(service, 'Name')), 'AJRouter');
    const dependedOn = member(service, 'ServicesDependedOn');
    assert.equal(dependedOn?.kind, 'object');
    assert.equal(member(service, 'RequiredServices'), dependedOn);
  });

  it('reads negative I32, U64 above 2^53, DT with offset and TS', async () => {
    const counters = await firstObject('E16', 'OS', 'GetCounterSamples.xml');
    const timestamp = member(counters, 'Timestamp100NSec');
    const tls = await readCliXmlFile(corpusFile('E16', 'OS', 'GetNetIPConfiguration.xml'));

    assert.equal(asBigInt(timestamp), 132776674034880000n);
    assert.equal(asNumber(timestamp), undefined, 'not a safe integer');
    const all = tls.objects.flatMap((node) => walk(node));
    const preferred = all.find(
      (node) => node.name === 'PreferredLifetime' && node.kind === 'duration',
    );
    assert.equal(
      preferred?.kind === 'duration' ? preferred.ms : 0,
      10675199 * 86_400_000 + 2 * 3_600_000 + 48 * 60_000 + 5478,
    );
    const negative = (await readAll('E16', 'Exchange', 'GetExchangeProtocolContainer.xml')).find(
      (node) => node.kind === 'number' && node.tag === 'I32' && node.value < 0,
    );
    assert.ok(negative !== undefined, 'a negative I32');
  });

  it('reads a DateTime with a local offset as the right instant', async () => {
    const dates = (await readAll('E16', 'OS', 'GetDotNetDllFileVersions.xml')).filter(
      (node) => node.kind === 'datetime',
    );
    const creation = dates.find(
      (node) => node.kind === 'datetime' && node.text === '2016-07-16T08:23:21.9924368-05:00',
    );

    assert.ok(creation !== undefined);
    assert.equal(asDate(creation), Date.parse('2016-07-16T13:23:21.992Z'));
  });

  it('reads an enum as name and number (ServerRole in GetExchangeServer.xml)', async () => {
    const server = await firstObject('E16', 'Exchange', 'GetExchangeServer.xml');
    const role = member(server, 'ServerRole');

    assert.equal(asString(role), 'Mailbox');
    assert.equal(asNumber(role), 2);
    assert.ok(role?.kind === 'object' && role.typeNames.includes('System.Enum'));
    assert.equal(asString(memberPath(server, 'serverrole')), 'Mailbox');
  });
});

async function readAll(...parts: string[]): Promise<CliNode[]> {
  const document = await readCliXmlFile(corpusFile(...parts));
  return document.objects.flatMap((node) => walk(node));
}

/** Every node below `node` once (Refs can share and cycle). */
function walk(node: CliNode, seen = new Set<CliNode>()): CliNode[] {
  if (seen.has(node)) return [];
  seen.add(node);
  if (node.kind !== 'object') return [node];

  const children = [
    ...node.members.values(),
    ...(node.items ?? []),
    ...(node.entries ?? []).flatMap((entry) => [entry.key, entry.value]),
  ];
  if (node.value !== undefined) children.push(node.value);
  return [node, ...children.flatMap((child) => walk(child, seen))];
}

function findObjectWithEntries(node: CliNode): CliObject | undefined {
  return walk(node).find(
    (candidate): candidate is CliObject =>
      candidate.kind === 'object' && candidate.entries !== undefined,
  );
}

/** UTF-16 code units on the lines before `line` (1-based), newline characters included. */
function lineLengthsBefore(file: string, line: number): number {
  const text = readFileSync(file).subarray(2).toString('utf16le');
  return text
    .split('\n')
    .slice(0, line - 1)
    .reduce((total, current) => total + current.length + 1, 0);
}
