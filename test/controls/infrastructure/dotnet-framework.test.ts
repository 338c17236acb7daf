import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validatedDotNetFramework } from '../../../src/controls/infrastructure/dotnet-framework.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer, serverOnBuild } from './fixtures.js';

const WINDOWS_2019 = {
  caption: 'Microsoft Windows Server 2019 Standard',
  version: '10.0.17763',
  buildNumber: '17763',
};

function run(extra: Record<string, unknown>, base = seServer()) {
  const server = { ...base.servers.EX01, ...extra };
  return onlyResult(runControl(validatedDotNetFramework, { servers: { EX01: server } }));
}

describe('EXZT.INF.15 .NET Framework validated for the CU', () => {
  it('passes on Exchange SE with .NET 4.8.1 (Release 533320) on Windows Server 2022', () => {
    const result = run({ 'os.dotnet-release': { release: 533320 } });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, '.NET 4.8.1 (Release 533320); RTM is validated with 4.8.1');
  });

  it('fails on Exchange SE with .NET 4.8 on Windows Server 2022: older than validated', () => {
    const result = run({ 'os.dotnet-release': { release: 528449 } });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, '.NET Framework is older than the validated version');
  });

  it('passes on Exchange SE with .NET 4.8 on Windows Server 2019, where 4.8.1 is not offered', () => {
    const result = run({
      'os.dotnet-release': { release: 528049 },
      'os.operating-system': WINDOWS_2019,
    });
    assert.equal(result.outcome, 'pass');
  });

  it('fails on Exchange 2019 CU11 with 4.8.1: newer than validated (HealthChecker warns too)', () => {
    const result = run({ 'os.dotnet-release': { release: 533320 } }, serverOnBuild('15.2.986.5'));
    assert.equal(result.outcome, 'fail');
    assert.match(result.message, /newer than/);
  });

  it('falls back to the System.Data.dll version of the 4.8 family', () => {
    const files = [{ file: 'System.Data.dll', fileVersion: '4.8.9032.0' }];
    const result = run({ 'os.dotnet-file-versions': files });
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /System\.Data\.dll 4\.8\.9032\.0/);
  });

  it('is not assessed with neither the Release value nor a 4.8-family DLL, naming both', () => {
    const result = run({
      'os.dotnet-file-versions': [{ file: 'System.Data.dll', fileVersion: '4.7.3062.0' }],
    });
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['os.dotnet-release', 'os.dotnet-file-versions (4.8 family)']);
  });
});
