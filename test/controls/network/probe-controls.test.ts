/**
 * The Network controls fed by `exzt probe` (EXZT.NET.11 to EXZT.NET.18), on probe observations
 * written in the test: each passes on a hardened answer, fails on the exposure it exists for, and
 * says "not assessed" or "not applicable" where the probe could not see or did not need to.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { probeAdminExposure } from '../../../src/controls/network/probe-admin-exposure.js';
import { probeBasicAuth } from '../../../src/controls/network/probe-basic-auth.js';
import { probeCertificate } from '../../../src/controls/network/probe-certificate.js';
import { probeDisclosure } from '../../../src/controls/network/probe-disclosure.js';
import { probeRemoteBuild } from '../../../src/controls/network/probe-remote-build.js';
import { probeSmtp } from '../../../src/controls/network/probe-smtp.js';
import { probeTls } from '../../../src/controls/network/probe-tls.js';
import { probeUnpatchedDirect } from '../../../src/controls/network/probe-unpatched-direct.js';
import type { Control } from '../../../src/controls/model.js';
import type { ProbeObservation } from '../../../src/evidence/kinds/probe-kinds.js';
import type { CertificateResult, EndpointResult, HttpsResult } from '../../../src/probe/model.js';
import { onlyResult, runControl, type EvidenceSpec } from '../../helpers/control-harness.js';

// Exchange SE RTM Nov26SU: the newest build the knowledge base knows at TEST_AS_OF.
const CURRENT = '15.2.2562.57';
// Exchange 2019 CU14 Mar24SU: past support and many SUs behind at TEST_AS_OF.
const OLD = '15.2.1544.4';

function endpoint(name: string, status: number, auth: EndpointResult['auth'] = []): EndpointResult {
  return {
    endpoint: name,
    path: `/${name}`,
    reachable: true,
    status,
    auth,
    challenges: auth.map((scheme) => ({
      scheme: scheme === 'forms' ? 'other' : scheme,
      raw: String(scheme),
    })),
  };
}

const CERTIFICATE: CertificateResult = {
  subject: 'CN=mail.contoso.com',
  issuer: 'CN=Contoso Issuing CA',
  subjectAltNames: ['DNS:mail.contoso.com'],
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  checkedName: 'mail.contoso.com',
  nameMatches: true,
  chainError: null,
  selfSigned: false,
  keyType: 'rsa',
  keyBits: 2048,
  signatureAlgorithm: 'sha256WithRSAEncryption',
  fingerprint256: 'AA:BB',
};

function https(overrides: Partial<HttpsResult> = {}): HttpsResult {
  return {
    endpoints: [
      endpoint('owa', 302, ['forms']),
      endpoint('ecp', 403),
      endpoint('powershell', 403),
      endpoint('ews', 401, ['NTLM', 'Negotiate']),
    ],
    builds: [{ version: CURRENT, precision: 'build', source: 'X-OWA-Version', path: '/owa/' }],
    intermediary: { verdict: 'intermediary', signs: ['Server: BIG-IP (owa)'] },
    hsts: 'max-age=31536000',
    headers: {},
    ...overrides,
  };
}

function observation(overrides: Partial<ProbeObservation> = {}): ProbeObservation {
  return {
    target: { spec: 'mail.contoso.com', host: 'mail.contoso.com', port: 443, service: 'https' },
    addresses: ['203.0.113.10'],
    status: 'assessed',
    https: https(),
    tls: {
      versions: [
        { version: 'TLS 1.0', accepted: false },
        { version: 'TLS 1.1', accepted: false },
        { version: 'TLS 1.2', accepted: true, suite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' },
        { version: 'TLS 1.3', accepted: true, suite: 'TLS_AES_128_GCM_SHA256' },
      ],
      weakSuites: [],
      handshakes: 4,
    },
    certificate: CERTIFICATE,
    sent: { requests: 13, connections: 18 },
    vantage: 'internet',
    probedAt: '2026-11-30T08:00:00.000Z',
    ...overrides,
  };
}

function smtpObservation(
  smtp: Partial<NonNullable<ProbeObservation['smtp']>> = {},
): ProbeObservation {
  const rest = observation({
    target: { spec: 'mail.contoso.com', host: 'mail.contoso.com', port: 25, service: 'smtp' },
  });
  delete rest.https;
  return {
    ...rest,
    smtp: {
      banner: 'mail.contoso.com Microsoft ESMTP MAIL Service ready',
      bannerDisclosure: ['host name mail.contoso.com', 'product Microsoft Exchange'],
      ehlo: ['STARTTLS'],
      starttls: true,
      authBeforeTls: [],
      authAfterTls: ['LOGIN', 'NTLM'],
      ...smtp,
    },
  };
}

const run = (
  control: Control,
  https: ProbeObservation[],
  smtp?: ProbeObservation[],
  extra: EvidenceSpec = {},
) =>
  onlyResult(
    runControl(control, {
      ...extra,
      organization: { 'probe.https': https, ...(smtp === undefined ? {} : { 'probe.smtp': smtp }) },
    }),
  );

describe('EXZT.NET.11 admin endpoints do not answer the probe from outside the admin networks', () => {
  it('passes when /ecp and /powershell answer 403 to the internet', () => {
    assert.equal(run(probeAdminExposure, [observation()]).outcome, 'pass');
  });

  it('fails when /ecp redirects to the OWA forms login for the internet', () => {
    const open = observation({
      https: https({
        endpoints: [endpoint('ecp', 302, ['forms']), endpoint('powershell', 401, ['Negotiate'])],
      }),
    });
    const result = run(probeAdminExposure, [open]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'ecp (/ecp) answers 302 from internet',
        'powershell (/powershell) answers 401 from internet',
      ],
    );
  });

  it('is not applicable from the admin network, and not assessed without a vantage', () => {
    assert.equal(
      run(probeAdminExposure, [observation({ vantage: 'admin' })]).outcome,
      'not-applicable',
    );
    assert.equal(
      run(probeAdminExposure, [observation({ vantage: 'unspecified' })]).outcome,
      'not-assessed',
    );
  });

  it('is not assessed when no target answered', () => {
    const dead = observation({ status: 'not-assessed', reason: 'ECONNREFUSED' });
    delete dead.https;
    const result = run(probeAdminExposure, [dead]);
    assert.equal(result.outcome, 'not-assessed');
    assert.match(result.message, /ECONNREFUSED/);
  });
});

describe('EXZT.NET.12 no endpoint offers Basic', () => {
  it('passes on forms, NTLM and Negotiate only', () => {
    assert.equal(run(probeBasicAuth, [observation()]).outcome, 'pass');
  });

  it('fails when ActiveSync offers Basic', () => {
    const result = run(probeBasicAuth, [
      observation({ https: https({ endpoints: [endpoint('eas', 401, ['Basic'])] }) }),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /^eas \(\/eas\) offers Basic from internet$/);
  });
});

describe('EXZT.NET.13 no TLS below the minimum and no weak suite', () => {
  it('passes on TLS 1.2 and 1.3 only', () => {
    assert.equal(run(probeTls, [observation()]).outcome, 'pass');
  });

  it('fails on TLS 1.0 with 3DES, on HTTPS and after STARTTLS alike', () => {
    const legacy = observation({
      tls: {
        versions: [{ version: 'TLS 1.0', accepted: true, suite: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' }],
        weakSuites: [{ version: 'TLS 1.0', suite: 'TLS_RSA_WITH_3DES_EDE_CBC_SHA' }],
        handshakes: 6,
      },
    });
    const smtp = { ...smtpObservation(), tls: legacy.tls };
    const result = run(probeTls, [legacy], [smtp]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 4);
    assert.ok(
      result.findings.some(
        (f) =>
          f.object === 'smtp://mail.contoso.com:25' &&
          /weak suite TLS_RSA_WITH_3DES_EDE_CBC_SHA/.test(f.message),
      ),
    );
  });

  it('is not assessed when no TLS check got an answer', () => {
    assert.equal(
      run(probeTls, [
        observation({
          tls: {
            versions: [{ version: 'TLS 1.2', accepted: false, reason: 'timeout' }],
            weakSuites: [],
            handshakes: 1,
          },
        }),
      ]).outcome,
      'not-assessed',
    );
  });
});

describe('EXZT.NET.14 the build seen from the network is current and agrees with the servers', () => {
  it(`passes on ${CURRENT} (Exchange SE RTM Nov26SU)`, () => {
    assert.equal(run(probeRemoteBuild, [observation()]).outcome, 'pass');
  });

  it(`fails on ${OLD} (Exchange 2019 CU14, past support)`, () => {
    const result = run(probeRemoteBuild, [
      observation({
        https: https({
          builds: [{ version: OLD, precision: 'build', source: 'X-OWA-Version', path: '/owa/' }],
        }),
      }),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /X-OWA-Version shows 15\.2\.1544\.4 \(Exchange 2019 CU14/,
    );
  });

  it('fails when the servers report another build than the front end shows', () => {
    const result = run(probeRemoteBuild, [observation()], undefined, {
      servers: { EX01: { 'exchange.setup-version': { fileVersion: '15.2.2562.37' } } },
    });
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /shows 15\.2\.2562\.57 but the server evidence says EX01 15\.2\.2562\.37/,
    );
  });

  it('is not assessed when only the CU is visible (asset path)', () => {
    const result = run(probeRemoteBuild, [
      observation({
        https: https({
          builds: [
            {
              version: '15.2.2562',
              precision: 'cu',
              source: 'OWA asset path',
              path: '/owa/auth/logon.aspx',
            },
          ],
        }),
      }),
    ]);
    assert.equal(result.outcome, 'not-assessed');
  });
});

describe('EXZT.NET.15 anonymous answers disclose no internal names', () => {
  it('passes without NTLM names and with a banner naming only the product', () => {
    assert.equal(
      run(
        probeDisclosure,
        [observation()],
        [smtpObservation({ bannerDisclosure: ['product Microsoft Exchange'] })],
      ).outcome,
      'pass',
    );
  });

  it('fails on an NTLM challenge naming the domain and an SMTP banner naming the host', () => {
    const ntlm = { endpoint: 'ews', netbiosDomain: 'CONTOSO', dnsComputer: 'ex01.contoso.local' };
    const result = run(
      probeDisclosure,
      [observation({ https: https({ ntlm }) })],
      [smtpObservation()],
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'NTLM on ews discloses netbiosDomain CONTOSO, dnsComputer ex01.contoso.local to internet',
        'SMTP banner discloses host name mail.contoso.com to internet',
      ],
    );
  });
});

describe('EXZT.NET.16 certificates are current, trusted, matching and strong', () => {
  it('passes on a trusted, matching RSA 2048 SHA-256 certificate', () => {
    assert.equal(run(probeCertificate, [observation()]).outcome, 'pass');
  });

  it('fails on an expired, self-signed certificate for another name', () => {
    const bad = {
      ...CERTIFICATE,
      validTo: '2026-06-01T00:00:00.000Z',
      chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      nameMatches: false,
      signatureAlgorithm: 'sha1WithRSAEncryption',
    };
    const result = run(probeCertificate, [observation({ certificate: bad })]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 4);
    assert.match(result.findings[0]?.message ?? '', /expired on 2026-06-01/);
  });
});

describe('EXZT.NET.17 no unpatched build answers from outside without an intermediary', () => {
  const direct = { verdict: 'direct-to-iis' as const, signs: ['x-feserver header'] };
  it('fails on Exchange 2019 CU14 answering the internet straight from IIS', () => {
    const result = run(probeUnpatchedDirect, [
      observation({
        https: https({
          intermediary: direct,
          builds: [{ version: OLD, precision: 'build', source: 'X-OWA-Version', path: '/owa/' }],
        }),
      }),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /Exchange 2019 CU14 .*answers internet directly from IIS \(x-feserver header\)/,
    );
  });

  it('passes on the same old build behind an intermediary, and on a current build direct', () => {
    const behindProxy = observation({
      https: https({
        builds: [{ version: OLD, precision: 'build', source: 'X-OWA-Version', path: '/owa/' }],
      }),
    });
    assert.equal(run(probeUnpatchedDirect, [behindProxy]).outcome, 'pass');
    assert.equal(
      run(probeUnpatchedDirect, [observation({ https: https({ intermediary: direct }) })]).outcome,
      'pass',
    );
  });

  it('is not applicable from the admin network', () => {
    assert.equal(
      run(probeUnpatchedDirect, [observation({ vantage: 'admin' })]).outcome,
      'not-applicable',
    );
  });
});

describe('EXZT.NET.18 SMTP offers STARTTLS and no password AUTH before TLS', () => {
  it('passes on Exchange stock behaviour: STARTTLS, LOGIN only after TLS', () => {
    assert.equal(run(probeSmtp, [], [smtpObservation()]).outcome, 'pass');
  });

  it('fails without STARTTLS and with AUTH LOGIN PLAIN in clear', () => {
    const result = run(
      probeSmtp,
      [],
      [smtpObservation({ starttls: false, authBeforeTls: ['LOGIN', 'NTLM', 'PLAIN'] })],
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'STARTTLS is not offered: mail crosses the network in clear',
        'AUTH LOGIN PLAIN offered before TLS',
      ],
    );
  });
});
