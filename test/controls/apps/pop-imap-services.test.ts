import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { popImapServices } from '../../../src/controls/apps/pop-imap-services.js';
import type { WindowsServiceEntry } from '../../../src/evidence/importers/windows-services.js';
import { onlyResult, runControl, type RunOptions } from '../../helpers/control-harness.js';

const service = (name: string, status: string, startType: string): WindowsServiceEntry => ({
  name,
  status,
  startType,
});
const run = (services: WindowsServiceEntry[], options?: RunOptions) =>
  onlyResult(
    runControl(popImapServices, { servers: { EX01: { 'os.services': services } } }, options),
  );

describe('EXZT.APP.1 POP3 and IMAP4 services are stopped and disabled', () => {
  it('passes when all four are stopped and disabled', () => {
    const names = ['MSExchangePop3', 'MSExchangePOP3BE', 'MSExchangeImap4', 'MSExchangeIMAP4BE'];
    const result = run([
      ...names.map((n) => service(n, 'Stopped', 'Disabled')),
      service('W3SVC', 'Running', 'Automatic'),
    ]);
    assert.equal(result.outcome, 'pass');
  });

  it('fails a running service and a stopped one that starts automatically', () => {
    const result = run([
      service('MSExchangeImap4', 'Running', 'Automatic'),
      service('MSExchangePop3', 'Stopped', 'Manual'),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      [
        'MSExchangeImap4: Running, start type Automatic',
        'MSExchangePop3: Stopped, start type Manual',
      ],
    );
  });

  it('is not applicable when the policy allows legacy protocols', () => {
    const options = { policy: { apps: { legacyProtocols: 'allow' as const } } };
    assert.equal(
      run([service('MSExchangeImap4', 'Running', 'Automatic')], options).outcome,
      'not-applicable',
    );
  });

  it('is not assessed without Get-Service', () => {
    const result = onlyResult(runControl(popImapServices, { servers: { EX01: {} } }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['os.services (not collected)']);
  });
});
