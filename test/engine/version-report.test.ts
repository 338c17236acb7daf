/**
 * The version report against HealthChecker's own conclusions on the same data: product, CU,
 * build, out of date, end of life and the build-keyed CVE list (microsoft/CSS-Exchange,
 * Diagnostics/HealthChecker/Tests/HealthChecker.E19.Main.Tests.ps1 and
 * HealthChecker.E16.Main.Tests.ps1; the lists below were derived independently from the SU→CVE
 * table of shared/reference/exchange-builds.md §3, not from exzt's knowledge base).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  buildVersionReport,
  type ServerVersionRow,
} from '../../src/engine/version-report/index.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { CORPUS_DIR, EXAMPLES_DIR } from '../helpers/paths.js';

// Build-keyed CVEs HealthChecker reports for a 2021 CU at RTM (E19 CU11, E16 CU22): Oct21SU
// through Feb26SU, 48 lines, 47 distinct ids (CVE-2023-21707 is listed under Feb23SU and Mar23SU).
const CU11_RTM_UP_TO_FEB26 = [
  'CVE-2021-26427',
  'CVE-2021-34453',
  'CVE-2021-41348',
  'CVE-2021-41349',
  'CVE-2021-41350',
  'CVE-2021-42305',
  'CVE-2021-42321',
  'CVE-2022-21846',
  'CVE-2022-21855',
  'CVE-2022-21969',
  'CVE-2022-23277',
  'CVE-2022-24463',
  'CVE-2022-34692',
  'CVE-2022-41040',
  'CVE-2022-41078',
  'CVE-2022-41079',
  'CVE-2022-41080',
  'CVE-2022-41082',
  'CVE-2022-41123',
  'CVE-2023-21529',
  'CVE-2023-21706',
  'CVE-2023-21707',
  'CVE-2023-21710',
  'CVE-2023-21745',
  'CVE-2023-21761',
  'CVE-2023-21762',
  'CVE-2023-21763',
  'CVE-2023-21764',
  'CVE-2023-28310',
  'CVE-2023-32031',
  'CVE-2023-35368',
  'CVE-2023-35388',
  'CVE-2023-36744',
  'CVE-2023-36745',
  'CVE-2023-36756',
  'CVE-2023-36757',
  'CVE-2023-36777',
  'CVE-2023-36778',
  'CVE-2023-38181',
  'CVE-2023-38182',
  'CVE-2023-38185',
  'CVE-2024-26198',
  'CVE-2025-53786',
  'CVE-2025-59249',
  'CVE-2025-64666',
  'CVE-2025-64667',
  'CVE-2026-21527',
];

// E19 CU12 Feb23SU (ExSetup1.xml): Mar23SU through Feb26SU, 20 ids.
const CU12_FEB23SU_UP_TO_FEB26 = [
  'CVE-2023-21707',
  'CVE-2023-28310',
  'CVE-2023-32031',
  'CVE-2023-35368',
  'CVE-2023-35388',
  'CVE-2023-36744',
  'CVE-2023-36745',
  'CVE-2023-36756',
  'CVE-2023-36757',
  'CVE-2023-36777',
  'CVE-2023-36778',
  'CVE-2023-38181',
  'CVE-2023-38182',
  'CVE-2023-38185',
  'CVE-2024-26198',
  'CVE-2025-53786',
  'CVE-2025-59249',
  'CVE-2025-64666',
  'CVE-2025-64667',
  'CVE-2026-21527',
];

// Build-keyed CVEs of the SUs released after February 2026, in the knowledge base with their
// sources (src/knowledge/data/cves.json, sources.json): a 2021 or 2022 CU is exposed to all.
const LATER_SU_CVES = [
  'CVE-2026-42897',
  'CVE-2026-45500',
  'CVE-2026-45501',
  'CVE-2026-45502',
  'CVE-2026-45503',
  'CVE-2026-45504',
  'CVE-2026-47631',
  'CVE-2026-45583',
  'CVE-2026-55005',
  'CVE-2026-55006',
  'CVE-2026-55008',
  'CVE-2026-55009',
  'CVE-2026-62910',
  'CVE-2026-62911',
  'CVE-2026-62912',
  'CVE-2026-62913',
  'CVE-2026-62914',
  'CVE-2026-62915',
  'CVE-2026-65813',
  'CVE-2026-69355',
  'CVE-2026-69356',
  'CVE-2026-70279',
  'CVE-2026-70571',
  'CVE-2026-87696',
];

const BEFORE_END_OF_SUPPORT = { asOf: '2024-06-01T00:00:00.000Z', asOfSource: 'option' as const };
const AFTER_END_OF_SUPPORT = { asOf: '2026-12-03T00:00:00.000Z', asOfSource: 'option' as const };

async function reportFor(
  folder: string,
  options = BEFORE_END_OF_SUPPORT,
  use: Array<[string, string]> = [],
): Promise<ServerVersionRow[]> {
  const evidence = await loadEvidence([folder], { use: new Map(use), allowModified: false });
  return buildVersionReport(evidence, options).servers;
}

function onlyServer(rows: ServerVersionRow[]): ServerVersionRow {
  assert.equal(rows.length, 1);
  return rows[0] as ServerVersionRow;
}

// The CVEs HealthChecker's Extended Protection check names ("Extended Protection Vulnerable"):
// fixed only by Aug22SU or later with Extended Protection on every virtual directory.
const EXTENDED_PROTECTION_CVES = [
  'CVE-2022-21979',
  'CVE-2022-21980',
  'CVE-2022-24477',
  'CVE-2022-24516',
  'CVE-2022-30134',
  'CVE-2024-21410',
];

function extendedProtectionStates(row: ServerVersionRow): string[] {
  return EXTENDED_PROTECTION_CVES.map(
    (id) => row.cves.find((cve) => cve.id === id)?.state ?? 'missing',
  );
}

/** Exposed build-keyed CVE ids (config-gated ones carry their own verdict). */
function exposedIds(row: ServerVersionRow): string[] {
  const gated = new Set([
    ...EXTENDED_PROTECTION_CVES,
    'CVE-2024-49040',
    'CVE-2025-25005',
    'CVE-2025-25006',
    'CVE-2025-25007',
    'CVE-2025-33051',
    'CVE-2025-53782',
    'CVE-2025-59248',
  ]);
  return row.cves
    .filter((cve) => cve.state === 'exposed' && !gated.has(cve.id))
    .map((cve) => cve.id)
    .sort();
}

