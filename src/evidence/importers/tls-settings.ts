/**
 * os.tls-settings: HealthChecker's Get-AllTlsSettings export. exzt reads the raw registry values
 * beside HealthChecker's stored verdicts (ServerEnabledValue, not ServerEnabled): in the E19
 * alternates GetAllTlsSettings1.xml and 2.xml the stored booleans contradict the values they were
 * said to come from, and a verdict is exzt's to make (reference/healthchecker-checks.md §3).
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asNumber, asString, member } from '../clixml/index.js';
import { memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';

/** One side (Server or Client) of SCHANNEL\Protocols\TLS x: the DWORDs; undefined = absent. */
export interface SchannelSide {
  enabled?: number;
  disabledByDefault?: number;
}

export interface SchannelProtocol {
  /** "1.0", "1.1", "1.2", "1.3". */
  version: string;
  server: SchannelSide;
  client: SchannelSide;
}

/** SOFTWARE\Microsoft\.NETFramework\<version> and its Wow6432Node twin; undefined = absent. */
export interface DotNetTlsSettings {
  /** "v4.0.30319" or "v2.0.50727". */
  version: string;
  systemDefaultTlsVersions?: number;
  schUseStrongCrypto?: number;
  wowSystemDefaultTlsVersions?: number;
  wowSchUseStrongCrypto?: number;
}

export interface TlsSettings {
  /** Sorted by version. */
  protocols: SchannelProtocol[];
  /** Sorted by version, newest first. */
  dotNet: DotNetTlsSettings[];
}

const EXPECTED = 'a Get-AllTlsSettings object with Registry.TLS and Registry.NET tables';

export function importTlsSettings(document: CliDocument): ImportedValue<TlsSettings> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'PSCustomObject',
    member: 'Registry',
    description: EXPECTED,
  });
  const registry = member(object, 'Registry');
  const tls = tableOf(document, registry, 'TLS');
  const net = tableOf(document, registry, 'NET');

  const protocols = tls.map(readProtocol).sort((a, b) => a.version.localeCompare(b.version));
  const dotNet = net.map(readDotNet).sort((a, b) => b.version.localeCompare(a.version));
  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const registryAnchor = memberAnchor(object, index, 'Registry');
  if (registryAnchor !== undefined) anchors.push(registryAnchor);
  return { value: { protocols, dotNet }, anchors };
}

/** The values of the hashtable member `name` (TLS keyed "1.2", NET keyed "NETv4"). */
function tableOf(document: CliDocument, registry: CliNode | undefined, name: string): CliObject[] {
  const table = member(registry, name);
  if (table?.kind !== 'object' || table.entries === undefined) {
    throw shapeError(document, table ?? registry, EXPECTED);
  }

  return table.entries.flatMap((entry) => (entry.value.kind === 'object' ? [entry.value] : []));
}

function readProtocol(entry: CliObject): SchannelProtocol {
  return {
    version: asString(member(entry, 'TLSVersion')) ?? '',
    server: sideOf(entry, 'Server'),
    client: sideOf(entry, 'Client'),
  };
}

function sideOf(entry: CliObject, side: 'Server' | 'Client'): SchannelSide {
  const result: SchannelSide = {};
  const enabled = dword(entry, `${side}EnabledValue`);
  const disabledByDefault = dword(entry, `${side}DisabledByDefaultValue`);
  if (enabled !== undefined) result.enabled = enabled;
  if (disabledByDefault !== undefined) result.disabledByDefault = disabledByDefault;
  return result;
}

function readDotNet(entry: CliObject): DotNetTlsSettings {
  const settings: DotNetTlsSettings = { version: asString(member(entry, 'NetVersion')) ?? '' };
  const values = {
    systemDefaultTlsVersions: dword(entry, 'SystemDefaultTlsVersionsValue'),
    schUseStrongCrypto: dword(entry, 'SchUseStrongCryptoValue'),
    wowSystemDefaultTlsVersions: dword(entry, 'WowSystemDefaultTlsVersionsValue'),
    wowSchUseStrongCrypto: dword(entry, 'WowSchUseStrongCryptoValue'),
  };
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) settings[key as keyof typeof values] = value;
  }
  return settings;
}

/** A registry DWORD as exported (I32, so 0xFFFFFFFF reads as -1); Nil or missing is absent. */
function dword(entry: CliObject, name: string): number | undefined {
  return asNumber(member(entry, name));
}
