import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { kbInfoCommand } from '../../src/cli/commands/kb-info.js';
import type { Logger } from '../../src/cli/logger.js';
import {
  BUILD_KEYED_CVES,
  CONFIG_GATED_CVES,
  EMERGENCY_MITIGATIONS,
  MITIGATION_SERVICE_MINIMUM,
  KB_AS_OF,
  KNOWN_EXPLOITED,
  KNOWLEDGE_SOURCES,
  allProducts,
  kbAgeWarning,
  type KbInfo,
  lastSecurityFixDate,
} from '../../src/knowledge/index.js';

test('no warning at 45 days, a warning at 46', () => {
  assert.equal(kbAgeWarning('2026-11-10', new Date('2026-12-25T00:00:00Z')), undefined);
  const warning = kbAgeWarning('2026-11-10', new Date('2026-12-26T00:00:00Z'));
  assert.match(warning ?? '', /46 days old \(as of 2026-11-10/);
});

test('kb info JSON lists products, counts, mitigations and sources', async () => {
  const { output, warnings } = await runKbInfo(['--format', 'json', '--as-of', '2027-03-01']);
  const info = JSON.parse(output) as KbInfo;
  assert.equal(info.asOf, KB_AS_OF);
  assert.deepEqual(
    info.products.map((entry) => entry.product),
    ['Exchange2013', 'Exchange2016', 'Exchange2019', 'ExchangeSE'],
  );
  assert.equal(info.products[3]?.newestSecurityUpdate?.name, 'Nov26SU');
  assert.ok(info.cves > 130);
  assert.ok(info.mitigations.some((mitigation) => mitigation.cves.includes('CVE-2026-42897')));
  assert.deepEqual(info.mitigationServiceMinimum, {
    update: 'Jun26SU',
    from: '2026-07-01',
    source: 'exchange-blog-jun26su',
  });
  assert.equal(warnings.length, 1);
});

test('kb info text stays quiet when the knowledge base is fresh', async () => {
  const { output, warnings } = await runKbInfo(['--as-of', '2026-12-03']);
  assert.match(output, /^Exchange knowledge base as of 2026-11-10/);
  assert.match(output, /new mitigations from 2026-07-01 reach only servers at Jun26SU or later/);
  assert.equal(warnings.length, 0);
});

test('data integrity: sources, CVE ids, KEV dates and the as-of date', () => {
  const sourceIds = new Set(KNOWLEDGE_SOURCES.map((source) => source.id));
  const cited = [
    ...BUILD_KEYED_CVES.map((entry) => entry.source),
    ...CONFIG_GATED_CVES.map((entry) => entry.source),
    ...KNOWN_EXPLOITED.map((entry) => entry.source),
    ...EMERGENCY_MITIGATIONS.map((entry) => entry.source),
    MITIGATION_SERVICE_MINIMUM.source,
    ...allProducts().flatMap((product) =>
      product.cus.flatMap((cu) => [cu.source, ...cu.updates.map((update) => update.source)]),
    ),
  ];
  for (const source of cited) assert.ok(sourceIds.has(source), `unknown source ${source}`);

  const ids = [
    ...BUILD_KEYED_CVES.flatMap((entry) => entry.cves),
    ...KNOWN_EXPLOITED.map((k) => k.cve),
  ];
  for (const id of ids) assert.match(id, /^(CVE-\d{4}-\d{4,}|ADV\d{6})$/);
  for (const entry of KNOWN_EXPLOITED) assert.match(entry.dateAdded, /^\d{4}-\d{2}-\d{2}$/);

  const newestUpdate = allProducts()
    .flatMap((product) => product.cus.flatMap((cu) => cu.updates))
    .map((update) => update.releaseDate ?? '')
    .sort()
    .at(-1);
  assert.ok(KB_AS_OF >= (newestUpdate ?? ''), `as-of ${KB_AS_OF} < ${newestUpdate}`);
  assert.equal(lastSecurityFixDate('Exchange2013'), '2023-04-11');
});

async function runKbInfo(args: string[]): Promise<{ output: string; warnings: string[] }> {
  const chunks: string[] = [];
  const warnings: string[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger: Logger = {
    level: 'normal',
    error: () => undefined,
    warn: (message) => warnings.push(message),
    info: () => undefined,
    debug: () => undefined,
  };
  const values: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 2) {
    values[(args[index] ?? '').replace(/^--/, '')] = args[index + 1] ?? '';
  }
  await kbInfoCommand.run({
    values,
    positionals: [],
    logger,
    stdout,
    stdoutIsTty: false,
    colour: false,
    cwd: '.',
  });
  return { output: chunks.join(''), warnings };
}
