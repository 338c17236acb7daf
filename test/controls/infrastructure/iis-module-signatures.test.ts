import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iisModulesSignedByMicrosoft } from '../../../src/controls/infrastructure/iis-module-signatures.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { MAILBOX_SERVER, seServer } from './fixtures.js';

const WINDOWS_SIGNER =
  'CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';
const LOGGING = {
  name: 'HttpLoggingModule',
  path: 'C:\\Windows\\System32\\inetsrv\\loghttp.dll',
  signed: true,
  signer: WINDOWS_SIGNER,
  signatureStatus: 'Valid',
  isMicrosoftSigned: true,
};

function run(modules: object[], server: object = MAILBOX_SERVER) {
  const spec = seServer({ 'exchange.server': server, 'exchange.iis-modules': { modules } });
  return onlyResult(runControl(iisModulesSignedByMicrosoft, spec));
}

describe('EXZT.INF.12 IIS modules signed by Microsoft', () => {
  it('passes when every module carries a valid Microsoft signature', () => {
    const result = run([LOGGING]);
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, 'all 1 IIS global modules are signed by Microsoft');
  });

  it('fails on an unsigned module, naming it and its path', () => {
    const result = run([
      LOGGING,
      { name: 'OwaAuthHelper', path: 'C:\\inetpub\\bin\\owaauth.dll', signed: false },
    ]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      [result.findings[0]?.object, result.findings[0]?.message, result.findings[0]?.value],
      ['OwaAuthHelper', 'not signed', 'C:\\inetpub\\bin\\owaauth.dll'],
    );
  });

  it('fails on a third-party signer and on a broken signature', () => {
    const result = run([
      {
        ...LOGGING,
        name: 'Vendor',
        signer: 'CN=Vendor Ltd, O=Vendor Ltd',
        isMicrosoftSigned: false,
      },
      { ...LOGGING, name: 'Tampered', signatureStatus: 'HashMismatch' },
    ]);
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['signed by CN=Vendor Ltd, O=Vendor Ltd', 'signature HashMismatch'],
    );
  });

  it('is not applicable on Edge Transport, which HealthChecker skips', () => {
    const result = run([LOGGING], { ...MAILBOX_SERVER, serverRoles: ['Edge'], isEdgeServer: true });
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without the module export', () => {
    const spec = seServer({ 'exchange.iis-modules': factState('collection-failed') });
    const result = onlyResult(runControl(iisModulesSignedByMicrosoft, spec));
    assert.equal(result.outcome, 'not-assessed');
  });
});