const sorted = (ids: string[]): string[] => [...new Set(ids)].sort();

describe('version report on HealthChecker corpus E19 (Exchange 2019 CU11 RTM)', () => {
  const e19 = path.join(CORPUS_DIR, 'E19');

  it('names product, CU and build as HealthChecker does, from ExSetup', async () => {
    const row = onlyServer(await reportFor(e19));
    assert.equal(row.name, 'SOLO-E19A');
    assert.equal(row.product, 'Exchange2019');
    assert.equal(row.cu, 'CU11');
    assert.equal(row.su, null);
    assert.equal(row.build, '15.2.986.5');
    assert.equal(row.adminDisplayVersion, 'Version 15.2 (Build 986.5)');
    assert.equal(row.source, 'ExSetup');
    assert.equal(row.precision, 'build');
  });

  it('is out of date (CU11 unsupported) before end of support and end of life after it', async () => {
    const before = onlyServer(await reportFor(e19));
    assert.equal(before.supported, false);
    assert.equal(before.status, 'out-of-date');
    assert.equal(before.endOfLife, false);

    const after = onlyServer(await reportFor(e19, AFTER_END_OF_SUPPORT));
    assert.equal(after.endOfLife, true);
    assert.equal(after.nextStep, 'move to Exchange Server SE');
  });

  it('lists the 47 build-keyed CVEs up to Feb26SU plus those of the later SUs', async () => {
    const row = onlyServer(await reportFor(e19));
    assert.deepEqual(exposedIds(row), sorted([...CU11_RTM_UP_TO_FEB26, ...LATER_SU_CVES]));
    const proxyNotShell = row.cves.find((cve) => cve.id === 'CVE-2022-41082');
    assert.equal(proxyNotShell?.knownExploited, true);
    assert.deepEqual(proxyNotShell?.fixedBy, ['CU11 15.2.986.36', 'CU12 15.2.1118.20']);
    assert.ok(row.cveCounts.knownExploitedOpen >= 3);
  });

  it('with --use ExSetup.xml=ExSetup1.xml is CU12 Feb23SU with a shorter list', async () => {
    const row = onlyServer(
      await reportFor(e19, BEFORE_END_OF_SUPPORT, [['ExSetup.xml', 'ExSetup1.xml']]),
    );
    assert.equal(row.build, '15.2.1118.25');
    assert.equal(row.cu, 'CU12');
    assert.equal(row.su, 'Feb23SU');
    assert.deepEqual(exposedIds(row), sorted([...CU12_FEB23SU_UP_TO_FEB26, ...LATER_SU_CVES]));
    assert.ok(row.notes.some((note) => /AdminDisplayVersion says Exchange 2019 CU11/.test(note)));
  });

  it('Extended Protection CVEs as HealthChecker: at risk on CU11 (Main), fixed or not on CU12 (Scenarios 2, 3)', async () => {
    const main = onlyServer(await reportFor(e19));
    assert.deepEqual(extendedProtectionStates(main), new Array(6).fill('exposed'));
    const relay = main.cves.find((cve) => cve.id === 'CVE-2024-21410');
    assert.equal(relay?.knownExploited, true);
    assert.match(relay?.reason ?? '', /predates Extended Protection support/);

    const cu12 = (applicationHost: string) =>
      reportFor(e19, BEFORE_END_OF_SUPPORT, [
        ['ExSetup.xml', 'ExSetup1.xml'],
        ['applicationHost.config', applicationHost],
      ]).then(onlyServer);
    // Scenario 2: HealthChecker finds no "Extended Protection Vulnerable".
    assert.deepEqual(
      extendedProtectionStates(await cu12('applicationHost1.config')),
      new Array(6).fill('fixed'),
    );
    // Scenario 3: "Extended Protection isn't configured as expected".
    const scenario3 = await cu12('applicationHost2.config');
    assert.deepEqual(extendedProtectionStates(scenario3), new Array(6).fill('exposed'));
    assert.match(
      scenario3.cves.find((cve) => cve.id === 'CVE-2022-24516')?.reason ?? '',
      /below its expected value/,
    );
  });

  it('says the SU activation is unknown: HealthChecker exports carry no installed-updates list', async () => {
    const row = onlyServer(await reportFor(e19));
    assert.equal(row.reboot.suActivation, 'not-applicable');
    assert.equal(row.rebootPending, false);
  });
});

