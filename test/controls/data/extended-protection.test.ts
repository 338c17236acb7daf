import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extendedProtection } from '../../../src/controls/data/extended-protection.js';
import type { ApplicationHostConfig } from '../../../src/evidence/importers/application-host.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusApplicationHost, exchangeServer } from './corpus.js';

// ExSetup.xml (E19 CU11 RTM) and ExSetup1.xml (E19 CU12 Feb23SU) of the corpus.
const E19_CU11 = '15.2.986.5';
const E19_CU12_FEB23 = '15.2.1118.25';

const run = (
  build: string,
  config: ApplicationHostConfig | ReturnType<typeof factState>,
  policy = {},
) =>
  onlyResult(
    runControl(
      extendedProtection,
      {
        servers: {
          EX01: exchangeServer(build, { 'iis.application-host': config as ApplicationHostConfig }),
        },
      },
      { policy },
    ),
  );
const corpus = (file: string) => corpusApplicationHost(file);

describe('EXZT.DAT.7 Extended Protection on every virtual directory', () => {
  it('HealthChecker Scenario 2 (applicationHost1.config, CU12 Feb23SU): not vulnerable', () => {
    const result = run(E19_CU12_FEB23, corpus('E19/Exchange/IIS/applicationHost1.config'));
    assert.equal(result.outcome, 'pass');
  });

  it('HealthChecker Main (applicationHost.config, CU11): "at risk, install the latest SU and enable EP"', () => {
    const result = run(E19_CU11, corpus('E19/Exchange/IIS/applicationHost.config'));
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.message,
      'the server is at risk: install the latest SU and enable Extended Protection',
    );
  });

  it('HealthChecker Scenario 1 (applicationHost1.config, CU11): configured but not supported by the build', () => {
    const result = run(E19_CU11, corpus('E19/Exchange/IIS/applicationHost1.config'));
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.message,
      'Extended Protection is configured, but this build does not support it',
    );
  });

  it("HealthChecker Scenario 3 (applicationHost2.config, CU12 Feb23SU): isn't configured as expected", () => {
    const result = run(E19_CU12_FEB23, corpus('E19/Exchange/IIS/applicationHost2.config'));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, "Extended Protection isn't configured as expected");
    // Default Web Site/OAB at Require is above the expected Allow (HealthChecker's Yellow), still secure.
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [['Exchange Back End/Powershell', 'tokenChecking None, expected Require']],
    );
  });

  it('Shared data: E19 configured passes, not configured fails, IP filter on back-end EWS counts as secure', () => {
    assert.equal(
      run(E19_CU12_FEB23, corpus('Shared/ExtendedProtection/E19_Configured_ApplicationHost.config'))
        .outcome,
      'pass',
    );
    const notConfigured = run(
      E19_CU12_FEB23,
      corpus('Shared/ExtendedProtection/E19_NotConfigured_ApplicationHost.config'),
    );
    assert.equal(notConfigured.outcome, 'fail');
    assert.equal(notConfigured.message, 'Extended Protection is not configured');
    assert.equal(
      run(
        E19_CU12_FEB23,
        corpus('Shared/ExtendedProtection/E19_Configured_IPFilter_ApplicationHost.config'),
      ).outcome,
      'pass',
    );
  });

  it('is not applicable when the policy does not require it', () => {
    const result = run(E19_CU11, corpus('E19/Exchange/IIS/applicationHost.config'), {
      data: { requireExtendedProtection: false },
    });
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without applicationHost.config', () => {
    const result = run(E19_CU12_FEB23, factState('not-collected'));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['iis.application-host (not collected)']);
  });

  it("HealthChecker's last case: every directory right, but LSA SuppressExtendedProtection switches it off", () => {
    const withLsa = (suppressExtendedProtection: number | null) =>
      onlyResult(
        runControl(extendedProtection, {
          servers: {
            EX01: exchangeServer(E19_CU12_FEB23, {
              'iis.application-host': corpus(
                'Shared/ExtendedProtection/E19_Configured_ApplicationHost.config',
              ),
              'os.lsa-settings': { lmCompatibilityLevel: 5, suppressExtendedProtection },
            }),
          },
        }),
      );
    const suppressed = withLsa(1);
    assert.equal(suppressed.outcome, 'fail');
    assert.equal(
      suppressed.message,
      'Extended Protection is switched off by the LSA value SuppressExtendedProtection',
    );
    assert.equal(
      suppressed.findings[0]?.object,
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\SuppressExtendedProtection',
    );
    assert.equal(withLsa(null).outcome, 'pass');
    assert.equal(withLsa(0).outcome, 'pass');
  });
});
