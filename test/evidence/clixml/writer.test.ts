import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ExztError } from '../../../src/errors.js';
import { encodeClixml, formatClixml } from '../../../src/evidence/clixml/writer.js';
import {
  bool,
  byte,
  char,
  dateTime,
  dictionary,
  double,
  duration,
  enumValue,
  formatDouble,
  guid,
  i16,
  i32,
  i64,
  list,
  nil,
  obj,
  primitiveWithMembers,
  str,
  u16,
  u32,
  u64,
  version,
} from '../../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../../src/evidence/clixml/writer-values.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const E19 = path.join(CORPUS_DIR, 'E19');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The corpus files are UTF-8 with BOM and LF line ends (as committed to CSS-Exchange). */
function corpusFile(relative: string): Buffer {
  return readFileSync(path.join(E19, relative));
}

function writeAsCorpus(objects: Parameters<typeof formatClixml>[0]): Buffer {
  return encodeClixml(objects, { encoding: 'utf-8', bom: true, newline: '\n' });
}

const WQL_TYPES = (leaf: string, parents: string[]): string[] => [
  `System.Management.ManagementObject#root\\cimv2\\${leaf}`,
  ...parents.map((p) => `System.Management.ManagementObject#root\\cimv2\\${p}`),
  `System.Management.ManagementObject#${leaf}`,
  ...parents.map((p) => `System.Management.ManagementObject#${p}`),
  'System.Management.ManagementObject',
  'System.Management.ManagementBaseObject',
  'System.ComponentModel.Component',
  'System.MarshalByRefObject',
  'System.Object',
];

