/**
 * The server's IP addresses per interface, from either of the two exports HealthChecker gathers
 * (reference/healthchecker-checks.md §14.4): os.net-ip-configuration (Get-NetIPConfiguration,
 * NetIPConfiguration objects whose IPv4Address/IPv6Address lists hold MSFT_NetIPAddress objects)
 * and os.network-adapter-configuration (Win32_NetworkAdapterConfiguration, parallel IPAddress
 * and IPSubnet string arrays).
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import { asBoolean, asNumber, asStringList, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { importObjectList, textOf } from './object-list.js';

export interface InterfaceAddress {
  /** Without a zone id: "10.40.0.11", "fe80::1". */
  address: string;
  prefixLength?: number;
}

export interface NetworkInterface {
  /** Interface alias ("Ethernet") or, from WMI, the adapter's description. */
  name: string;
  addresses: InterfaceAddress[];
}

/** Members of NetIPConfiguration that list the interface's own addresses. */
const ADDRESS_LISTS = [
  'IPv4Address',
  'IPv6Address',
  'IPv6TemporaryAddress',
  'IPv6LinkLocalAddress',
];

export function importNetIpConfiguration(document: CliDocument): ImportedValue<NetworkInterface[]> {
  const expected = 'a NetIPConfiguration object with InterfaceAlias (Get-NetIPConfiguration)';
  return importObjectList(document, { typeSuffix: 'NetIPConfiguration', expected }, (object) => {
    const name = textOf(member(object, 'InterfaceAlias'));
    if (name === undefined) return undefined;

    const addresses = ADDRESS_LISTS.flatMap((list) => itemsOf(member(object, list)))
      .map(netIpAddressOf)
      .filter((address) => address !== undefined);
    return { name, addresses };
  });
}

function itemsOf(node: CliNode | undefined): CliNode[] {
  return node?.kind === 'object' && node.items !== undefined ? node.items : [];
}

function netIpAddressOf(node: CliNode): InterfaceAddress | undefined {
  const text = textOf(member(node, 'IPAddress')) ?? textOf(node);
  if (text === undefined) return undefined;

  const prefixLength = asNumber(member(node, 'PrefixLength'));
  const address = withoutZone(text);
  return prefixLength === undefined ? { address } : { address, prefixLength };
}

export function importNetworkAdapterConfiguration(
  document: CliDocument,
): ImportedValue<NetworkInterface[]> {
  const expected =
    'a Win32_NetworkAdapterConfiguration object with Description (Get-CimInstance Win32_NetworkAdapterConfiguration)';
  const imported = importObjectList(
    document,
    { typeSuffix: 'Win32_NetworkAdapterConfiguration', expected },
    readAdapter,
  );
  return { value: imported.value.flatMap((adapter) => adapter ?? []), anchors: imported.anchors };
}

/** An adapter without IP (IPEnabled false) is kept out: it carries no address. */
function readAdapter(object: CliObject): NetworkInterface | null | undefined {
  const name = textOf(member(object, 'Description')) ?? textOf(member(object, 'Caption'));
  if (name === undefined) return undefined;
  if (asBoolean(member(object, 'IPEnabled')) === false) return null;

  const subnets = asStringList(member(object, 'IPSubnet')) ?? [];
  const addresses = (asStringList(member(object, 'IPAddress')) ?? []).map((text, index) => {
    const prefixLength = prefixOf(subnets[index]);
    const address = withoutZone(text);
    return prefixLength === undefined ? { address } : { address, prefixLength };
  });
  return { name, addresses };
}

/** WMI writes an IPv4 subnet as a mask ("255.255.255.0") and an IPv6 one as a length ("64"). */
function prefixOf(subnet: string | undefined): number | undefined {
  if (subnet === undefined) return undefined;
  if (/^\d{1,3}$/.test(subnet)) return Number(subnet);

  const octets = subnet.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
    return undefined;
  }
  const bits = octets.map((octet) => octet.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined;
}

/** "fe80::1%7" → "fe80::1": the zone id names a local interface, not a network. */
function withoutZone(text: string): string {
  return text.replace(/%.*$/, '');
}
