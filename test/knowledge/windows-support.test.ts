/**
 * The Exchange ↔ Windows Server supportability rows: every row names a source the data file
 * cites and a Windows release the lifecycle knows, each product has at least one row, and the
 * CU thresholds read as the matrix says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import lifecycleData from '../../src/knowledge/data/windows-lifecycle.json' with { type: 'json' };
import {
  EXCHANGE_WINDOWS_SUPPORT,
  WINDOWS_SERVER_RELEASES,
  exchangeSupportsWindows,
} from '../../src/knowledge/windows-lifecycle.js';

test('every supportability row cites a source and a known Windows release', () => {
  const sources = Object.keys(lifecycleData.exchangeSupportSources);
  const builds = new Set(WINDOWS_SERVER_RELEASES.map((release) => release.build));
  for (const row of EXCHANGE_WINDOWS_SUPPORT) {
    assert.ok(sources.includes(row.source), `${row.product} ${row.build}: ${row.source}`);
    assert.ok(builds.has(row.build), `${row.product}: build ${row.build}`);
  }
  for (const product of ['Exchange2013', 'Exchange2016', 'Exchange2019', 'ExchangeSE']) {
    assert.ok(
      EXCHANGE_WINDOWS_SUPPORT.some((row) => row.product === product),
      product,
    );
  }
});

test('CU thresholds: Exchange 2016 on 2016 from CU3, Exchange 2019 on 2022 from CU12, on 2025 from CU14', () => {
  assert.deepEqual(exchangeSupportsWindows('Exchange2016', 'CU2', 14393).needsCu, 'CU3');
  assert.equal(exchangeSupportsWindows('Exchange2016', 'CU3', 14393).supported, true);
  assert.equal(exchangeSupportsWindows('Exchange2016', 'CU23', 17763).supported, false);
  assert.deepEqual(exchangeSupportsWindows('Exchange2019', 'CU11', 20348).needsCu, 'CU12');
  assert.equal(exchangeSupportsWindows('Exchange2019', 'CU12', 20348).supported, true);
  assert.deepEqual(exchangeSupportsWindows('Exchange2019', 'CU13', 26100).needsCu, 'CU14');
  assert.equal(exchangeSupportsWindows('Exchange2019', 'CU15', 26100).supported, true);
  assert.equal(exchangeSupportsWindows('ExchangeSE', 'RTM', 26100).supported, true);
  assert.equal(exchangeSupportsWindows('ExchangeSE', 'RTM', 14393).supported, false);
  assert.equal(exchangeSupportsWindows('Exchange2013', 'CU23', 9600).supported, true);
  assert.equal(exchangeSupportsWindows('Exchange2013', 'CU23', 14393).supported, false);
});
