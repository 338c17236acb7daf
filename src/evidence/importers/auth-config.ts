/**
 * exchange.auth-config: Get-AuthConfig, the organisation's OAuth signing certificates by
 * thumbprint (reference/healthchecker-checks.md §8, §12).
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asDate, asString, member } from '../clixml/index.js';
import { assignDefined, memberAnchor, objectAnchor, singleObject } from './read.js';

export interface AuthConfig {
  /** Upper-case hex; undefined when the organisation has none. */
  currentCertificateThumbprint?: string;
  previousCertificateThumbprint?: string;
  nextCertificateThumbprint?: string;
  /** ISO 8601. */
  nextCertificateEffectiveDate?: string;
  serviceName?: string;
}

export function importAuthConfig(document: CliDocument): ImportedValue<AuthConfig> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'AuthConfig',
    member: 'CurrentCertificateThumbprint',
    description: 'an AuthConfig object with CurrentCertificateThumbprint (Get-AuthConfig)',
  });

  const value: AuthConfig = {};
  assignDefined(
    value,
    'currentCertificateThumbprint',
    thumbprint(member(object, 'CurrentCertificateThumbprint')),
  );
  assignDefined(
    value,
    'previousCertificateThumbprint',
    thumbprint(member(object, 'PreviousCertificateThumbprint')),
  );
  assignDefined(
    value,
    'nextCertificateThumbprint',
    thumbprint(member(object, 'NextCertificateThumbprint')),
  );
  assignDefined(
    value,
    'nextCertificateEffectiveDate',
    isoDate(member(object, 'NextCertificateEffectiveDate')),
  );
  assignDefined(value, 'serviceName', asString(member(object, 'ServiceName')));

  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const current = memberAnchor(object, index, 'CurrentCertificateThumbprint');
  if (current !== undefined) anchors.push(current);
  return { value, anchors };
}

/** Thumbprints as Exchange compares them: hex only, upper case; empty text means none. */
function thumbprint(node: CliNode | undefined): string | undefined {
  const text = asString(node)
    ?.replace(/[^0-9a-fA-F]/g, '')
    .toUpperCase();
  return text === undefined || text === '' ? undefined : text;
}

function isoDate(node: CliNode | undefined): string | undefined {
  const epochMs = asDate(node);
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}
