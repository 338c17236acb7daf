/**
 * The probe end to end against fake Exchange servers on loopback: what each check reads from
 * realistic answers, and that dead, slow and garbage targets end "not assessed" with the reason,
 * within the deadline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CertificateResult, ProbeReport, TargetResult } from '../../src/probe/model.js';
import { runProbe, type ProbeSettings } from '../../src/probe/run-probe.js';
import { parseTargets } from '../../src/probe/targets.js';
import { makeCertificates, startFakeExchange, type FakeServer, type Pem } from './fake-exchange.js';
import {
  closedPort,
  startFakeSmtp,
  startGarbage,
  startLegacyTls,
  startSilent,
} from './fake-tcp.js';

const SETTINGS: ProbeSettings = {
  vantage: 'internet',
  concurrency: 4,
  ratePerSecond: 1000,
  // Generous: the whole suite runs beside this on a shared machine; slow targets cost this once.
  timeoutMs: 3000,
  deadlineS: 20,
  toolVersion: 'test',
};

function target(report: ProbeReport, port: number): TargetResult {
  const found = report.targets.find((t) => t.target.port === port);
  assert.ok(found, `no result for port ${port}`);
  return found;
}

function certificateOf(result: TargetResult): CertificateResult {
  assert.ok(
    result.certificate !== undefined && !('reason' in result.certificate),
    JSON.stringify(result.certificate),
  );
  return result.certificate;
}

describe('exzt probe against fake Exchange servers on 127.0.0.1', () => {
  let certs: { valid: Pem; expired: Pem };
  const servers: Record<string, FakeServer> = {};
  let report: ProbeReport;
  let closed = 0;
  let started = 0;
  let elapsedMs = 0;

  before(async () => {
    certs = makeCertificates();
    servers.exchange = await startFakeExchange({
      pem: certs.valid,
      owaVersion: '15.02.1544.004',
      basic: true,
      hsts: 'max-age=31536000',
    });
    servers.expired = await startFakeExchange({ pem: certs.expired, restrictAdmin: true });
    servers.legacy = await startLegacyTls();
    servers.smtpTls = await startFakeSmtp({
      banner:
        'ex01.contoso.local Microsoft ESMTP MAIL Service ready at Thu, 3 Dec 2026 16:00:00 +0100',
      starttls: certs.valid,
      authAfterTls: ['NTLM', 'LOGIN'],
    });
    servers.smtpPlain = await startFakeSmtp({
      banner: 'mail ESMTP',
      authBeforeTls: ['LOGIN', 'PLAIN'],
    });
    servers.slow = await startSilent();
    servers.garbage = await startGarbage();
    closed = await closedPort();
    const specs = [
      `127.0.0.1:${servers.exchange.port}`,
      `127.0.0.1:${servers.expired.port}`,
      `127.0.0.1:${servers.legacy.port}`,
      `smtp://127.0.0.1:${servers.smtpTls.port}`,
      `smtp://127.0.0.1:${servers.smtpPlain.port}`,
      `127.0.0.1:${servers.slow.port}`,
      `smtp://127.0.0.1:${servers.slow.port}`,
      `127.0.0.1:${servers.garbage.port}`,
      `smtp://127.0.0.1:${servers.garbage.port}`,
      `127.0.0.1:${closed}`,
    ];
    started = Date.now();
    report = await runProbe(parseTargets(specs), SETTINGS);
    elapsedMs = Date.now() - started;
  });
  after(async () => {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  });

  it('reads every endpoint, each WWW-Authenticate header on its own, and OWA forms login', () => {
    const https = target(report, servers.exchange!.port).https;
    assert.ok(https);
    const byName = new Map(https.endpoints.map((e) => [e.endpoint, e]));
    assert.deepEqual(byName.get('ews')?.auth, ['Basic', 'NTLM', 'Negotiate']);
    assert.equal(byName.get('ews')?.challenges.length, 3);
    assert.deepEqual(byName.get('eas')?.auth, ['Basic']);
    assert.deepEqual(byName.get('owa')?.auth, ['forms']);
    assert.equal(byName.get('owa')?.redirect?.offHost, false);
    assert.equal(byName.get('powershell')?.status, 401);
    assert.equal(byName.get('autodiscover-json')?.status, 200);
  });

  it('reads the build: X-OWA-Version exactly (zero padding dropped), the manifest, the CU from the asset path', () => {
    const builds = target(report, servers.exchange!.port).https?.builds ?? [];
    assert.deepEqual(builds.map((b) => `${b.source}=${b.version}/${b.precision}`).sort(), [
      'ECP export tool manifest=15.2.1544.4/build',
      'OWA asset path=15.2.1544/cu',
      'X-OWA-Version=15.2.1544.4/build',
    ]);
  });

  it('decodes the NTLM challenge: NetBIOS and DNS names of domain and host, Windows build', () => {
    const ntlm = target(report, servers.exchange!.port).https?.ntlm;
    assert.deepEqual(ntlm, {
      endpoint: 'ews',
      netbiosDomain: 'CONTOSO',
      netbiosComputer: 'EX01',
      dnsDomain: 'contoso.local',
      dnsComputer: 'ex01.contoso.local',
      dnsForest: 'contoso.local',
      osVersion: '10.0.17763',
    });
  });

  it('sees IIS answering directly, and HSTS', () => {
    const https = target(report, servers.exchange!.port).https;
    assert.equal(https?.intermediary.verdict, 'direct-to-iis');
    assert.ok(https?.intermediary.signs.includes('x-feserver header'));
    assert.equal(https?.hsts, 'max-age=31536000');
  });

  it("reads Node's TLS server: 1.2 and 1.3 accepted, 1.0 and 1.1 refused, no weak suite", () => {
    const tls = target(report, servers.exchange!.port).tls;
    assert.deepEqual(
      tls?.versions.map((v) => `${v.version}:${v.accepted}`),
      ['TLS 1.0:false', 'TLS 1.1:false', 'TLS 1.2:true', 'TLS 1.3:true'],
    );
    assert.deepEqual(tls?.weakSuites, []);
  });

  it('finds TLS 1.0 with 3DES and RC4 on the legacy server, which Node itself cannot talk to', () => {
    const legacy = target(report, servers.legacy!.port);
    assert.equal(legacy.status, 'assessed');
    assert.ok(legacy.httpsReason);
    assert.deepEqual(
      legacy.tls?.versions.filter((v) => v.accepted).map((v) => v.version),
      ['TLS 1.0'],
    );
    assert.deepEqual(
      legacy.tls?.weakSuites.map((w) => w.suite),
      ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_RC4_128_SHA'],
    );
  });

  it('describes the certificates: valid and matching, and expired with its date', () => {
    const valid = certificateOf(target(report, servers.exchange!.port));
    assert.equal(valid.nameMatches, true);
    assert.equal(valid.keyBits, 2048);
    assert.equal(valid.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(valid.selfSigned, true);
    const expired = certificateOf(target(report, servers.expired!.port));
    assert.ok(Date.parse(expired.validTo) < Date.now());
    assert.equal(expired.nameMatches, false);
  });

  it('reads SMTP with STARTTLS: banner disclosure, TLS after STARTTLS, AUTH only after TLS', () => {
    const smtp = target(report, servers.smtpTls!.port);
    assert.equal(smtp.smtp?.starttls, true);
    assert.deepEqual(smtp.smtp?.authBeforeTls, []);
    assert.deepEqual(smtp.smtp?.authAfterTls, ['LOGIN', 'NTLM']);
    assert.deepEqual(smtp.smtp?.bannerDisclosure, [
      'host name ex01.contoso.local',
      'product Microsoft Exchange',
    ]);
    assert.equal(certificateOf(smtp).nameMatches, true);
    assert.deepEqual(
      smtp.tls?.versions.filter((v) => v.accepted).map((v) => v.version),
      ['TLS 1.2', 'TLS 1.3'],
    );
  });

  it('reads SMTP without STARTTLS and with AUTH LOGIN/PLAIN in clear', () => {
    const smtp = target(report, servers.smtpPlain!.port);
    assert.equal(smtp.smtp?.starttls, false);
    assert.deepEqual(smtp.smtp?.authBeforeTls, ['LOGIN', 'PLAIN']);
    assert.equal(smtp.tls, undefined);
  });

  it('ends slow, garbage and closed targets "not assessed" with the reason, within the deadline', () => {
    const reasons = report.targets
      .filter((t) => t.status === 'not-assessed')
      .map((t) => `${t.target.service}:${t.target.port}:${t.reason}`);
    assert.equal(reasons.length, 5, reasons.join('\n'));
    assert.match(
      reasons.find((r) => r.startsWith(`https:${servers.slow!.port}`)) ?? '',
      /no answer within 3000 ms/,
    );
    assert.match(
      reasons.find((r) => r.startsWith(`smtp:${servers.slow!.port}`)) ?? '',
      /no answer within 3000 ms/,
    );
    assert.match(reasons.find((r) => r.startsWith(`https:${closed}`)) ?? '', /ECONNREFUSED/);
    assert.match(
      reasons.find((r) => r.startsWith(`https:${servers.garbage!.port}`)) ?? '',
      /not a TLS answer/,
    );
    assert.match(
      reasons.find((r) => r.startsWith(`smtp:${servers.garbage!.port}`)) ?? '',
      /not an SMTP reply/,
    );
    assert.ok(elapsedMs < SETTINGS.deadlineS * 1000, `${elapsedMs} ms`);
    assert.equal(report.deadlineReached, false);
  });

  it('records what was sent to whom, and stays within the concurrency bound', () => {
    const exchange = target(report, servers.exchange!.port);
    assert.equal(exchange.sent.requests, servers.exchange!.requests.length);
    assert.deepEqual(exchange.addresses, ['127.0.0.1']);
    for (const server of Object.values(servers))
      assert.ok(server.peaks.requests <= SETTINGS.concurrency);
  });
});

describe('exzt probe under a deadline', () => {
  it('ends every slow target by the deadline plus one timeout, the unstarted ones "not assessed"', async () => {
    const slow = await Promise.all(Array.from({ length: 8 }, () => startSilent()));
    try {
      const started = Date.now();
      const report = await runProbe(parseTargets(slow.map((s) => `127.0.0.1:${s.port}`)), {
        ...SETTINGS,
        concurrency: 2,
        timeoutMs: 700,
        deadlineS: 1,
      });
      const elapsedMs = Date.now() - started;
      assert.ok(elapsedMs < 1000 + 700 + 1500, `${elapsedMs} ms`);
      assert.equal(report.deadlineReached, true);
      assert.ok(report.targets.every((t) => t.status === 'not-assessed'));
      const reasons = new Set(report.targets.map((t) => t.reason?.replace(/\d+ ms/, 'N ms')));
      assert.deepEqual([...reasons].sort(), [
        'no answer within N ms',
        'the run deadline was reached before this check started',
      ]);
    } finally {
      await Promise.all(slow.map((s) => s.close()));
    }
  });
});