function exSetupFileVersionInfo(): WritableObject {
  const ver = '15.02.0986.005';
  const lines = [
    ['File:             ', 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe'],
    ['InternalName:     ', 'ExSetup.exe'],
    ['OriginalFilename: ', 'ExSetup.exe'],
    ['FileVersion:      ', ver],
    ['FileDescription:  ', ''],
    ['Product:          ', 'Microsoft® Exchange'],
    ['ProductVersion:   ', ver],
    ['Debug:            ', 'False'],
    ['Patched:          ', 'False'],
    ['PreRelease:       ', 'False'],
    ['PrivateBuild:     ', 'False'],
    ['SpecialBuild:     ', 'False'],
    ['Language:         ', 'Language Neutral'],
  ];
  return obj(['System.Diagnostics.FileVersionInfo', 'System.Object'], {
    toStringText: lines.map(([label, value]) => `${label}${value}\r\n`).join(''),
    props: {
      Comments: str('Service Pack 2'),
      CompanyName: str('Microsoft Corporation'),
      FileBuildPart: i32(986),
      FileDescription: str(''),
      FileMajorPart: i32(15),
      FileMinorPart: i32(2),
      FileName: str('C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe'),
      FilePrivatePart: i32(5),
      FileVersion: str(ver),
      InternalName: str('ExSetup.exe'),
      IsDebug: bool(false),
      IsPatched: bool(false),
      IsPrivateBuild: bool(false),
      IsPreRelease: bool(false),
      IsSpecialBuild: bool(false),
      Language: str('Language Neutral'),
      LegalCopyright: str('© 2014 Microsoft Corporation. All rights reserved.'),
      LegalTrademarks: str('Microsoft® is a registered trademark of Microsoft Corporation.'),
      OriginalFilename: str('ExSetup.exe'),
      PrivateBuild: str(''),
      ProductBuildPart: i32(986),
      ProductMajorPart: i32(15),
      ProductMinorPart: i32(2),
      ProductName: str('Microsoft® Exchange'),
      ProductPrivatePart: i32(5),
      ProductVersion: str(ver),
      SpecialBuild: str(''),
    },
    ms: { FileVersionRaw: version('15.2.986.5'), ProductVersionRaw: version('15.2.986.5') },
  });
}

function hotFix(id: string, installedBy: string, installedOn: string, isoDay: string) {
  const relPath = `Win32_QuickFixEngineering.HotFixID="${id}",ServicePackInEffect=""`;
  return obj(
    WQL_TYPES('Win32_QuickFixEngineering', ['CIM_LogicalElement', 'CIM_ManagedSystemElement']),
    {
      toStringText: `\\\\SOLO-E19A\\root\\cimv2:${relPath}`,
      props: [
        ['__GENUS', i32(2)],
        ['__CLASS', str('Win32_QuickFixEngineering')],
        ['__SUPERCLASS', str('CIM_LogicalElement')],
        ['__DYNASTY', str('CIM_ManagedSystemElement')],
        ['__RELPATH', str(relPath)],
        ['__PROPERTY_COUNT', i32(11)],
        [
          '__DERIVATION',
          list(
            ['System.String[]', 'System.Array', 'System.Object'],
            [str('CIM_LogicalElement'), str('CIM_ManagedSystemElement')],
          ),
        ],
        ['__SERVER', str('SOLO-E19A')],
        ['__NAMESPACE', str('root\\cimv2')],
        ['__PATH', str(`\\\\SOLO-E19A\\root\\cimv2:${relPath}`)],
        ['Caption', str(`http://support.microsoft.com/?kbid=${id.slice(2)}`)],
        ['CSName', str('SOLO-E19A')],
        ['Description', str('Update')],
        ['FixComments', str('')],
        ['HotFixID', str(id)],
        ['InstallDate', nil()],
        ['InstalledBy', str(installedBy)],
        ['InstalledOn', str(installedOn)],
        ['Name', nil()],
        ['ServicePackInEffect', str('')],
        ['Status', nil()],
      ],
      ms: [
        ['PSComputerName', str('SOLO-E19A')],
        ['InstalledOn', dateTime(isoDay)],
      ],
    },
  );
}

describe('CliXml writer: output identical to real Export-Clixml files', () => {
  it('writes ExSetup.xml (FileVersionInfo: Props, MS, escaped CRLF in ToString) byte for byte', () => {
    assert.deepEqual(writeAsCorpus([exSetupFileVersionInfo()]), corpusFile('Exchange/ExSetup.xml'));
  });

  it('writes GetHotFix.xml (two objects: RefIds across them, TNRef reuse, Nil, DT) byte for byte', () => {
    const written = writeAsCorpus([
      hotFix('KB4486153', 'SOLO\\Han', '2/27/2020', '2020-02-27T00:00:00'),
      hotFix('KB4464455', '', '10/29/2018', '2018-10-29T00:00:00'),
    ]);
    assert.equal(written.toString('utf8'), corpusFile('OS/GetHotFix.xml').toString('utf8'));
  });

  it('writes GetServerRebootPending.xml (PSCustomObject: MS only, empty LST) byte for byte', () => {
    const rebootPending = obj(['System.Management.Automation.PSCustomObject', 'System.Object'], {
      ms: {
        PendingFileRenameOperations: bool(false),
        ComponentBasedServicingPendingReboot: bool(false),
        AutoUpdatePendingReboot: bool(false),
        UpdateExeVolatileValue: bool(false),
        CcmRebootPending: bool(false),
        PendingReboot: bool(false),
        PendingRebootLocations: list(
          [
            'System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]',
            'System.Object',
          ],
          [],
        ),
      },
    });
    assert.deepEqual(writeAsCorpus([rebootPending]), corpusFile('OS/GetServerRebootPending.xml'));
  });
});

describe('CliXml writer: escaping', () => {
  const written = (value: string): string => formatClixml([str(value)], '\n').split('\n')[1] ?? '';

  it('encodes control characters as _xHHHH_ with upper-case hex', () => {
    assert.equal(
      written('a\r\nb\tc\u0000\u007f\u009f'),
      '  <S>a_x000D__x000A_b_x0009_c_x0000__x007F__x009F_</S>',
    );
  });

  it('escapes an underscore before x or X as _x005F_, and no other underscore', () => {
    assert.equal(
      written('ServerComponent_XPS_Viewer'),
      '  <S>ServerComponent_x005F_XPS_Viewer</S>',
    );
    assert.equal(written('a_x000D_b'), '  <S>a_x005F_x000D_b</S>');
    assert.equal(written('snake_case_'), '  <S>snake_case_</S>');
  });

  it('escapes XML entities in text but leaves quotes, and escapes quotes in member names', () => {
    assert.equal(
      written('<a href="x">&amp;</a>'),
      '  <S>&lt;a href="x"&gt;&amp;amp;&lt;/a&gt;</S>',
    );
    const member = obj(['T'], { props: { 'Say "hi" & <go>': str('') } });
    assert.match(formatClixml([member], '\n'), /<S N="Say &quot;hi&quot; &amp; &lt;go&gt;"><\/S>/);
  });

  it('writes each half of a surrogate pair as its own escape, as PowerShell does', () => {
    assert.equal(written('mail 📧'), '  <S>mail _xD83D__xDCE7_</S>');
  });

  it('escapes member names and type names with the same encoding', () => {
    const text = formatClixml([obj(['Type_X'], { ms: { 'Line\nBreak': i32(1) } })], '\n');
    assert.match(text, /<T>Type_x005F_X<\/T>/);
    assert.match(text, /<I32 N="Line_x000A_Break">1<\/I32>/);
  });
});

describe('CliXml writer: structure', () => {
  it('writes an enum as ToString plus its number, and reuses its TN through TNRef', () => {
    const roleTypes = [
      'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole',
      'System.Enum',
    ];
    const server = obj(['ExchangeServer'], {
      props: {
        ServerRole: enumValue(roleTypes, 'Mailbox', 2),
        CurrentServerRole: enumValue(roleTypes, 'Mailbox, ClientAccess', 16390),
      },
    });
    const expected = [
      '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
      '  <Obj RefId="0">',
      '    <TN RefId="0">',
      '      <T>ExchangeServer</T>',
      '    </TN>',
      '    <Props>',
      '      <Obj N="ServerRole" RefId="1">',
      '        <TN RefId="1">',
      '          <T>Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole</T>',
      '          <T>System.Enum</T>',
      '        </TN>',
      '        <ToString>Mailbox</ToString>',
      '        <I32>2</I32>',
      '      </Obj>',
      '      <Obj N="CurrentServerRole" RefId="2">',
      '        <TNRef RefId="1" />',
      '        <ToString>Mailbox, ClientAccess</ToString>',
      '        <I32>16390</I32>',
      '      </Obj>',
      '    </Props>',
      '  </Obj>',
      '</Objs>',
    ];
    assert.equal(formatClixml([server], '\n'), expected.join('\n'));
  });

  it('writes a shared instance once and a Ref after, which also carries a cycle', () => {
    const site = obj(['ADObjectId'], { toStringText: 'contoso.com/Configuration/Sites/HQ' });
    const server = obj(['ExchangeServer'], { props: { Identity: site, Id: site } });
    (server.adapted as { name: string; value: WritableObject }[]).push({
      name: 'Self',
      value: server,
    });
    const text = formatClixml([server], '\n');
    assert.match(text, /<Obj N="Identity" RefId="1">/);
    assert.match(text, /<Ref N="Id" RefId="1" \/>/);
    assert.match(text, /<Ref N="Self" RefId="0" \/>/);
  });

  it('keeps copies with equal content as separate objects (only the same instance is a Ref)', () => {
    const text = formatClixml([
      obj(['A'], { toStringText: 'x' }),
      obj(['A'], { toStringText: 'x' }),
    ]);
    assert.match(text, /<Obj RefId="1">\r\n {4}<TNRef RefId="0" \/>/);
    assert.doesNotMatch(text, /<Ref /);
  });

  it('writes a dictionary as En entries with Key and Value, and an empty ToString self-closed', () => {
    const tls = dictionary(
      ['System.Collections.Hashtable', 'System.Object'],
      [
        [str('1.0'), bool(false)],
        [str('1.2'), bool(true)],
      ],
    );
    const lines = formatClixml([obj(['T'], { toStringText: '', ms: { Tls: tls } })], '\n').split(
      '\n',
    );
    assert.deepEqual(lines.slice(5, 17), [
      '    <ToString />',
      '    <MS>',
      '      <Obj N="Tls" RefId="1">',
      '        <TN RefId="1">',
      '          <T>System.Collections.Hashtable</T>',
      '          <T>System.Object</T>',
      '        </TN>',
      '        <DCT>',
      '          <En>',
      '            <S N="Key">1.0</S>',
      '            <B N="Value">false</B>',
      '          </En>',
    ]);
  });

  it('writes a string with note members as its bare value followed by MS', () => {
    const line = primitiveWithMembers(['System.String', 'System.Object'], str('<configuration>'), {
      ms: { ReadCount: i64(1) },
    });
    const lines = formatClixml([line], '\n').split('\n');
    assert.deepEqual(lines.slice(6, 10), [
      '    <S>&lt;configuration&gt;</S>',
      '    <MS>',
      '      <I64 N="ReadCount">1</I64>',
      '    </MS>',
    ]);
  });

  it('writes every primitive with its tag', () => {
    const all = obj(['T'], {
      props: [
        ['I16', i16(-420)],
        ['U16', u16(18)],
        ['U32', u32(4294967295)],
        ['By', byte(3)],
        ['U64', u64(2n ** 64n - 1n)],
        ['C', char('a')],
        ['Db', double(0.5)],
        ['TS', duration('PT30M')],
        ['G', guid('4F1D6ED3-81EE-4120-9D38-B803867135E5')],
        ['DT', dateTime(new Date(Date.UTC(2026, 10, 30, 9, 0, 0, 500)))],
      ],
    });
    const text = formatClixml([all], '\n');
    for (const element of [
      '<I16 N="I16">-420</I16>',
      '<U16 N="U16">18</U16>',
      '<U32 N="U32">4294967295</U32>',
      '<By N="By">3</By>',
      '<U64 N="U64">18446744073709551615</U64>',
      '<C N="C">97</C>',
      '<Db N="Db">0.5</Db>',
      '<TS N="TS">PT30M</TS>',
      '<G N="G">4f1d6ed3-81ee-4120-9d38-b803867135e5</G>',
      '<DT N="DT">2026-11-30T09:00:00.5Z</DT>',
    ]) {
      assert.ok(text.includes(element), `missing ${element}`);
    }
  });

  it('writes an empty pipeline as a self-closed Objs', () => {
    assert.equal(
      formatClixml([]),
      '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04" />',
    );
  });

  it('refuses nesting deeper than PowerShell writes', () => {
    let deepest: WritableObject = obj(['Leaf']);
    for (let level = 0; level < 60; level += 1)
      deepest = obj(['Node'], { props: { Child: deepest } });
    assert.throws(
      () => formatClixml([deepest]),
      (error: unknown) => {
        return (
          error instanceof ExztError && error.code === 'CLIXML_LIMIT' && /Child/.test(error.message)
        );
      },
    );
  });
});

describe('CliXml writer: file encodings', () => {
  const document = [obj(['T'], { props: { Name: str('EX01') } })];

  it('defaults to UTF-16 LE with BOM and CRLF, as Windows PowerShell 5.1 writes', () => {
    const bytes = encodeClixml(document);
    assert.deepEqual([...bytes.subarray(0, 4)], [0xff, 0xfe, 0x3c, 0x00]);
    const text = bytes.subarray(2).toString('utf16le');
    assert.equal(text, formatClixml(document, '\r\n'));
    assert.match(text, /<\/Obj>\r\n<\/Objs>$/);
  });

  it('writes UTF-8 with a BOM, or without one when asked', () => {
    const withBom = encodeClixml(document, { encoding: 'utf-8' });
    assert.deepEqual(withBom.subarray(0, 3), UTF8_BOM);
    const without = encodeClixml(document, { encoding: 'utf-8', bom: false, newline: '\n' });
    assert.equal(without.toString('utf8'), formatClixml(document, '\n'));
  });
});

describe('CliXml values: number and date formats', () => {
  const cases: [string, number, string][] = [
    [
      'a TimeSpan TotalDays from the corpus (17 digits)',
      0.00034722222222222218,
      '0.00034722222222222218',
    ],
    ['a value 15 digits round-trip', 0.1, '0.1'],
    ['a sum that needs 17 digits', 0.1 + 0.2, '0.30000000000000004'],
    ['a whole number', 17179869184, '17179869184'],
    ['the exponent form from 1E+15', 1e15, '1E+15'],
    ['a large value with digits', 1.2345678901234568e17, '1.2345678901234568E+17'],
    ['fixed form down to 0.0001', 0.0001, '0.0001'],
    ['the exponent form from 1E-05 down', 0.00001, '1E-05'],
    ['a negative value', -2.5, '-2.5'],
    ['infinity', Infinity, 'INF'],
    ['not a number', NaN, 'NaN'],
  ];
  for (const [name, value, text] of cases) {
    it(`formats ${name} as .NET Framework's round-trip format does`, () => {
      assert.equal(formatDouble(value), text);
    });
  }

  it('keeps DateTime text as given and computes its instant', () => {
    const local = dateTime('2021-09-28T10:32:01-07:00');
    assert.deepEqual(local, {
      kind: 'datetime',
      text: '2021-09-28T10:32:01-07:00',
      epochMs: Date.UTC(2021, 8, 28, 17, 32, 1),
    });
  });

  it('rejects values outside the type, naming what was given and what is expected', () => {
    assert.throws(
      () => i32(2 ** 31),
      /I32: got 2147483648; expected an integer from -2147483648 to 2147483647/,
    );
    assert.throws(() => u32(-1), /U32/);
    assert.throws(() => dateTime('30/11/2026'), /DateTime: got 30\/11\/2026/);
    assert.throws(() => duration('30 minutes'), /TimeSpan/);
    assert.throws(() => version('15.2.x'), /Version/);
    assert.throws(() => guid('not-a-guid'), /Guid/);
    assert.throws(() => char('ab'), /char/);
  });

  it('computes a TimeSpan length in milliseconds', () => {
    const maxValue = duration('P10675199DT2H48M5.4775807S');
    assert.ok(maxValue.kind === 'duration' && Math.abs(maxValue.ms - 922_337_203_685_477.6) < 0.01);
    const half = duration('PT1H30M');
    assert.ok(half.kind === 'duration' && half.ms === 5_400_000);
  });
});
