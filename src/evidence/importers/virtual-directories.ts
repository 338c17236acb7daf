/**
 * The nine virtual-directory kinds (OWA, ECP, EWS, ActiveSync, MAPI, OAB, Autodiscover,
 * PowerShell, Outlook Anywhere): which authentication methods each directory offers. Exported
 * with -ADPropertiesOnly, the switches that mirror IIS (BasicAuthentication, …) may read false
 * while the AD lists (InternalAuthenticationMethods, …) name the method, as E19's OWA export
 * shows; so a method counts as offered when any switch or list names it.
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, asString, asStringList, member } from '../clixml/index.js';
import { adObjectName, importObjectList } from './directory-values.js';
import { assignDefined, shapeError } from './read.js';

/** Every virtual-directory kind this importer reads, in the order reports list them. */
export const VIRTUAL_DIRECTORY_KINDS = [
  'exchange.owa-virtual-directory',
  'exchange.ecp-virtual-directory',
  'exchange.web-services-virtual-directory',
  'exchange.activesync-virtual-directory',
  'exchange.mapi-virtual-directory',
  'exchange.oab-virtual-directory',
  'exchange.autodiscover-virtual-directory',
  'exchange.powershell-virtual-directory',
  'exchange.outlook-anywhere',
] as const;

export type AuthMethod =
  | 'basic'
  | 'digest'
  | 'ntlm'
  | 'negotiate'
  | 'kerberos'
  | 'forms'
  | 'oauth'
  | 'adfs'
  | 'wssecurity'
  | 'certificate'
  | 'liveid';

export interface VirtualDirectory {
  /** e.g. "owa (Default Web Site)". */
  name: string;
  server?: string;
  internalUrl?: string;
  externalUrl?: string;
  /** OWA only: Download Domains host names (CVE-2021-1730); empty reads as undefined. */
  internalDownloadHostName?: string;
  externalDownloadHostName?: string;
  /** Every method offered, sorted. */
  offered: AuthMethod[];
  /** For each offered method, the members that say so. */
  offeredBy: Partial<Record<AuthMethod, string[]>>;
  /** Method names in the lists that exzt does not know, as exported. */
  unrecognised: string[];
}

/** Switches and the methods they turn on; Windows authentication is IIS's Negotiate + NTLM. */
const SWITCHES: Readonly<Record<string, readonly AuthMethod[]>> = {
  BasicAuthentication: ['basic'],
  BasicAuthEnabled: ['basic'],
  DigestAuthentication: ['digest'],
  WindowsAuthentication: ['negotiate', 'ntlm'],
  WindowsAuthEnabled: ['negotiate', 'ntlm'],
  FormsAuthentication: ['forms'],
  OAuthAuthentication: ['oauth'],
  AdfsAuthentication: ['adfs'],
  WSSecurityAuthentication: ['wssecurity'],
  CertificateAuthentication: ['certificate'],
};

const METHOD_LISTS = [
  'InternalAuthenticationMethods',
  'ExternalAuthenticationMethods',
  'IISAuthenticationMethods',
  'InternalClientAuthenticationMethod',
  'ExternalClientAuthenticationMethod',
];

/** AuthenticationMethod enum names (Microsoft.Exchange.Data.Directory.SystemConfiguration). */
const METHOD_NAMES: Readonly<Record<string, AuthMethod>> = {
  basic: 'basic',
  digest: 'digest',
  ntlm: 'ntlm',
  fba: 'forms',
  windowsintegrated: 'negotiate',
  negotiate: 'negotiate',
  negoex: 'negotiate',
  kerberos: 'kerberos',
  oauth: 'oauth',
  adfs: 'adfs',
  wssecurity: 'wssecurity',
  certificate: 'certificate',
  liveidfba: 'liveid',
  liveidbasic: 'liveid',
  liveidnegotiate: 'liveid',
};

const EXPECTED = 'a virtual directory object with a Name (Get-*VirtualDirectory -ADPropertiesOnly)';

export function importVirtualDirectories(document: CliDocument): ImportedValue<VirtualDirectory[]> {
  return importObjectList(document, (object) => readDirectory(document, object));
}

function readDirectory(document: CliDocument, object: CliObject): VirtualDirectory {
  const name = asString(member(object, 'Name'));
  if (!name) throw shapeError(document, object, EXPECTED);

  const offeredBy: Partial<Record<AuthMethod, string[]>> = {};
  const note = (method: AuthMethod, source: string) => {
    offeredBy[method] = [...(offeredBy[method] ?? []), source];
  };
  for (const [source, methods] of Object.entries(SWITCHES)) {
    if (asBoolean(member(object, source)) === true) methods.forEach((m) => note(m, source));
  }
  const unrecognised = new Set<string>();
  for (const source of METHOD_LISTS) {
    for (const text of methodNames(member(object, source))) {
      const method = METHOD_NAMES[text.toLowerCase()];
      if (method === undefined) unrecognised.add(text);
      else note(method, source);
    }
  }

  const directory: VirtualDirectory = {
    name,
    offered: (Object.keys(offeredBy) as AuthMethod[]).sort(),
    offeredBy,
    unrecognised: [...unrecognised].filter((text) => text !== 'None').sort(),
  };
  assignDefined(directory, 'server', adObjectName(member(object, 'Server')));
  assignDefined(directory, 'internalUrl', asString(member(object, 'InternalUrl')));
  assignDefined(directory, 'externalUrl', asString(member(object, 'ExternalUrl')));
  for (const key of ['internalDownloadHostName', 'externalDownloadHostName'] as const) {
    assignDefined(directory, key, asString(member(object, key))?.trim() || undefined);
  }
  return directory;
}

/** A list of AuthenticationMethod enums, a single enum, or "Basic, Ntlm" flag text. */
function methodNames(node: CliNode | undefined): string[] {
  const texts = asStringList(node) ?? [];
  return texts.flatMap((text) => text.split(',').map((part) => part.trim())).filter(Boolean);
}
