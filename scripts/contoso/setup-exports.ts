/**
 * The installed Exchange build of one Contoso server, as two exports see it: ExSetup.exe's
 * FileVersionInfo (members as in the corpus's E19/Exchange/ExSetup.xml) and the Windows
 * uninstall registry (Select-Object output: PSCustomObjects with every member in MS).
 */
import { bool, i32, obj, str, version } from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized, registryDate, remotingMembers } from './remoting.js';
import { stableGuid, type ContosoServer } from './servers.js';

const EXSETUP_PATH = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin\\ExSetup.exe';
/** The Windows Installer product code of Exchange Server 2013 and later. */
const EXCHANGE_PRODUCT_CODE = '{CD981244-E9B8-405A-9026-6AEB9DCEF1F1}';
const PRODUCT_NAMES = {
  Exchange2013: 'Exchange Server 2013',
  Exchange2016: 'Exchange Server 2016',
  Exchange2019: 'Exchange Server 2019',
  ExchangeSE: 'Exchange Server Subscription Edition',
} as const;

export function invokeCommandRunspace(server: ContosoServer): string {
  return stableGuid(`${server.name}/invoke-command`);
}

/** "15.2.1544.39" → "15.02.1544.039", the padded form FileVersion strings carry. */
function paddedFileVersion(build: string): string {
  const [major = '', minor = '', patch = '', revision = ''] = build.split('.');
  return [major, minor.padStart(2, '0'), patch.padStart(4, '0'), revision.padStart(3, '0')].join(
    '.',
  );
}

function fileVersionToString(fileVersion: string): string {
  const lines: [string, string][] = [
    ['File:             ', EXSETUP_PATH],
    ['InternalName:     ', 'ExSetup.exe'],
    ['OriginalFilename: ', 'ExSetup.exe'],
    ['FileVersion:      ', fileVersion],
    ['FileDescription:  ', ''],
    ['Product:          ', 'Microsoft® Exchange'],
    ['ProductVersion:   ', fileVersion],
    ['Debug:            ', 'False'],
    ['Patched:          ', 'False'],
    ['PreRelease:       ', 'False'],
    ['PrivateBuild:     ', 'False'],
    ['SpecialBuild:     ', 'False'],
    ['Language:         ', 'Language Neutral'],
  ];
  return lines.map(([label, value]) => `${label}${value}\r\n`).join('');
}

/** Get-Command ExSetup.exe | ForEach-Object FileVersionInfo, through Invoke-Command. */
export function setupVersionExport(server: ContosoServer): WritableObject[] {
  const fileVersion = paddedFileVersion(server.build);
  const [major = 0, minor = 0, patch = 0, revision = 0] = server.build.split('.').map(Number);
  const info = obj(deserialized(['System.Diagnostics.FileVersionInfo', 'System.Object']), {
    toStringText: fileVersionToString(fileVersion),
    props: [
      ['Comments', str('')],
      ['CompanyName', str('Microsoft Corporation')],
      ['FileBuildPart', i32(patch)],
      ['FileDescription', str('')],
      ['FileMajorPart', i32(major)],
      ['FileMinorPart', i32(minor)],
      ['FileName', str(EXSETUP_PATH)],
      ['FilePrivatePart', i32(revision)],
      ['FileVersion', str(fileVersion)],
      ['InternalName', str('ExSetup.exe')],
      ['IsDebug', bool(false)],
      ['IsPatched', bool(false)],
      ['IsPrivateBuild', bool(false)],
      ['IsPreRelease', bool(false)],
      ['IsSpecialBuild', bool(false)],
      ['Language', str('Language Neutral')],
      ['LegalCopyright', str('© Microsoft Corporation. All rights reserved.')],
      ['LegalTrademarks', str('Microsoft® is a registered trademark of Microsoft Corporation.')],
      ['OriginalFilename', str('ExSetup.exe')],
      ['PrivateBuild', str('')],
      ['ProductBuildPart', i32(patch)],
      ['ProductMajorPart', i32(major)],
      ['ProductMinorPart', i32(minor)],
      ['ProductName', str('Microsoft® Exchange')],
      ['ProductPrivatePart', i32(revision)],
      ['ProductVersion', str(fileVersion)],
      ['SpecialBuild', str('')],
    ],
    ms: [
      ['FileVersionRaw', version(server.build)],
      ['ProductVersionRaw', version(server.build)],
      ...remotingMembers(server.name, invokeCommandRunspace(server), true),
    ],
  });
  return [info];
}

function cuLabel(server: ContosoServer): string {
  return server.cu === 'RTM' ? 'RTM' : `Cumulative Update ${server.cu.slice(2)}`;
}

function uninstallEntry(server: ContosoServer, members: [string, WritableNode][]): WritableObject {
  const types = deserialized([
    'Selected.System.Management.Automation.PSCustomObject',
    'System.Management.Automation.PSCustomObject',
    'System.Object',
  ]);
  return obj(types, {
    ms: [...members, ...remotingMembers(server.name, invokeCommandRunspace(server), true)],
  });
}

/** The uninstall keys whose DisplayName matches '*Exchange Server*': the product and its SU. */
export function installedUpdatesExport(server: ContosoServer, cuBuild: string): WritableObject[] {
  const productName = PRODUCT_NAMES[server.product];
  const entries = [
    uninstallEntry(server, [
      ['DisplayName', str(`Microsoft ${productName} ${cuLabel(server)}`)],
      ['DisplayVersion', str(cuBuild)],
      ['InstallDate', str(registryDate(server.productInstalledOn))],
      ['Publisher', str('Microsoft Corporation')],
      ['PSChildName', str(EXCHANGE_PRODUCT_CODE)],
    ]),
  ];
  if (server.update === undefined) return entries;

  const { kb, installedOn, name } = server.update;
  const patchCode = stableGuid(`${server.name}/patch/${name}`).toUpperCase();
  const kbSuffix = kb === undefined ? '' : ` (${kb})`;
  entries.push(
    uninstallEntry(server, [
      ['DisplayName', str(`Security Update for ${productName} ${cuLabel(server)}${kbSuffix}`)],
      ['DisplayVersion', str(server.build)],
      ['InstallDate', str(registryDate(installedOn))],
      ['Publisher', str('Microsoft Corporation')],
      ['PSChildName', str(`${EXCHANGE_PRODUCT_CODE}_{${patchCode}}`)],
    ]),
  );
  return entries;
}
