/**
 * How the collector (collector/Collect-ExztEvidence.ps1) gathers and writes each kind of the
 * registry: where the command runs, and the explicit -Depth and -Encoding of its export. Kept
 * beside the registry, not in the script, so `npm run collector:table` can write the table the
 * script reads and a test can hold script, table and registry to each other.
 */
import type { EvidenceKind } from '../../src/evidence/kinds.js';

/**
 * organization: once, in the collecting Exchange Management Shell (EMS cmdlets, [ADSI]);
 * server: once per server in that shell, with the server's name;
 * host: on the server itself (local, or Invoke-Command over remoting): OS, IIS, registry, WMI;
 * host-file: a file on the server, copied byte for byte;
 * supplied: a file the user hands the collector (-MdmInventoryCsv);
 * not-collected: produced by exzt itself, not on a server.
 */
export type CollectorRuns =
  'organization' | 'server' | 'host' | 'host-file' | 'supplied' | 'not-collected';

/** Export-Clixml -Encoding; Bytes: the file is copied as the server holds it. */
export type CollectorEncoding = 'UTF8' | 'Bytes';

export interface CollectorExport {
  runs: CollectorRuns;
  /** Export-Clixml -Depth; undefined for files copied as they are. */
  depth?: number;
  encoding: CollectorEncoding;
  /** Why this depth (or why the kind is not gathered on a server). */
  reason: string;
}

/** Export-Clixml's own default: a kind's members and their members, enough for most kinds. */
const DEFAULT_DEPTH = 2;
const DEFAULT_REASON = 'members and their members (Export-Clixml default)';

/** Kinds that need their values' values, or that must stay small; with the reason. */
const DEPTH: Record<string, [number, string]> = {
  'os.tls-settings': [4, 'Registry → TLS/NET hashtables → one object per version → values'],
  'exchange.iis-modules': [4, 'ModuleList → module → SignatureDetails → signer and status'],
  'exchange.extended-protection': [4, 'per virtual directory → configuration → SPN and flags'],
  'ad.domain-acls': [4, 'domain → Permissions list → DN list and Acl → Sddl'],
  'exchange.certificates': [3, 'CertificateDomains and Services are lists of objects'],
  'exchange.internal-transport-certificate': [3, 'as exchange.certificates'],
  'exchange.receive-connectors': [3, 'RemoteIPRanges and Bindings are lists of objects'],
  'exchange.dag-networks': [3, 'Subnets and Interfaces are lists of objects'],
  'os.net-ip-configuration': [3, 'IPv4Address, IPv6Address, DNSServer are nested objects'],
  'exchange.owa-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.ecp-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.web-services-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.activesync-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.mapi-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.oab-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.autodiscover-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.powershell-virtual-directory': [3, 'authentication-method lists and URL objects'],
  'exchange.outlook-anywhere': [3, 'authentication-method lists and URL objects'],
  'os.services': [1, 'name, status, start type; depth 2 repeats every dependent service'],
  'exchange.mitigation-service': [1, 'as os.services'],
  'os.hotfixes': [1, 'flat: HotFixID, InstalledOn'],
  'os.windows-features': [1, 'flat: Name, InstallState; thousands of features'],
  'os.performance-counters': [1, 'flat counter samples: Path, CookedValue'],
  'os.event-log-application': [1, 'flat log properties'],
  'os.event-log-system': [1, 'flat log properties'],
  'os.event-log-application-oldest': [1, 'one event; its message is all that is needed'],
  'os.event-log-system-oldest': [1, 'one event; its message is all that is needed'],
};

/** Where each kind's command runs, when it is not an organisation- or server-wide EMS cmdlet. */
const RUNS: Record<string, CollectorRuns> = {
  'inventory.mdm-devices': 'supplied',
  'logs.client-versions': 'not-collected',
  'logs.indicators': 'not-collected',
  'logs.admin-access': 'not-collected',
  'logs.legacy-auth': 'not-collected',
  'logs.client-addresses': 'not-collected',
  'probe.https': 'not-collected',
  'probe.smtp': 'not-collected',
  'exchange.protocol-container': 'server',
  'exchange.server-ad-object': 'server',
  'exchange.web-sites-from-ad': 'server',
};

/** EMS cmdlets that take a server; everything else server-scoped runs on the server. */
const EMS_SERVER_KIND =
  /^exchange\.(?!app-pools|installed-updates|setup-version|log-folders|mitigation-|iis-modules|fipfs-engine-state|extended-protection)/;

/** The collector's plan for one kind of the registry. */
export function collectorExport(kind: EvidenceKind): CollectorExport {
  const runs = runsOf(kind);
  if (runs === 'not-collected')
    return { runs, encoding: 'Bytes', reason: 'written by `exzt logs scan`, not on a server' };
  if (kind.format !== 'clixml')
    return { runs, encoding: 'Bytes', reason: 'the file as the server holds it, byte for byte' };

  const [depth, reason] = DEPTH[kind.id] ?? [DEFAULT_DEPTH, DEFAULT_REASON];
  return { runs, depth, encoding: 'UTF8', reason };
}

function runsOf(kind: EvidenceKind): CollectorRuns {
  const explicit = RUNS[kind.id];
  if (explicit !== undefined) return explicit;
  if (kind.scope === 'organization') return 'organization';
  if (kind.format === 'xml-config') return 'host-file';
  return EMS_SERVER_KIND.test(kind.id) ? 'server' : 'host';
}

/** Kinds the table names a depth for that the registry does not have: a typo would hide. */
export function unknownPlanKinds(known: ReadonlySet<string>): string[] {
  return [...Object.keys(DEPTH), ...Object.keys(RUNS)].filter((id) => !known.has(id));
}
