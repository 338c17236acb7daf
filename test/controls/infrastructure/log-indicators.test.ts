import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logIndicators } from '../../../src/controls/infrastructure/log-indicators.js';
import type { LogIndicators } from '../../../src/evidence/kinds/log-kinds.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const SOURCE = {
  file: 'W3SVC1/u_ex210305.log',
  format: 'iis' as const,
  lines: 1200,
  bytes: 300_000,
  oldest: '2021-03-01T00:00:05.000Z',
  newest: '2021-03-05T23:59:58.000Z',
};
const WEBSHELL_LINE =
  '2021-03-05 03:06:27 xxx GET /owa/auth/RedirSuiteServerProxy.aspx &CorrelationID=<empty>; 443 - 139.162.202.236';

function indicators(count: number): LogIndicators {
  const finding = {
    hunt: 'unshipped-aspx',
    file: SOURCE.file,
    line: 5,
    time: '2021-03-05T03:06:27.000Z',
    clientIp: '139.162.202.236',
    user: null,
    status: '200',
    text: WEBSHELL_LINE,
  };
  return {
    hunts: [
      {
        hunt: 'unshipped-aspx',
        title: 'web shell',
        cves: [],
        count,
        findings: count > 0 ? [finding] : [],
      },
    ],
    sources: [SOURCE],
    badLines: 0,
    window: { since: null, until: null },
  };
}

const run = (value: LogIndicators) =>
  onlyResult(runControl(logIndicators, { organization: { 'logs.indicators': value } }));

describe('EXZT.INF.19 no compromise indicators in the logs', () => {
  it('passes when every hunt found nothing, naming the period the logs cover', () => {
    const result = run(indicators(0));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /logs cover 2021-03-01T00:00:05.000Z to 2021-03-05T23:59:58.000Z/);
  });

  it('fails on a web-shell request, with file:line and the matched line as the value', () => {
    const result = run(indicators(3));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.object, 'W3SVC1/u_ex210305.log:5');
    assert.equal(result.findings[0]?.value, WEBSHELL_LINE);
    assert.match(result.message, /^3 compromise indicators in the logs \(unshipped-aspx 3\)/);
  });

  it('says which hunts could not read a log that does not record the fields they need', () => {
    const value = indicators(0);
    value.sources = [{ ...SOURCE, missingFields: ['cs-method', 'sc-status'] }];
    const result = run(value);
    assert.equal(result.outcome, 'pass');
    assert.match(
      result.message,
      /proxylogon-static-post not covered: 1 log\(s\) without the field\(s\) cs-method, sc-status \(W3SVC1\/u_ex210305\.log\)/,
    );
    assert.match(
      result.message,
      /owassrf not covered: 1 log\(s\) without the field\(s\) cs-method, sc-status/,
    );
    assert.doesNotMatch(result.message, /unshipped-aspx not covered/);
    assert.doesNotMatch(run(indicators(0)).message, /not covered/);
  });

  it('refuses waivers and is not assessed without a log scan', () => {
    assert.equal(logIndicators.waivable, false);
    assert.equal(logIndicators.severity, 'critical');
    const result = onlyResult(runControl(logIndicators, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
