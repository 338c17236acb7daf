/**
 * Which addresses a server's network interfaces carry, from whichever export there is:
 * Get-NetIPConfiguration first, Win32_NetworkAdapterConfiguration otherwise. Shared by the
 * controls that place servers in the policy's zones (EXZT.NET.6, EXZT.NET.8).
 */
import { factOf, type SubjectEvidence } from '../../evidence/evidence-set.js';
import type { NetworkInterface } from '../../evidence/importers/network-interfaces.js';
import { USABLE_STATUSES, type Provenance } from '../../evidence/model.js';
import { isLocalOnly, parseIpAddress, type IpAddress } from '../../policy/networks.js';

export const INTERFACE_KINDS = [
  'os.net-ip-configuration',
  'os.network-adapter-configuration',
] as const;

export interface ServerAddress {
  interfaceName: string;
  text: string;
  address: IpAddress;
  evidence: Provenance[];
}

/** The server's addresses that can cross a network (loopback and link-local left out), or undefined without evidence. */
export function serverAddresses(subject: SubjectEvidence): ServerAddress[] | undefined {
  for (const kind of INTERFACE_KINDS) {
    const fact = factOf(subject, kind);
    if (!USABLE_STATUSES.has(fact.status) || fact.value === undefined) continue;

    return fact.value.flatMap((networkInterface, index) =>
      addressesOf(networkInterface, fact.provenance[index]),
    );
  }
  return undefined;
}

function addressesOf(
  networkInterface: NetworkInterface,
  provenance: Provenance | undefined,
): ServerAddress[] {
  return networkInterface.addresses.flatMap(({ address: text }) => {
    const address = parseIpAddress(text);
    if (address === undefined || isLocalOnly(address)) return [];

    const evidence = provenance === undefined ? [] : [provenance];
    return [{ interfaceName: networkInterface.name, text, address, evidence }];
  });
}
