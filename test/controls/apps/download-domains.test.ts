import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { downloadDomains } from '../../../src/controls/apps/download-domains.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import {
  importOrganizationConfig,
  type OrganizationConfig,
} from '../../../src/evidence/importers/organization-config.js';
import {
  importVirtualDirectories,
  type VirtualDirectory,
} from '../../../src/evidence/importers/virtual-directories.js';
import { CORPUS_DIR } from '../../helpers/paths.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';

const E19 = path.join(CORPUS_DIR, 'E19', 'Exchange');
const organization = async (file: string) =>
  importOrganizationConfig(await readCliXmlFile(path.join(E19, file))).value;
const owa = async (file: string) =>
  importVirtualDirectories(await readCliXmlFile(path.join(E19, file))).value;
const run = (config: OrganizationConfig, directories: VirtualDirectory[], build = '15.2.1544.4') =>
  onlyResult(
    runControl(downloadDomains, {
      organization: { 'exchange.organization-config': config },
      servers: {
        EX01: {
          'exchange.setup-version': { fileVersion: build },
          'exchange.owa-virtual-directory': directories,
        },
      },
    }),
  );

describe('EXZT.APP.5 OWA uses Download Domains (CVE-2021-1730), as HealthChecker decides', () => {
  it('E19 GetOrganizationConfig.xml: feature off, HealthChecker Red', async () => {
    const result = run(
      await organization('GetOrganizationConfig.xml'),
      await owa('GetOwaVirtualDirectory.xml'),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'EnableDownloadDomains is off');
  });

  it('E19 …1.xml with GetOwaVirtualDirectory.xml: on but not configured, HealthChecker Red', async () => {
    const result = run(
      await organization('GetOrganizationConfig1.xml'),
      await owa('GetOwaVirtualDirectory.xml'),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['InternalDownloadHostName is not configured', 'ExternalDownloadHostName is not configured'],
    );
  });

  it('E19 …1.xml with GetOwaVirtualDirectory1.xml: set to the OWA host name, HealthChecker Red', async () => {
    const result = run(
      await organization('GetOrganizationConfig1.xml'),
      await owa('GetOwaVirtualDirectory1.xml'),
    );
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /set to the OWA host name solo-e19a\.solo\.com/,
    );
  });

  it('E19 …1.xml with GetOwaVirtualDirectory2.xml: external set, internal empty, HealthChecker Red', async () => {
    const result = run(
      await organization('GetOrganizationConfig1.xml'),
      await owa('GetOwaVirtualDirectory2.xml'),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['InternalDownloadHostName is not configured'],
    );
  });

  it('passes with the feature on and separate host names (HealthChecker "Set Correctly.")', async () => {
    const [directory] = await owa('GetOwaVirtualDirectory2.xml');
    const fixed = {
      ...(directory as VirtualDirectory),
      internalDownloadHostName: 'download.solo.com',
    };
    const result = run(await organization('GetOrganizationConfig1.xml'), [fixed]);
    assert.equal(result.outcome, 'pass');
  });

  it('is not applicable on a build before Exchange 2019 CU7', async () => {
    const result = run(await organization('GetOrganizationConfig.xml'), [], '15.2.529.5');
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without the OWA directories', () => {
    const result = onlyResult(
      runControl(downloadDomains, {
        organization: { 'exchange.organization-config': { name: 'Solo' } },
        servers: { EX01: { 'exchange.owa-virtual-directory': factState('collection-failed') } },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.owa-virtual-directory (collection failed)']);
  });
});
