/**
 * EXZT.IDN.8 and EXZT.IDN.9 on E19's organisation exports. HealthChecker does not check
 * OAuth2ClientProfileEnabled (§2.6); for the dedicated hybrid application it reports E19
 * (hybrid configured, no ExchangeOnpremAsThirdPartyAppId override) in yellow, which EXZT.IDN.9
 * reproduces as a failing "should" control.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dedicatedHybridApp } from '../../../src/controls/identity/dedicated-hybrid-app.js';
import { hybridModernAuth } from '../../../src/controls/identity/hybrid-modern-auth.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { importHybridConfiguration } from '../../../src/evidence/importers/hybrid-configuration.js';
import { importPartnerApplications } from '../../../src/evidence/importers/oauth-applications.js';
import { importOrganizationConfig } from '../../../src/evidence/importers/organization-config.js';
import { importSettingOverrides } from '../../../src/evidence/importers/setting-overrides.js';
import { onlyResult, runControl, type KindValues } from '../../helpers/control-harness.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const E19 = path.join(CORPUS_DIR, 'E19', 'Exchange');
const read = (file: string) => readCliXmlFile(path.join(E19, file));
const evoSts = (extra = {}) => ({
  name: 'EvoSts - 1',
  enabled: true,
  type: 'AzureAD',
  applicationIdentifier: '5f1c9a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f',
  domainNames: [],
  ...extra,
});

async function e19Organization(overridesFile = 'GetSettingOverride.xml'): Promise<KindValues> {
  return {
    'exchange.organization-config': importOrganizationConfig(
      await read('GetOrganizationConfig.xml'),
    ).value,
    'exchange.hybrid-configuration': importHybridConfiguration(
      await read('GetHybridConfiguration.xml'),
    ).value,
    'exchange.partner-applications': importPartnerApplications(
      await read('GetPartnerApplication.xml'),
    ).value,
    'exchange.setting-overrides': importSettingOverrides(await read(overridesFile)).value,
  };
}

describe('EXZT.IDN.8 hybrid modern authentication', () => {
  it('fails on E19, whose OAuth2ClientProfileEnabled is off', async () => {
    const result = onlyResult(
      runControl(hybridModernAuth, { organization: await e19Organization() }),
    );
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /OAuth2ClientProfileEnabled is off/);
  });

  it('passes with OAuth for clients and an enabled evoSTS auth server', () => {
    const organization: KindValues = {
      'exchange.organization-config': { name: 'Contoso', oauth2ClientProfileEnabled: true },
      'exchange.auth-servers': [evoSts()],
    };
    assert.equal(onlyResult(runControl(hybridModernAuth, { organization })).outcome, 'pass');
  });

  it('fails when the only evoSTS auth server is disabled', () => {
    const organization: KindValues = {
      'exchange.organization-config': { name: 'Contoso', oauth2ClientProfileEnabled: true },
      'exchange.auth-servers': [evoSts({ enabled: false })],
    };
    const result = onlyResult(runControl(hybridModernAuth, { organization }));
    assert.equal(result.outcome, 'fail');
  });

  it('is not assessed when OAuth is on but the auth servers were not collected', () => {
    const organization: KindValues = {
      'exchange.organization-config': { name: 'Contoso', oauth2ClientProfileEnabled: true },
    };
    const result = onlyResult(runControl(hybridModernAuth, { organization }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.auth-servers (not collected)']);
  });

  it('is not applicable when the policy does not require modern authentication', async () => {
    const result = onlyResult(
      runControl(
        hybridModernAuth,
        { organization: await e19Organization() },
        {
          policy: { identity: { requireModernAuth: false } },
        },
      ),
    );
    assert.equal(result.outcome, 'not-applicable');
  });
});

describe('EXZT.IDN.9 dedicated Exchange hybrid application', () => {
  it('fails on E19 without the override, where HealthChecker warns to configure the dedicated app', async () => {
    const result = onlyResult(
      runControl(dedicatedHybridApp, { organization: await e19Organization() }),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.verdict, 'warn');
    assert.match(result.message, /no Global\/ExchangeOnpremAsThirdPartyAppId override/);
  });

  it('passes on E19 with GetSettingOverride2.xml and an evoSTS server carrying the app id', async () => {
    const organization = {
      ...(await e19Organization('GetSettingOverride2.xml')),
      'exchange.auth-servers': [evoSts()],
    };
    assert.equal(onlyResult(runControl(dedicatedHybridApp, { organization })).outcome, 'pass');
  });

  it('fails with the override but no valid auth server, as HealthChecker reports in red', async () => {
    const organization = {
      ...(await e19Organization('GetSettingOverride2.xml')),
      'exchange.auth-servers': [],
    };
    const result = onlyResult(runControl(dedicatedHybridApp, { organization }));
    assert.equal(result.outcome, 'fail');
    assert.match(result.message, /no enabled AzureAD auth server/);
  });

  it('is not assessed with the override when the auth servers were not collected', async () => {
    const result = onlyResult(
      runControl(dedicatedHybridApp, {
        organization: await e19Organization('GetSettingOverride2.xml'),
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
  });

  it('is not applicable to an organisation that is not hybrid', async () => {
    const organization = {
      ...(await e19Organization()),
      'exchange.hybrid-configuration': { configured: false, domains: [], features: [] },
      'exchange.partner-applications': [],
    };
    assert.equal(
      onlyResult(runControl(dedicatedHybridApp, { organization })).outcome,
      'not-applicable',
    );
  });
});
