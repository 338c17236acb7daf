import type { Control } from '../model.js';
import { adminEndpointAccess } from './admin-endpoint-access.js';
import { anonymousRelay } from './anonymous-relay.js';
import { dagNetworkSeparation } from './dag-network-separation.js';
import { edgeTransportIsolation } from './edge-transport-isolation.js';
import { hostFirewall } from './host-firewall.js';
import { probeAdminExposure } from './probe-admin-exposure.js';
import { probeBasicAuth } from './probe-basic-auth.js';
import { probeCertificate } from './probe-certificate.js';
import { probeDisclosure } from './probe-disclosure.js';
import { probeRemoteBuild } from './probe-remote-build.js';
import { probeSmtp } from './probe-smtp.js';
import { probeTls } from './probe-tls.js';
import { probeUnpatchedDirect } from './probe-unpatched-direct.js';
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
  probeAdminExposure,
  probeBasicAuth,
  probeTls,
  probeRemoteBuild,
  probeDisclosure,
  probeCertificate,
  probeUnpatchedDirect,
  probeSmtp,
];
