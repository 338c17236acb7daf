import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authCertificate } from '../../../src/controls/data/auth-certificate.js';
import { certificateStrength } from '../../../src/controls/data/certificate-strength.js';
import { importAuthConfig } from '../../../src/evidence/importers/auth-config.js';
import {
  importExchangeCertificates,
  type ExchangeCertificate,
} from '../../../src/evidence/importers/exchange-certificates.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue, exchangeServer } from './corpus.js';

const certificate = (overrides: Partial<ExchangeCertificate> = {}): ExchangeCertificate => ({
  thumbprint: 'AB'.repeat(20),
  subject: 'CN=mail.contoso.com',
  issuer: 'CN=Contoso Issuing CA',
  dnsNames: ['mail.contoso.com'],
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2027-06-01T00:00:00.000Z',
  signatureAlgorithmOid: '1.2.840.113549.1.1.11',
  signatureHash: 'sha256',
  keyType: 'rsa',
  keyBits: 2048,
  selfSigned: false,
  ...overrides,
});
const runStrength = (certificates: ExchangeCertificate[], options = {}) =>
  onlyResult(
    runControl(
      certificateStrength,
      { servers: { EX01: { 'exchange.certificates': certificates } } },
      options,
    ),
  );

describe('EXZT.DAT.5 certificates in date, SHA-2, large enough keys', () => {
  it('passes a SHA-256, 2048-bit certificate valid for months', () => {
    assert.equal(runStrength([certificate()]).outcome, 'pass');
  });

  it('fails an expiring SHA-1 1024-bit certificate, one finding per weakness', () => {
    const weak = certificate({
      notAfter: '2026-12-10T00:00:00.000Z',
      signatureHash: 'sha1',
      keyBits: 1024,
    });
    const result = runStrength([weak]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['expires in 9 day(s)', 'signed with SHA1', '1024-bit RSA key, under 2048'],
    );
  });

  it('allows SHA-1 when the policy does, and ignores an ECC key size', () => {
    const sha1Ecc = certificate({ signatureHash: 'sha1', keyType: 'ec', keyBits: undefined });
    assert.equal(
      runStrength([sha1Ecc], { policy: { data: { allowSha1Certificates: true } } }).outcome,
      'pass',
    );
  });

  it('on E19 (as of the test date): the Exchange-made certificates expired and SHA-1 signed (HealthChecker: Red expiry, Yellow weak hash), WMSvc clean', () => {
    const result = runStrength(
      corpusValue('E19/Exchange/GetExchangeCertificate.xml', importExchangeCertificates),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.filter((f) => /^expired/.test(f.message)).length, 2);
    assert.equal(result.findings.filter((f) => f.message === 'signed with SHA1').length, 2);
    assert.ok(result.findings.every((f) => !/WMSvc/.test(f.object ?? '')));
  });

  it('is not applicable when only skipped Windows certificates are present, not assessed without the export', () => {
    const p2p = certificate({ subject: 'CN=MS-Organization-P2P-Access [2026]' });
    assert.equal(runStrength([p2p]).outcome, 'not-applicable');
    const failed = {
      'exchange.certificates': factState<ExchangeCertificate[]>('collection-failed'),
    };
    assert.equal(
      onlyResult(runControl(certificateStrength, { servers: { EX01: failed } })).outcome,
      'not-assessed',
    );
  });
});

const e19Auth = () => corpusValue('E19/Exchange/GetAuthConfig.xml', importAuthConfig);
const e19Certificates = () =>
  corpusValue('E19/Exchange/GetExchangeCertificate.xml', importExchangeCertificates);
const runAuth = (asOf: string, certificates = e19Certificates(), auth = e19Auth()) =>
  onlyResult(
    runControl(
      authCertificate,
      {
        servers: { EX01: exchangeServer('15.2.986.5', { 'exchange.certificates': certificates }) },
        organization: { 'exchange.auth-config': auth },
      },
      { asOf },
    ),
  );

describe('EXZT.DAT.6 the Auth certificate is on the server and valid', () => {
  it('passes on E19 while the Auth certificate was valid (HealthChecker: Green)', () => {
    const result = runAuth('2022-06-01T00:00:00Z');
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /C3EDCF18.* until 2024-11-06/);
  });

  it('fails on E19 after 2024-11-06: OAuth certificate expired (HealthChecker: Red)', () => {
    const result = runAuth('2026-11-30T09:00:00Z');
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, 'the Auth certificate expired on 2024-11-06');
  });

  it('fails when the current Auth certificate is not on this server, or none is configured', () => {
    const missing = runAuth('2022-06-01T00:00:00Z', e19Certificates().slice(1));
    assert.equal(missing.outcome, 'fail');
    assert.equal(missing.message, 'the current Auth certificate is not on this server');
    assert.equal(runAuth('2022-06-01T00:00:00Z', e19Certificates(), {}).outcome, 'fail');
  });

  it('is not assessed without Get-AuthConfig', () => {
    const result = onlyResult(
      runControl(authCertificate, {
        servers: { EX01: exchangeServer('15.2.986.5', { 'exchange.certificates': [] }) },
        organization: {},
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['organization:exchange.auth-config (not collected)']);
  });
});
