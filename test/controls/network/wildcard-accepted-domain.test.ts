import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wildcardAcceptedDomain } from '../../../src/controls/network/wildcard-accepted-domain.js';
import {
  importAcceptedDomains,
  type AcceptedDomain,
} from '../../../src/evidence/importers/accepted-domains.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue } from './corpus.js';

const run = (domains: Awaited<ReturnType<typeof e19>>) =>
  onlyResult(
    runControl(wildcardAcceptedDomain, { organization: { 'exchange.accepted-domains': domains } }),
  );
const e19 = (file: string) => corpusValue(`E19/Exchange/${file}`, importAcceptedDomains);

describe('EXZT.NET.2 no wildcard accepted domain (open relay)', () => {
  it('passes on E19 GetAcceptedDomain.xml, where HealthChecker finds no "*" domain', async () => {
    const result = run(await e19('GetAcceptedDomain.xml'));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /none of 3 accepted domain/);
  });

  it('fails on GetAcceptedDomain_Bad.xml: "*" ExternalRelay, HealthChecker\'s open relay error', async () => {
    const result = run(await e19('GetAcceptedDomain_Bad.xml'));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.object, 'Bad Accepted Domain');
    assert.match(result.findings[0]?.message ?? '', /\(ExternalRelay\) makes an open relay$/);
  });

  it('fails on GetAcceptedDomain_Problem.xml and adds the InternalRelay transport-crash error', async () => {
    const result = run(await e19('GetAcceptedDomain_Problem.xml'));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /InternalRelay may crash transport/);
  });

  it('does not take "*.com" for the catch-all domain', () => {
    const result = run([{ name: 'Wild', domainName: '*.com', domainType: 'InternalRelay' }]);
    assert.equal(result.outcome, 'pass');
  });

  it('is not assessed when Get-AcceptedDomain failed (HealthChecker: unknown)', () => {
    const results = runControl(wildcardAcceptedDomain, {
      organization: {
        'exchange.accepted-domains': factState<AcceptedDomain[]>(
          'collection-failed',
          undefined,
          'denied',
        ),
      },
    });
    assert.equal(onlyResult(results).outcome, 'not-assessed');
    assert.deepEqual(onlyResult(results).missing, [
      'organization:exchange.accepted-domains (collection failed)',
    ]);
  });
});
