/**
 * exchange.certificates: Get-ExchangeCertificate. Deserialised from a remote session the objects
 * keep little beyond RawData, so exzt decodes the DER itself, as HealthChecker rebuilds them
 * (reference/healthchecker-checks.md §8). Exchange's own members (Services, Status,
 * FriendlyName) are read when the export has them.
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, member } from '../clixml/index.js';
import { ExztError } from '../../errors.js';
import { assignDefined, objectAnchor, objectsOf, plainTypeNames, shapeError } from './read.js';
import { readRedactedCertificate } from './redacted-certificate.js';
import { readCertificate, type CertificateFacts } from './x509.js';

export interface ExchangeCertificate extends CertificateFacts {
  friendlyName?: string;
  /** Exchange services the certificate is enabled for: "IMAP, POP, IIS, SMTP". */
  services?: string;
  /** Exchange's own verdict: Valid, Invalid, RevocationCheckFailure, … */
  status?: string;
}

const TYPE_SUFFIX = 'ExchangeCertificate';
const EXPECTED = 'an ExchangeCertificate object with RawData (Get-ExchangeCertificate)';

export function importExchangeCertificates(
  document: CliDocument,
): ImportedValue<ExchangeCertificate[]> {
  const certificates: ExchangeCertificate[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    certificates.push(readExchangeCertificate(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: certificates, anchors };
}

function readExchangeCertificate(document: CliDocument, object: CliObject): ExchangeCertificate {
  const typeNames = plainTypeNames(object);
  const raw = member(object, 'RawData');
  const typeMatches = typeNames.length === 0 || typeNames.some((t) => t.endsWith(TYPE_SUFFIX));
  const redacted = readRedactedCertificate(object);
  if (!typeMatches || (raw?.kind !== 'bytes' && redacted === undefined))
    throw shapeError(document, raw ?? object, EXPECTED);

  let certificate: ExchangeCertificate;
  if (redacted !== undefined) certificate = redacted;
  else
    try {
      certificate = readCertificate(Buffer.from(raw?.kind === 'bytes' ? raw.base64 : '', 'base64'));
    } catch (error) {
      throw new ExztError(
        'EVIDENCE',
        `RawData is not a DER certificate (${(error as Error).message}); was the export cut short?`,
        { position: { file: document.file, ...(raw ?? object).position }, cause: error },
      );
    }
  assignDefined(certificate, 'friendlyName', asString(member(object, 'FriendlyName')));
  assignDefined(certificate, 'services', asString(member(object, 'Services')));
  assignDefined(certificate, 'status', asString(member(object, 'Status')));
  return certificate;
}
