import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG_GATED_CVES,
  allProducts,
  buildOf,
  buildsNamed,
  compareVersions,
  identifyBuild,
  latestSecurityUpdate,
  parseExchangeVersion,
} from '../../src/knowledge/index.js';

// Assertions of microsoft/CSS-Exchange Shared/Tests/Get-ExchangeBuildVersionInformation.Tests.ps1
// (reference exchange-builds.md §1.6).
test('AdminDisplayVersion and file versions parse to the same build', () => {
  assert.deepEqual(parseExchangeVersion('Version 15.2 (Build 986.5)'), {
    major: 15,
    minor: 2,
    build: 986,
    revision: 5,
  });
  assert.deepEqual(parseExchangeVersion('15.02.0986.005'), parseExchangeVersion('15.2.986.5'));
  assert.equal(parseExchangeVersion('Version 15.2'), undefined);
  assert.equal(parseExchangeVersion('not a build'), undefined);
});

const identified: [string, string, string, string, boolean][] = [
  ['Version 15.2 (Build 986.5)', 'Exchange 2019 CU11', 'CU11', '2021-09-28', false],
  ['15.2.1118.15', 'Exchange 2019 CU12 Oct22SU', 'CU12', '2022-04-20', false],
  ['15.02.0922.013', 'Exchange 2019 CU10 Jul21SU', 'CU10', '2021-06-29', false],
  ['15.2.1748.43', 'Exchange 2019 CU15 Feb26SU', 'CU15', '2025-02-10', true],
  ['15.2.2562.46', 'Exchange SE RTM Aug26SU', 'RTM', '2025-07-01', true],
];
for (const [input, friendlyName, cu, cuReleaseDate, supported] of identified) {
  test(`identifies ${input} as ${friendlyName}`, () => {
    const identity = identifyBuild(input);
    assert.equal(identity?.friendlyName, friendlyName);
    assert.equal(identity?.cu.name, cu);
    assert.equal(identity?.cuReleaseDate, cuReleaseDate);
    assert.equal(identity?.cuSupported, supported);
    assert.equal(identity?.unknownBuild, false);
  });
}

test('a build newer than anything known says so rather than passing for the latest SU', () => {
  const identity = identifyBuild('15.2.2562.99');
  assert.equal(identity?.friendlyName, 'Exchange SE RTM');
  assert.equal(identity?.unknownBuild, true);
  assert.equal(identity?.newerThanKnown, true);
  assert.equal(identifyBuild('15.2.1544.40')?.newerThanKnown, false);
  assert.equal(identifyBuild('14.3.513.0'), undefined);
});

test('CU builds whose first SU has the same number are named after the SU, as HealthChecker does', () => {
  assert.equal(identifyBuild('15.0.1473.3')?.friendlyName, 'Exchange 2013 CU22 Feb19SU');
});

test('RTM builds are called RTM (HealthChecker says CU1 for Exchange 2013/2016)', () => {
  assert.equal(identifyBuild('15.1.225.42')?.friendlyName, 'Exchange 2016 RTM');
});

test('buildOf resolves product, CU and update names', () => {
  assert.equal(buildOf('Exchange2013', 'CU23'), '15.0.1497.2');
  assert.equal(buildOf('Exchange2013', 'CU23', 'Jan23SU'), '15.0.1497.45');
  assert.equal(buildOf('Exchange2016', 'CU22'), '15.1.2375.7');
  assert.equal(buildOf('Exchange2019', 'CU12'), '15.2.1118.7');
  assert.equal(buildOf('Exchange2019', 'CU23'), undefined);
  assert.equal(buildOf('Exchange2019', 'CU14', 'Feb26SU'), '15.2.1544.39');
  // Deliberate deviation: HealthChecker returns the CU build for an SU the CU never got.
  assert.equal(buildOf('Exchange2016', 'CU22', 'Jan23SU'), undefined);
});

test('five builds carry Nov22SU', () => {
  const carriers = allProducts().flatMap((entry) => buildsNamed(entry.product, 'Nov22SU'));
  assert.deepEqual(
    carriers.map((carrier) => `${carrier.cu.product} ${carrier.cu.name}`),
    [
      'Exchange2013 CU23',
      'Exchange2016 CU22',
      'Exchange2016 CU23',
      'Exchange2019 CU11',
      'Exchange2019 CU12',
    ],
  );
});

test('latest SU per supported CU, including the updates after Feb 2026', () => {
  assert.deepEqual(latestSecurityUpdate('Exchange2019', 'CU14'), {
    name: 'Oct26SU',
    build: '15.2.1544.50',
    releaseDate: '2026-10-13',
  });
  assert.equal(latestSecurityUpdate('Exchange2016', 'CU23')?.build, '15.1.2507.77');
  assert.equal(latestSecurityUpdate('ExchangeSE', 'RTM')?.name, 'Nov26SU');
  assert.equal(latestSecurityUpdate('Exchange2019', 'CU13')?.name, 'Nov24SUv2');
  assert.equal(latestSecurityUpdate('Exchange2016', 'CU1'), undefined);
});

// "Latest SU Results" invariants of the same test file.
test('the newest CUs of SE and Exchange 2019, and Exchange 2016 CU23, are supported; CU13 is not', () => {
  assert.equal(identifyBuild(buildOf('ExchangeSE', 'RTM') ?? '')?.cuSupported, true);
  assert.equal(identifyBuild(buildOf('Exchange2019', 'CU15') ?? '')?.cuSupported, true);
  assert.equal(identifyBuild(buildOf('Exchange2019', 'CU14') ?? '')?.cuSupported, true);
  assert.equal(identifyBuild(buildOf('Exchange2016', 'CU23') ?? '')?.cuSupported, true);
  assert.equal(
    identifyBuild(buildOf('Exchange2019', 'CU13', 'Nov24SUv2') ?? '')?.cuSupported,
    false,
  );
});

test('data integrity: builds belong to their CU and increase strictly', () => {
  for (const product of allProducts()) {
    const prefix = {
      Exchange2013: '15.0.',
      Exchange2016: '15.1.',
      Exchange2019: '15.2.',
      ExchangeSE: '15.2.',
    };
    for (const [index, cu] of product.cus.entries()) {
      assert.ok(cu.build.startsWith(prefix[product.product]), `${cu.build} in ${product.product}`);
      const next = product.cus[index + 1];
      if (next !== undefined) assert.ok(compareVersions(cu.version, next.version) < 0, cu.build);
      for (const [position, update] of cu.updates.entries()) {
        assert.equal(update.version.build, cu.version.build, `${update.name} ${update.build}`);
        assert.ok(compareVersions(update.version, cu.version) >= 0, update.build);
        const later = cu.updates[position + 1];
        if (later !== undefined) {
          assert.ok(compareVersions(update.version, later.version) < 0, `${update.build} order`);
        }
        assert.match(update.name, /^[A-Z][a-z]{2}\d{2}(SU|HU)(v\d)?$/);
      }
    }
  }
});

test('data integrity: every config-gated CVE names the override parameters that switch it off', () => {
  for (const entry of CONFIG_GATED_CVES) {
    assert.ok(entry.overrides.length >= 1, `${entry.cve} has no override`);
    for (const gate of entry.overrides) {
      for (const part of [gate.component, gate.section, gate.parameter]) {
        assert.match(part, /^[A-Za-z0-9]+$/, `${entry.cve}: '${part}'`);
      }
      const text = `${gate.component} / ${gate.section} / ${gate.parameter}`;
      assert.ok(entry.setting.includes(text), `${entry.cve}: setting text lacks ${text}`);
    }
  }
});