describe('version report on HealthChecker corpus E16 (Exchange 2016 CU22 RTM)', () => {
  it('agrees with HealthChecker: CU22, out of date, the same 47 CVEs', async () => {
    const row = onlyServer(await reportFor(path.join(CORPUS_DIR, 'E16')));
    assert.equal(row.product, 'Exchange2016');
    assert.equal(row.cu, 'CU22');
    assert.equal(row.build, '15.1.2375.7');
    assert.equal(row.status, 'out-of-date');
    assert.deepEqual(exposedIds(row), sorted([...CU11_RTM_UP_TO_FEB26, ...LATER_SU_CVES]));
    // "Your Exchange server is at risk": CU22 RTM predates Extended Protection support.
    assert.deepEqual(extendedProtectionStates(row), new Array(6).fill('exposed'));
  });
});

describe('version report on the sample organisation', () => {
  const bundle = path.join(EXAMPLES_DIR, 'contoso', 'bundle');
  const contoso = async (): Promise<Map<string, ServerVersionRow>> => {
    const evidence = await loadEvidence([bundle], { use: new Map(), allowModified: false });
    const report = buildVersionReport(evidence, {
      asOf: evidence.collectedAt ?? '',
      asOfSource: 'collected-at',
    });
    return new Map(report.servers.map((row) => [row.name, row]));
  };

  it('tells the six states apart', async () => {
    const rows = await contoso();
    assert.equal(rows.get('EX01')?.status, 'supported');
    assert.equal(rows.get('EX01')?.suBehind, 0);
    assert.equal(rows.get('EX01')?.reboot.suActivation, 'active');

    assert.equal(rows.get('EX02')?.status, 'out-of-date');
    assert.equal(rows.get('EX02')?.suBehind, 1);
    assert.ok((rows.get('EX02')?.daysSinceMissingSu ?? -1) >= 0);
    assert.match(rows.get('EX02')?.nextStep ?? '', /^install the latest SU for RTM/);

    assert.equal(rows.get('EX03')?.cu, 'CU13');
    assert.equal(rows.get('EX03')?.endOfLife, true);

    assert.equal(rows.get('EX04')?.reboot.suActivation, 'restart-needed');
    assert.equal(rows.get('EX04')?.rebootPending, true);
    assert.match(rows.get('EX04')?.nextStep ?? '', /^restart the server/);
    assert.ok(rows.get('EX04')?.cves.some((cve) => cve.state === 'exposed'));

    assert.equal(rows.get('EDGE01')?.isEdgeServer, true);

    // A setting override scoped to EX02 switches off the fix of CVE-2025-33051; EX01 keeps it.
    const cookie = (name: string) =>
      rows.get(name)?.cves.find((cve) => cve.id === 'CVE-2025-33051');
    assert.equal(cookie('EX02')?.state, 'exposed');
    assert.match(cookie('EX02')?.reason ?? '', /disabled by override/);
    assert.equal(cookie('EX01')?.state, 'fixed');

    // The Emergency Mitigation Service applied M2 on EX03: known exploited, mitigated, not fixed.
    const owa = rows.get('EX03')?.cves.find((cve) => cve.id === 'CVE-2026-42897');
    assert.equal(owa?.state, 'mitigated');
    assert.equal(owa?.knownExploited, true);
    assert.deepEqual(owa?.mitigatedBy, ['M2']);

    const ex2013 = rows.get('EX2013');
    assert.equal(ex2013?.status, 'end-of-life');
    const later = ex2013?.cves.find((cve) => cve.id === 'CVE-2026-42897');
    assert.equal(later?.state, 'unknown');
    assert.equal(later?.unknownSince, '2023-04-11');
  });

  it('gives the same JSON twice (sorted, no clock)', async () => {
    const first = JSON.stringify([...(await contoso()).values()]);
    const second = JSON.stringify([...(await contoso()).values()]);
    assert.equal(first, second);
  });
});

describe('version report at CU precision', () => {
  it('a loose Get-ExchangeServer export alone gives the CU and unknown, not exposed, SU-level CVEs', async () => {
    const rows = await reportFor(path.join(CORPUS_DIR, 'E19', 'Exchange', 'GetExchangeServer.xml'));
    const row = onlyServer(rows);
    assert.equal(row.source, 'AdminDisplayVersion');
    assert.equal(row.precision, 'cu');
    assert.equal(row.build, null);
    assert.equal(row.suBehind, null);
    const ssrf = row.cves.find((cve) => cve.id === 'CVE-2022-41040');
    assert.equal(ssrf?.state, 'unknown');
    assert.ok(
      row.cves.every(
        (cve) => cve.state !== 'exposed' || cve.fixedBy.every((fix) => !fix.startsWith('CU11 ')),
      ),
    );
  });
});
