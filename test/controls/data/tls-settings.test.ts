import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dotNetStrongCrypto } from '../../../src/controls/data/dotnet-strong-crypto.js';
import { tlsProtocols } from '../../../src/controls/data/tls-protocols.js';
import {
  importTlsSettings,
  type TlsSettings,
} from '../../../src/evidence/importers/tls-settings.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue } from './corpus.js';
import { MAILBOX_SERVER, SE_LATEST_BUILD } from '../infrastructure/fixtures.js';

const on = { enabled: 1, disabledByDefault: 0 };
const off = { enabled: 0, disabledByDefault: 1 };
const strongDotNet = (version: string) => ({
  version,
  systemDefaultTlsVersions: 1,
  schUseStrongCrypto: 1,
  wowSystemDefaultTlsVersions: 1,
  wowSchUseStrongCrypto: 1,
});
const HARDENED: TlsSettings = {
  protocols: [
    { version: '1.0', server: off, client: off },
    { version: '1.1', server: off, client: off },
    { version: '1.2', server: on, client: on },
    { version: '1.3', server: {}, client: {} },
  ],
  dotNet: [strongDotNet('v4.0.30319'), strongDotNet('v2.0.50727')],
};

const run = (
  control: typeof tlsProtocols,
  settings: TlsSettings | ReturnType<typeof factState>,
  policy = {},
) =>
  onlyResult(
    runControl(
      control,
      { servers: { EX01: { 'os.tls-settings': settings as TlsSettings } } },
      { policy },
    ),
  );
const withProtocol = (version: string, server: object, client: object): TlsSettings => ({
  ...HARDENED,
  protocols: HARDENED.protocols.map((p) =>
    p.version === version ? { version, server, client } : p,
  ),
});

describe('EXZT.DAT.1 TLS versions below the minimum disabled', () => {
  it('passes with TLS 1.0/1.1 off on both sides and TLS 1.2 on', () => {
    const result = run(tlsProtocols, HARDENED);
    assert.equal(result.outcome, 'pass');
  });

  it('fails when TLS 1.0 is enabled on the server side only (Misconfigured)', () => {
    const result = run(tlsProtocols, withProtocol('1.0', on, off));
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [['TLS 1.0', 'Misconfigured: server and client keys disagree']],
    );
  });

  it('fails when TLS 1.1 is on by default (values absent)', () => {
    const result = run(tlsProtocols, withProtocol('1.1', {}, {}));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /enabled, below the minimum TLS 1.2/);
    assert.match(result.findings[1]?.message ?? '', /values not set.*Server Enabled/);
  });

  it('fails when the policy asks for TLS 1.3 and TLS 1.2 is still on', () => {
    const result = run(tlsProtocols, HARDENED, { data: { minimumTls: '1.3' } });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['TLS 1.2', 'TLS 1.3'],
    );
  });

  /** TLS 1.3 on both sides, on `build` and a Windows of `windowsBuild`. */
  const tls13On = (build: string, windowsBuild: string) =>
    onlyResult(
      runControl(tlsProtocols, {
        servers: {
          EX01: {
            'os.tls-settings': withProtocol('1.3', on, on),
            'exchange.server': MAILBOX_SERVER,
            'exchange.setup-version': { fileVersion: build },
            'os.operating-system': { caption: 'Windows Server', buildNumber: windowsBuild },
          },
        },
      }),
    );

  it('fails TLS 1.3 enabled where Windows or Exchange cannot use it, as HealthChecker (Red)', () => {
    // Exchange 2019 CU15 on Windows Server 2019: the OS is too old.
    assert.deepEqual(
      tls13On('15.2.1748.10', '17763').findings.map((f) => `${f.object}: ${f.message}`),
      [
        'TLS 1.3: enabled where it is not supported: Windows build 17763 is older than Windows Server 2022',
      ],
    );
    // Exchange 2019 CU14 on Windows Server 2022: Exchange is too old.
    assert.deepEqual(
      tls13On('15.2.1544.4', '20348').findings.map((f) => f.message),
      [
        'enabled where it is not supported: Exchange 2019 CU14 predates TLS 1.3 support in Exchange (2019 CU15 and SE)',
      ],
    );
    // Exchange SE and 2019 CU15 on Windows Server 2022 may use it.
    assert.equal(tls13On(SE_LATEST_BUILD, '20348').outcome, 'pass');
    assert.equal(tls13On('15.2.1748.10', '20348').outcome, 'pass');
  });

  it('reproduces HealthChecker on E19: TLS 1.0–1.2 as expected (Green)', () => {
    const result = run(
      tlsProtocols,
      corpusValue('E19/OS/GetAllTlsSettings.xml', importTlsSettings),
    );
    assert.equal(result.outcome, 'pass');
  });

  it('E19 GetAllTlsSettings1.xml: TLS 1.0 Misconfigured as HealthChecker says; TLS 1.1 disabled by its raw values', () => {
    const result = run(
      tlsProtocols,
      corpusValue('E19/OS/GetAllTlsSettings1.xml', importTlsSettings),
    );
    assert.equal(result.outcome, 'fail');
    // HealthChecker's stored verdict calls TLS 1.1 Misconfigured; its registry values are all "off".
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['TLS 1.0'],
    );
  });

  it('reproduces HealthChecker on E16: TLS 1.0 and 1.1 enabled, values undefined', () => {
    const result = run(
      tlsProtocols,
      corpusValue('E16/OS/GetAllTlsSettings.xml', importTlsSettings),
    );
    assert.equal(result.outcome, 'fail');
    assert.ok(
      result.findings.some((f) => f.object === 'TLS 1.0' && /enabled, below/.test(f.message)),
    );
  });

  it('is not assessed when the TLS export failed', () => {
    const result = run(tlsProtocols, factState('collection-failed', undefined, 'access denied'));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['os.tls-settings (collection failed)']);
  });
});

describe('EXZT.DAT.2 .NET strong crypto and system default TLS', () => {
  it('passes with all eight values at 1', () => {
    assert.equal(run(dotNetStrongCrypto, HARDENED).outcome, 'pass');
  });

  it('reproduces HealthChecker on E19: SchUseStrongCrypto 0 for .NET 4 (Red)', () => {
    const result = run(
      dotNetStrongCrypto,
      corpusValue('E19/OS/GetAllTlsSettings.xml', importTlsSettings),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['SchUseStrongCrypto is 0, not 1', 'SchUseStrongCrypto (32-bit) is 0, not 1'],
    );
  });

  it('reproduces HealthChecker on E16: every .NET value undefined (Red)', () => {
    const result = run(
      dotNetStrongCrypto,
      corpusValue('E16/OS/GetAllTlsSettings.xml', importTlsSettings),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 8);
  });

  it('is not assessed without the export', () => {
    const result = onlyResult(runControl(dotNetStrongCrypto, { servers: { EX01: {} } }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
