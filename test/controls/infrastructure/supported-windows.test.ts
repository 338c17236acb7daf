import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { supportedWindowsServer } from '../../../src/controls/infrastructure/supported-windows.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { MAILBOX_SERVER, seServer } from './fixtures.js';

const WINDOWS_2012_R2 = {
  caption: 'Microsoft Windows Server 2012 R2 Standard',
  version: '6.3.9600',
  buildNumber: '9600',
};
const WINDOWS_2016 = { caption: 'Microsoft Windows Server 2016 Datacenter', version: '10.0.14393' };

const WINDOWS_2019 = { caption: 'Microsoft Windows Server 2019 Standard', version: '10.0.17763' };
const WINDOWS_2022 = { caption: 'Microsoft Windows Server 2022 Standard', version: '10.0.20348' };

/** An Exchange server on `build` running on `os`. */
const onBuild = (build: string, os: object, asOf = '2026-11-30T00:00:00Z') =>
  onlyResult(
    runControl(
      supportedWindowsServer,
      {
        servers: {
          EX01: {
            'exchange.server': MAILBOX_SERVER,
            'exchange.setup-version': { fileVersion: build },
            'os.operating-system': os,
          },
        },
      },
      { asOf },
    ),
  );

const run = (os: object, asOf?: string) =>
  onlyResult(
    runControl(
      supportedWindowsServer,
      seServer({ 'os.operating-system': os }),
      asOf === undefined ? {} : { asOf },
    ),
  );

describe('EXZT.INF.5 supported Windows Server', () => {
  it('passes on Windows Server 2022, in extended support since 2026-10-13', () => {
    const result = run({
      caption: 'Microsoft Windows Server 2022 Standard',
      version: '10.0.20348',
    });
    assert.equal(result.outcome, 'pass');
    assert.equal(
      result.message,
      'Windows Server 2022: extended support until 2031-10-14, supported by Exchange Server SE RTM',
    );
  });

  it('fails on Windows Server 2012 R2, past its extended end', () => {
    const result = run(WINDOWS_2012_R2);
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]?.message,
      'Windows Server 2012 R2 ended extended support on 2023-10-10',
    );
  });

  it('passes on Windows Server 2016 until 2027-01-12 and fails the day after (Exchange 2016 CU23)', () => {
    assert.equal(onBuild('15.1.2507.77', WINDOWS_2016, '2027-01-12T12:00:00Z').outcome, 'pass');
    assert.equal(onBuild('15.1.2507.77', WINDOWS_2016, '2027-01-13T00:00:00Z').outcome, 'fail');
  });

  it('fails a Windows release the Exchange version does not support, naming the CU that would', () => {
    const e2016 = onBuild('15.1.2507.77', WINDOWS_2019);
    assert.equal(e2016.outcome, 'fail');
    assert.equal(
      e2016.message,
      'Windows Server 2019 is not supported by the Exchange version it runs',
    );
    assert.deepEqual(
      e2016.findings.map((f) => [f.object, f.message]),
      [['Exchange 2016 CU23', 'Exchange 2016 does not support Windows Server 2019']],
    );
    // Exchange 2019 supports Windows Server 2022 from CU12 on.
    const cu11 = onBuild('15.2.986.5', WINDOWS_2022);
    assert.equal(cu11.outcome, 'fail');
    assert.equal(
      cu11.findings[0]?.message,
      'Windows Server 2022 needs Exchange 2019 CU12 or later',
    );
    assert.equal(onBuild('15.2.1118.25', WINDOWS_2022).outcome, 'pass');
    // Exchange Server SE does not run on Windows Server 2016; a lifecycle end adds its own finding.
    assert.deepEqual(
      run(WINDOWS_2012_R2).findings.map((f) => f.message),
      [
        'Windows Server 2012 R2 ended extended support on 2023-10-10',
        'Exchange Server SE does not support Windows Server 2012 R2',
      ],
    );
  });

  it('is not assessed on a Windows build it does not know', () => {
    const result = run({ caption: 'Microsoft Windows Server Insider', version: '10.0.99999' });
    assert.equal(result.outcome, 'not-assessed');
    assert.match(result.message, /not recognised \(Microsoft Windows Server Insider\)/);
  });

  it('is not assessed without Win32_OperatingSystem', () => {
    const spec = seServer({ 'os.operating-system': factState('not-collected') });
    const result = onlyResult(runControl(supportedWindowsServer, spec));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['os.operating-system (not collected)']);
  });
});
