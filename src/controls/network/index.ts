import type { Control } from '../model.js';
import { adminEndpointAccess } from './admin-endpoint-access.js';
import { anonymousRelay } from './anonymous-relay.js';
import { dagNetworkSeparation } from './dag-network-separation.js';
import { edgeTransportIsolation } from './edge-transport-isolation.js';
import { hostFirewall } from './host-firewall.js';
import { receiveConnectorRanges } from './receive-connector-ranges.js';
import { serverNetworks } from './server-networks.js';
import { trafficZones } from './traffic-zones.js';
import { wildcardAcceptedDomain } from './wildcard-accepted-domain.js';
import { clientAddresses } from './client-addresses.js';

/** The network controls, in id order; one module per control beside this file. */
export const NETWORK_CONTROLS: Control[] = [
  adminEndpointAccess,
  wildcardAcceptedDomain,
  anonymousRelay,
  receiveConnectorRanges,
  hostFirewall,
  serverNetworks,
  dagNetworkSeparation,
  trafficZones,
  edgeTransportIsolation,
  clientAddresses,
];
