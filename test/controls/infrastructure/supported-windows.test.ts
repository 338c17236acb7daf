import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { supportedWindowsServer } from '../../../src/controls/infrastructure/supported-windows.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

const WINDOWS_2012_R2 = {
  caption: 'Microsoft Windows Server 2012 R2 Standard',
  version: '6.3.9600',
  buildNumber: '9600',
};
const WINDOWS_2016 = { caption: 'Microsoft Windows Server 2016 Datacenter', version: '10.0.14393' };

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
    assert.equal(result.message, 'Windows Server 2022: extended support until 2031-10-14');
  });

  it('fails on Windows Server 2012 R2, past its extended end', () => {
    const result = run(WINDOWS_2012_R2);
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]?.message,
      'Windows Server 2012 R2 ended extended support on 2023-10-10',
    );
  });

  it('passes on Windows Server 2016 until 2027-01-12 and fails the day after', () => {
    assert.equal(run(WINDOWS_2016, '2027-01-12T12:00:00Z').outcome, 'pass');
    assert.equal(run(WINDOWS_2016, '2027-01-13T00:00:00Z').outcome, 'fail');
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
