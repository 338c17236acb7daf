/**
 * exchange.admin-audit-log-config: Get-AdminAuditLogConfig (bundle-only). AdminAuditLogAgeLimit
 * is a TimeSpan (default 90 days); exzt keeps it in days.
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asDurationMs, asString, member } from '../clixml/index.js';
import { memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';

export interface AdminAuditLogConfig {
  adminAuditLogEnabled: boolean;
  /** AdminAuditLogAgeLimit in days (fractions kept); undefined when unreadable. */
  ageLimitDays?: number;
  /** None or Verbose. */
  logLevel?: string;
}

const DAY_MS = 86_400_000;

export function importAdminAuditLogConfig(
  document: CliDocument,
): ImportedValue<AdminAuditLogConfig> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'AdminAuditLogConfig',
    member: 'AdminAuditLogEnabled',
    description:
      'an AdminAuditLogConfig object with AdminAuditLogEnabled (Get-AdminAuditLogConfig)',
  });
  const enabled = asBoolean(member(object, 'AdminAuditLogEnabled'));
  if (enabled === undefined) {
    throw shapeError(
      document,
      member(object, 'AdminAuditLogEnabled'),
      'AdminAuditLogEnabled as a boolean',
    );
  }

  const value: AdminAuditLogConfig = { adminAuditLogEnabled: enabled };
  const ageLimitMs = asDurationMs(member(object, 'AdminAuditLogAgeLimit'));
  if (ageLimitMs !== undefined) value.ageLimitDays = ageLimitMs / DAY_MS;
  const logLevel = asString(member(object, 'LogLevel'));
  if (logLevel !== undefined) value.logLevel = logLevel;

  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const ageAnchor = memberAnchor(object, index, 'AdminAuditLogAgeLimit');
  if (ageAnchor !== undefined) anchors.push(ageAnchor);
  return { value, anchors };
}
