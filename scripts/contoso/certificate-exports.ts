/**
 * Get-ExchangeCertificate per server and Get-AuthConfig for the organisation. The certificates
 * are fixed DER files made once with openssl (scripts/contoso/certificates/README.md); their
 * subject, thumbprint and dates are read from the DER, so the export and RawData agree.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { bool, bytes, dateTime, nil, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized } from './remoting.js';
import { storyOf, type InstalledCertificate } from './server-stories.js';
import { enumOf, exchangeObject, exchangeTypes } from './shapes.js';
import type { ContosoServer } from './servers.js';

/** dist/scripts/contoso/ → scripts/contoso/certificates in the repository. */
const CERTIFICATE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../scripts/contoso/certificates',
);

export const AUTH_CERTIFICATE_FILE = 'exchange-auth.der';

export function certificateDer(file: string): Buffer {
  return readFileSync(path.join(CERTIFICATE_DIR, file));
}

export function thumbprintOf(file: string): string {
  return new X509Certificate(certificateDer(file)).fingerprint.replace(/:/g, '');
}

const CERTIFICATE_TYPES = deserialized([
  'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate',
  'System.Security.Cryptography.X509Certificates.X509Certificate2',
  'System.Security.Cryptography.X509Certificates.X509Certificate',
  'System.Object',
]);

/** "Mar  1 00:00:00 2026 GMT" → "2026-03-01T00:00:00Z". */
function isoOf(opensslDate: string): string {
  return new Date(opensslDate).toISOString().replace('.000Z', 'Z');
}

function certificate(server: ContosoServer, installed: InstalledCertificate): WritableObject {
  const der = certificateDer(installed.file);
  const x509 = new X509Certificate(der);
  const thumbprint = x509.fingerprint.replace(/:/g, '');
  const subject = x509.subject.split('\n').reverse().join(', ');
  const issuer = x509.issuer.split('\n').reverse().join(', ');
  const selfSigned = subject === issuer;
  return exchangeObject(CERTIFICATE_TYPES, server, `[Subject]\r\n  ${subject}\r\n`, [
    ['FriendlyName', str(installed.friendlyName)],
    [
      'Services',
      enumOf(
        'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices',
        installed.services,
        servicesBits(installed.services),
      ),
    ],
    [
      'Status',
      enumOf(
        'Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateStatus',
        'Valid',
        1,
      ),
    ],
    ['IsSelfSigned', bool(selfSigned)],
    [
      'RootCAType',
      enumOf(
        'Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateRootCAType',
        selfSigned ? 'None' : 'Enterprise',
        selfSigned ? 0 : 2,
      ),
    ],
    ['Subject', str(subject)],
    ['Issuer', str(issuer)],
    ['NotBefore', dateTime(isoOf(x509.validFrom))],
    ['NotAfter', dateTime(isoOf(x509.validTo))],
    ['Thumbprint', str(thumbprint)],
    ['RawData', bytes(der)],
    ['PrivateKey', nil()],
  ]);
}

const SERVICE_BITS: Readonly<Record<string, number>> = { IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 };

function servicesBits(services: string): number {
  return services.split(', ').reduce((sum, name) => sum + (SERVICE_BITS[name] ?? 0), 0);
}

/** Get-ExchangeCertificate -Server <server>. */
export function certificatesExport(server: ContosoServer): WritableObject[] {
  return storyOf(server.name).certificates.map((installed) => certificate(server, installed));
}

const AUTH_CONFIG_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthConfig',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADContainer',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-AuthConfig: the Auth certificate every Mailbox server holds, no next one staged. */
export function authConfigExport(session: ContosoServer): WritableObject[] {
  return [
    exchangeObject(AUTH_CONFIG_TYPES, session, 'Auth Configuration', [
      ['CurrentCertificateThumbprint', str(thumbprintOf(AUTH_CERTIFICATE_FILE))],
      ['PreviousCertificateThumbprint', str('')],
      ['NextCertificateThumbprint', str('')],
      ['NextCertificateEffectiveDate', nil()],
      ['ServiceName', str('00000002-0000-0ff1-ce00-000000000000')],
      ['Realm', str('')],
      ['Name', str('Auth Configuration')],
      ['Identity', str('Auth Configuration')],
    ]),
  ];
}
