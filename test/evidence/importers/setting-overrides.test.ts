import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { rm } from 'node:fs/promises';
import { ExztError } from '../../../src/errors.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { factOf, findSubject } from '../../../src/evidence/evidence-set.js';
import { importSettingOverrides } from '../../../src/evidence/importers/setting-overrides.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { makeTempDir, writeBundle } from '../../helpers/bundle-builder.js';
import { cliXml, parseText, POWERSHELL_NAMESPACE } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const E19_EXCHANGE = path.join(CORPUS_DIR, 'E19', 'Exchange');
const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };
const temporary: string[] = [];

after(async () => {
  for (const folder of temporary) await rm(folder, { recursive: true, force: true });
});

const corpusCases: [string, object][] = [
  [
    'GetSettingOverride.xml',
    {
      name: 'DisablingAMSIScan',
      component: 'Cafe',
      section: 'HttpRequestFiltering',
      parameters: [{ name: 'Enabled', value: 'True' }],
      servers: [],
      reason: 'Testing',
      status: 'Accepted',
    },
  ],
  [
    'GetSettingOverride1.xml',
    {
      name: 'EnableSigningVerification',
      component: 'Data',
      section: 'EnableSerializationDataSigning',
      parameters: [{ name: 'Enabled', value: 'true' }],
      servers: [],
      reason: 'Enabling Signing Verification',
      status: 'Accepted',
    },
  ],
  [
    'GetSettingOverride2.xml',
    {
      name: 'EnableExchangeHybrid3PAppFeature',
      component: 'Global',
      section: 'ExchangeOnpremAsThirdPartyAppId',
      parameters: [{ name: 'Enabled', value: 'true' }],
      servers: [],
      reason: 'Created by _ConfigureExchangeHybridApplication.ps1 on 04/09/2025 10:47:33',
      status: 'Accepted',
    },
  ],
];

for (const [file, expected] of corpusCases) {
  test(`E19 ${file} imports its one organisation-wide override`, async () => {
    const document = await readCliXmlFile(path.join(E19_EXCHANGE, file));
    const { value, anchors } = importSettingOverrides(document);

    assert.deepEqual(value, [expected]);
    assert.equal(anchors.length, 1);
    assert.equal(anchors[0]?.node.position.line, 2);
  });
}

const CONFIGURATION_SETTINGS =
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ConfigurationSettings';
const SETTING_OVERRIDE_TYPES = `<TN RefId="0">
    <T>Deserialized.${CONFIGURATION_SETTINGS}.SettingOverride</T>
    <T>Deserialized.System.Object</T>
  </TN>`;
const MULTI_VALUED_STRINGS = `<TN RefId="1">
    <T>Deserialized.Microsoft.Exchange.Data.MultiValuedProperty\`1[[System.String]]</T>
  </TN>`;
const REJECTED_STATUS = `<TN RefId="2">
    <T>${CONFIGURATION_SETTINGS}.SettingOverrideStatus</T><T>System.Enum</T>
  </TN><ToString>Rejected</ToString><I32>2</I32>`;

/** A SettingOverride as a remote session exports it, with the members the importer reads. */
function overrideObject(members: string): string {
  return `<Obj RefId="0">\n  ${SETTING_OVERRIDE_TYPES}\n  <Props>${members}</Props>\n</Obj>`;
}

test('server scope, version bracket and parameter text are read from a hand-made export', () => {
  const document = parseText(
    cliXml(
      overrideObject(`
    <S N="Name">Turn off P2 header check</S>
    <S N="ComponentName">Transport</S>
    <S N="SectionName">NonCompliantSenderSettings</S>
    <Obj N="Parameters" RefId="1">${MULTI_VALUED_STRINGS}
      <LST><S> AddP2FromRegexMatchHeader = False </S><S>Marker</S><S>Query=a=b</S></LST></Obj>
    <Obj N="Server" RefId="2"><TNRef RefId="1" /><LST><S>EX01</S><S>ex02</S></LST></Obj>
    <Version N="MinVersion">15.2.1544.0</Version>
    <Version N="MaxVersion">15.2.1748.99</Version>
    <Nil N="Reason" />
    <Obj N="Status" RefId="3">${REJECTED_STATUS}</Obj>`),
    ),
  );

  assert.deepEqual(importSettingOverrides(document).value, [
    {
      name: 'Turn off P2 header check',
      component: 'Transport',
      section: 'NonCompliantSenderSettings',
      parameters: [
        { name: 'AddP2FromRegexMatchHeader', value: 'False' },
        { name: 'Marker', value: '' },
        { name: 'Query', value: 'a=b' },
      ],
      servers: ['EX01', 'ex02'],
      minVersion: '15.2.1544.0',
      maxVersion: '15.2.1748.99',
      status: 'Rejected',
    },
  ]);
});

test('an export with no objects is an empty list', () => {
  for (const text of [cliXml(''), `<Objs Version="1.1.0.1" xmlns="${POWERSHELL_NAMESPACE}" />`]) {
    assert.deepEqual(importSettingOverrides(parseText(text)), { value: [], anchors: [] });
  }
});

test('an object of another type is an EVIDENCE error at its line', () => {
  const document = parseText(
    cliXml(
      `<Obj RefId="0"><TN RefId="0">
    <T>Deserialized.Microsoft.Exchange.Data.Directory.Management.OrganizationConfig</T></TN>
  <Props><S N="Name">First Organization</S></Props></Obj>`,
    ),
  );

  assert.throws(
    () => importSettingOverrides(document),
    (error: unknown) => {
      assert.ok(error instanceof ExztError);
      assert.equal(error.code, 'EVIDENCE');
      assert.deepEqual([error.position?.file, error.position?.line], ['case.xml', 2]);
      assert.match(
        error.message,
        /expected a SettingOverride object .* found a .*OrganizationConfig/,
      );
      return true;
    },
  );
});

test('an override without a SectionName is an EVIDENCE error', () => {
  const document = parseText(
    cliXml(overrideObject('<S N="Name">x</S><S N="ComponentName">Cafe</S><Nil N="SectionName" />')),
  );

  assert.throws(() => importSettingOverrides(document), /SectionName/);
});

test('an empty Get-SettingOverride export in a bundle is an observed empty list', async () => {
  const folder = await makeTempDir();
  temporary.push(folder);
  await writeBundle(folder, [
    { path: 'servers/SOLO-E19A/exchange.server.xml' },
    { path: 'organization/exchange.setting-overrides.xml', bytes: Buffer.from(cliXml('')) },
  ]);

  const set = await loadEvidence([folder], NO_OPTIONS);
  const fact = factOf(findSubject(set, 'organization'), 'exchange.setting-overrides');
  assert.equal(fact.status, 'observed');
  assert.deepEqual(fact.value, []);
});

test('the E19 HealthChecker folder gives the organisation its override', async () => {
  const set = await loadEvidence([path.join(CORPUS_DIR, 'E19')], NO_OPTIONS);

  const fact = factOf(findSubject(set, 'organization'), 'exchange.setting-overrides');
  assert.equal(fact.status, 'observed');
  assert.deepEqual(
    fact.value?.map((override) => override.name),
    ['DisablingAMSIScan'],
  );
  assert.equal(fact.provenance[0]?.objectPath, 'Objs[0]');
  assert.equal(fact.provenance[0]?.line, 2);
});
