import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aes256CbcContent } from '../../../src/controls/data/aes256-cbc-content.js';
import { serializedDataSigning } from '../../../src/controls/data/serialized-data-signing.js';
import type { IrmConfiguration } from '../../../src/evidence/importers/irm-configuration.js';
import type { RegistryAccessRule } from '../../../src/evidence/importers/msipc-server-acl.js';
import {
  importSettingOverrides,
  type SettingOverride,
} from '../../../src/evidence/importers/setting-overrides.js';
import { buildOf } from '../../../src/knowledge/index.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue, exchangeServer } from './corpus.js';

const E19_CU11 = '15.2.986.5';
const E19_CU12_FEB23 = '15.2.1118.25';
const E19_CU14_LATER = buildOf('Exchange2019', 'CU14', 'Nov24SU') ?? '';

const runSigning = (build: string, overrides: SettingOverride[], policy = {}) =>
  onlyResult(
    runControl(
      serializedDataSigning,
      {
        servers: { EX01: exchangeServer(build) },
        organization: { 'exchange.setting-overrides': overrides },
      },
      { policy },
    ),
  );

describe('EXZT.DAT.8 serialized data signing', () => {
  it('HealthChecker E19 Main (CU11): Unsupported Version', () => {
    const result = runSigning(
      E19_CU11,
      corpusValue('E19/Exchange/GetSettingOverride.xml', importSettingOverrides),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, 'Unsupported Version');
  });

  it('HealthChecker E19 Physical (CU12 Feb23SU, no signing override): False', () => {
    const result = runSigning(
      E19_CU12_FEB23,
      corpusValue('E19/Exchange/GetSettingOverride.xml', importSettingOverrides),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, 'serialized data signing is off');
  });

  it('HealthChecker Scenario 2 (CU12 Feb23SU, GetSettingOverride1.xml turns it on): True', () => {
    const result = runSigning(
      E19_CU12_FEB23,
      corpusValue('E19/Exchange/GetSettingOverride1.xml', importSettingOverrides),
    );
    assert.equal(result.outcome, 'pass');
  });

  it('is on by default from Nov23SU, and off again when an override says Enabled=false', () => {
    assert.equal(runSigning(E19_CU14_LATER, []).outcome, 'pass');
    const off: SettingOverride = {
      name: 'off',
      component: 'Data',
      section: 'EnableSerializationDataSigning',
      parameters: [{ name: 'Enabled', value: 'False' }],
      servers: [],
      status: 'Accepted',
    };
    assert.equal(runSigning(E19_CU14_LATER, [off]).outcome, 'fail');
    assert.equal(
      runSigning(E19_CU14_LATER, [
        off,
        { ...off, name: 'on', parameters: [{ name: 'Enabled', value: 'True' }] },
      ]).message,
      'serialized data signing is unknown',
    );
  });

  it('is not applicable when the policy does not require it, not assessed without overrides', () => {
    assert.equal(
      runSigning(E19_CU11, [], { data: { requireSerializedDataSigning: false } }).outcome,
      'not-applicable',
    );
    const result = onlyResult(
      runControl(serializedDataSigning, {
        servers: { EX01: exchangeServer(E19_CU14_LATER) },
        organization: {},
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
  });
});

const IRM_OFF: IrmConfiguration = {
  internalLicensingEnabled: false,
  externalLicensingEnabled: false,
  azureRmsLicensingEnabled: false,
};
const IRM_ON: IrmConfiguration = { ...IRM_OFF, internalLicensingEnabled: true };
const GOOD_RULE: RegistryAccessRule = {
  sid: 'S-1-5-20',
  registryRights: 'FullControl',
  accessControlType: 'Allow',
  inheritanceFlags: 'ContainerInherit, ObjectInherit',
};
const runAes = (build: string, irm: IrmConfiguration, acl?: RegistryAccessRule[]) =>
  onlyResult(
    runControl(aes256CbcContent, {
      servers: {
        EX01: exchangeServer(build, acl === undefined ? {} : { 'os.msipc-server-acl': acl }),
      },
      organization: { 'exchange.irm-configuration': irm },
    }),
  );

describe('EXZT.DAT.9 AES256-CBC protected content', () => {
  it('HealthChecker E19 Main (CU11): Not Supported Build', () => {
    const result = runAes(E19_CU11, IRM_OFF);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, 'Not Supported Build');
  });

  it('passes on a supported build with IRM licensing off, or with the MSIPC ACL right', () => {
    assert.equal(runAes(E19_CU14_LATER, IRM_OFF).outcome, 'pass');
    assert.equal(runAes(E19_CU14_LATER, IRM_ON, [GOOD_RULE]).outcome, 'pass');
  });

  it('fails with IRM on and NETWORK SERVICE without inherited full control', () => {
    const result = runAes(E19_CU14_LATER, IRM_ON, [{ ...GOOD_RULE, inheritanceFlags: 'None' }]);
    assert.equal(result.outcome, 'fail');
  });

  it('is not assessed with IRM on and no ACL export', () => {
    const result = runAes(E19_CU14_LATER, IRM_ON);
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['os.msipc-server-acl']);
  });
});
