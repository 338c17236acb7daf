/**
 * exchange.dag-networks: Get-DatabaseAvailabilityGroupNetwork. Which subnets carry replication
 * and which MAPI (client) traffic; a network with IgnoreNetwork is not used by the DAG at all.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { importObjectList, textOf } from './object-list.js';

export interface DagNetwork {
  name: string;
  /** The DAG the network belongs to, from the "DAG\Network" identity when it names one. */
  dag?: string;
  /** CIDR blocks, "10.30.0.0/24". */
  subnets: string[];
  replicationEnabled: boolean;
  mapiAccessEnabled: boolean;
  ignoreNetwork: boolean;
}

const EXPECTED =
  'a DatabaseAvailabilityGroupNetwork object with Name, Subnets, ReplicationEnabled and MapiAccessEnabled';

export function importDagNetworks(document: CliDocument): ImportedValue<DagNetwork[]> {
  const spec = { typeSuffix: 'DatabaseAvailabilityGroupNetwork', expected: EXPECTED };
  return importObjectList(document, spec, (object) => {
    const name = textOf(member(object, 'Name'));
    const replicationEnabled = asBoolean(member(object, 'ReplicationEnabled'));
    const mapiAccessEnabled = asBoolean(member(object, 'MapiAccessEnabled'));
    const subnets = subnetsOf(member(object, 'Subnets'));
    if (name === undefined || replicationEnabled === undefined || mapiAccessEnabled === undefined) {
      return undefined;
    }
    if (subnets === undefined) return undefined;

    const network: DagNetwork = {
      name,
      subnets,
      replicationEnabled,
      mapiAccessEnabled,
      ignoreNetwork: asBoolean(member(object, 'IgnoreNetwork')) ?? false,
    };
    assignDefined(network, 'dag', dagOf(textOf(member(object, 'Identity'))));
    return network;
  });
}

/**
 * Subnet items are DatabaseAvailabilityGroupNetworkSubnet objects (SubnetId member) or, flattened,
 * "{10.0.0.0/24,Up}" text; an absent or Nil list is no subnets.
 */
function subnetsOf(node: CliNode | undefined): string[] | undefined {
  if (node === undefined || node.kind === 'nil') return [];
  if (node.kind !== 'object' || node.items === undefined) return textSubnets(asString(node));

  const subnets: string[] = [];
  for (const item of node.items) {
    const id = member(item, 'SubnetId');
    const text = textOf(member(id, 'IPRange')) ?? textOf(id) ?? textOf(item) ?? objectText(id);
    const found = textSubnets(text);
    if (found === undefined || found.length === 0) return undefined;
    subnets.push(...found);
  }
  return subnets;
}

/** The CIDR blocks written in the text: "10.0.0.0/24", "{10.0.0.0/24,Up} {10.1.0.0/24,Up}". */
function textSubnets(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.match(/[0-9a-fA-F.:]+\/\d{1,3}/g) ?? [];
}

/** A DatabaseAvailabilityGroupSubnetId truncated at the serialisation depth keeps its ToString. */
function objectText(node: CliNode | undefined): string | undefined {
  return node?.kind === 'object' ? node.toString : undefined;
}

function dagOf(identity: string | undefined): string | undefined {
  const separator = identity?.indexOf('\\') ?? -1;
  return identity !== undefined && separator > 0 ? identity.slice(0, separator) : undefined;
}
