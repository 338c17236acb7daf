import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG_GATED_CVES,
  evaluateCves,
  settingsInForce,
  type CveFinding,
  type SettingOverrideLike,
} from '../../src/knowledge/index.js';

// Exchange 2019 CU15 Feb26SU: at or beyond Nov24SUv2, Aug25SU and Oct25SU.
const CU15_FEB26 = '15.2.1748.43';
const SERVER = 'EX01';

function override(fields: Partial<SettingOverrideLike> = {}): SettingOverrideLike {
  return {
    component: 'Transport',
    section: 'NonCompliantSenderSettings',
    parameters: [{ name: 'BlockNullBytesInFromHeader', value: 'False' }],
    servers: [],
    status: 'Accepted',
    ...fields,
  };
}

function inForce(overrides: SettingOverrideLike[], server = SERVER, build = CU15_FEB26) {
  return settingsInForce(overrides, server, build)['CVE-2025-25006'];
}

test('no overrides: every config-gated fix is in force', () => {
  const settings = settingsInForce([], SERVER, CU15_FEB26);
  assert.deepEqual(Object.keys(settings).sort(), CONFIG_GATED_CVES.map((e) => e.cve).sort());
  assert.ok(Object.values(settings).every((value) => value));
});

const cases: [string, SettingOverrideLike[], boolean | undefined][] = [
  ['an organisation-wide override set to False switches the fix off', [override()], false],
  [
    'value, parameter, component and section are compared without case',
    [
      override({
        component: 'TRANSPORT',
        section: 'noncompliantsendersettings',
        parameters: [{ name: 'blocknullbytesinfromheader', value: 'fALSE' }],
      }),
    ],
    false,
  ],
  [
    'True keeps the fix in force',
    [override({ parameters: [{ name: 'BlockNullBytesInFromHeader', value: 'True' }] })],
    true,
  ],
  [
    'another parameter of the same section does not count',
    [override({ parameters: [{ name: 'BlockCharactersAfterUnquotedSemicolon', value: 'false' }] })],
    true,
  ],
  [
    'a parameter name that only contains the gated name does not count',
    [override({ parameters: [{ name: 'XBlockNullBytesInFromHeader', value: 'false' }] })],
    true,
  ],
  ['an override scoped to this server applies', [override({ servers: ['ex01', 'EX02'] })], false],
  [
    'an override scoped by FQDN applies to the short name',
    [override({ servers: ['EX01.contoso.com'] })],
    false,
  ],
  ['an override scoped to other servers does not apply', [override({ servers: ['EX02'] })], true],
  [
    'a version bracket around the build applies',
    [override({ minVersion: '15.2.1748.0', maxVersion: '15.2.1748.43' })],
    false,
  ],
  ['a MinVersion above the build does not apply', [override({ minVersion: '15.2.1748.44' })], true],
  ['a MaxVersion below the build does not apply', [override({ maxVersion: '15.2.1544.99' })], true],
  [
    'a two-part MaxVersion is below every build of it, as System.Version compares',
    [override({ maxVersion: '15.2' })],
    true,
  ],
  ['a two-part MinVersion brackets the build', [override({ minVersion: '15.2' })], false],
  ['a rejected override does not count', [override({ status: 'Rejected' })], true],
  [
    'the first accepted value wins: True before False keeps the fix',
    [override({ parameters: [{ name: 'BlockNullBytesInFromHeader', value: 'True' }] }), override()],
    true,
  ],
  [
    'an override that does not apply does not take the first place',
    [
      override({
        servers: ['EX02'],
        parameters: [{ name: 'BlockNullBytesInFromHeader', value: 'True' }],
      }),
      override(),
    ],
    false,
  ],
  [
    'an unreadable MinVersion leaves the CVE out (unknown)',
    [override({ minVersion: 'soon' })],
    undefined,
  ],
];

for (const [name, overrides, expected] of cases) {
  test(name, () => {
    assert.equal(inForce(overrides), expected);
  });
}

test('a build that cannot be read is unknown only where a version bracket needs it', () => {
  const settings = settingsInForce([override({ minVersion: '15.2.0.0' })], SERVER, 'unknown');
  assert.equal(settings['CVE-2025-25006'], undefined);
  assert.equal(settings['CVE-2025-25007'], true);
  assert.equal(inForce([override()], SERVER, 'unknown'), false);
});

test('CVE-2025-59248 is switched off by any one of its three overrides', () => {
  const gates = CONFIG_GATED_CVES.find((entry) => entry.cve === 'CVE-2025-59248')?.overrides ?? [];
  assert.equal(gates.length, 3);
  for (const gate of gates) {
    const parameters = [{ name: gate.parameter, value: 'false' }];
    const settings = settingsInForce(
      [override({ component: gate.component, section: gate.section, parameters })],
      SERVER,
      CU15_FEB26,
    );
    assert.equal(settings['CVE-2025-59248'], false, `${gate.section}/${gate.parameter}`);
  }
});

test('end to end: CU15 Feb26SU is fixed, and exposed where an override disables a fix', () => {
  const noOverrides = evaluateCves(CU15_FEB26, {
    settingsInForce: settingsInForce([], SERVER, CU15_FEB26),
  });
  // The override-gated ones (Extended Protection gates six more, on other evidence).
  const byOverride = (finding: CveFinding): boolean =>
    finding.configGated?.setting.includes('SettingOverride') ?? false;
  const gated = noOverrides.filter(byOverride);
  assert.equal(gated.length, 7);
  assert.ok(gated.every((finding) => finding.state === 'fixed'));

  const disabled = override({
    component: 'Cafe',
    section: 'RemoveBackendCookieFromAutoDiscoverV2Response',
    parameters: [{ name: 'Enabled', value: 'false' }],
  });
  const findings = evaluateCves(CU15_FEB26, {
    settingsInForce: settingsInForce([disabled], SERVER, CU15_FEB26),
  }).filter(byOverride);
  const exposed = findings.filter((finding) => finding.state === 'exposed');
  assert.deepEqual(
    exposed.map((finding) => finding.cve),
    ['CVE-2025-33051'],
  );
  assert.match(exposed[0]?.reason ?? '', /Aug25SU is installed but disabled by override/);
  assert.deepEqual(exposed[0]?.configGated?.inForce, false);
});

test('end to end: an override on a build without the SU leaves the CVE exposed for the SU', () => {
  // Exchange 2019 CU14 RTM has none of the gated SUs.
  const findings = evaluateCves('15.2.1544.4', {
    settingsInForce: settingsInForce([], SERVER, '15.2.1544.4'),
  });
  const cve = findings.find((finding) => finding.cve === 'CVE-2025-33051');
  assert.equal(cve?.state, 'exposed');
  assert.match(cve?.reason ?? '', /Aug25SU is not installed/);
});
