/**
 * iis.application-host: %windir%\System32\inetsrv\config\applicationHost.config, read for the
 * per-location settings Extended Protection depends on (reference/healthchecker-checks.md §5):
 * windowsAuthentication/extendedProtection@tokenChecking, access@sslFlags and ipSecurity.
 */
import type { ImportedText } from '../kinds/kind.js';
import {
  attribute,
  childrenNamed,
  descendant,
  parseXmlConfig,
  type XmlElement,
} from '../xml-config/xml-reader.js';
import { readIpSecurity, type IisIpSecurity } from './iis-ip-security.js';
import { ExztError } from '../../errors.js';

export interface IisLocation {
  /** `<location path>` as written, e.g. "Default Web Site/owa". */
  path: string;
  /** 1-based line of the `<location>` element. */
  line: number;
  /** extendedProtection@tokenChecking as written (None, Allow, Require), when the location sets it. */
  tokenChecking?: string;
  /** access@sslFlags as written ("Ssl, Ssl128"), when the location sets it. */
  sslFlags?: string;
  /** ipSecurity, when the location has the element: allowUnlisted as written and its entries. */
  ipSecurity?: IisIpSecurity;
}

export interface ApplicationHostConfig {
  locations: IisLocation[];
}

export function importApplicationHost(
  text: string,
  file: string,
): ImportedText<ApplicationHostConfig> {
  const root = parseXmlConfig(text, file);
  if (root.name !== 'configuration') {
    throw new ExztError(
      'EVIDENCE',
      `expected applicationHost.config with a <configuration> root, found <${root.name}>`,
      { position: { file, line: root.line, column: root.column } },
    );
  }

  const locations = childrenNamed(root, 'location').map(readLocation);
  return { value: { locations }, lines: [root.line, ...locations.map((l) => l.line)] };
}

function readLocation(element: XmlElement): IisLocation {
  const security = descendant(element, 'system.webServer', 'security');
  const location: IisLocation = { path: attribute(element, 'path') ?? '', line: element.line };
  const tokenChecking = attribute(
    descendant(security, 'authentication', 'windowsAuthentication', 'extendedProtection'),
    'tokenChecking',
  );
  const sslFlags = attribute(descendant(security, 'access'), 'sslFlags');
  const ipSecurity = descendant(security, 'ipSecurity');

  if (tokenChecking !== undefined) location.tokenChecking = tokenChecking;
  if (sslFlags !== undefined) location.sslFlags = sslFlags;
  if (ipSecurity !== undefined) location.ipSecurity = readIpSecurity(ipSecurity);
  return location;
}
