/**
 * exchange.organization-config: Get-OrganizationConfig, the organisation-wide switches the
 * controls read. OAuth2ClientProfileEnabled turns on OAuth (modern authentication) for Outlook
 * clients, the switch hybrid modern authentication depends on.
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import { adObjectName } from './directory-values.js';
import { assignDefined, memberAnchor, objectAnchor, singleObject } from './read.js';

export interface OrganizationConfig {
  name: string;
  oauth2ClientProfileEnabled?: boolean;
  mapiHttpEnabled?: boolean;
  enableDownloadDomains?: boolean;
  mitigationsEnabled?: boolean;
  /** Mailbox auditing switched off for the whole organisation (default false). */
  auditDisabled?: boolean;
  /** Authentication policy of users without their own (Exchange 2019 CU2+). */
  defaultAuthenticationPolicy?: string;
}

export function importOrganizationConfig(document: CliDocument): ImportedValue<OrganizationConfig> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'OrganizationConfig',
    member: 'Name',
    description: 'an OrganizationConfig object with a Name member (Get-OrganizationConfig)',
  });

  const value: OrganizationConfig = { name: asString(member(object, 'Name')) ?? '' };
  const flags = {
    oauth2ClientProfileEnabled: 'OAuth2ClientProfileEnabled',
    mapiHttpEnabled: 'MapiHttpEnabled',
    enableDownloadDomains: 'EnableDownloadDomains',
    mitigationsEnabled: 'MitigationsEnabled',
    auditDisabled: 'AuditDisabled',
  } as const;
  for (const [key, name] of Object.entries(flags) as [keyof typeof flags, string][]) {
    assignDefined(value, key, asBoolean(member(object, name)));
  }

  const defaultPolicy = adObjectName(member(object, 'DefaultAuthenticationPolicy'));
  assignDefined(value, 'defaultAuthenticationPolicy', defaultPolicy);

  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const oauthAnchor = memberAnchor(object, index, 'OAuth2ClientProfileEnabled');
  if (oauthAnchor !== undefined) anchors.push(oauthAnchor);
  return { value, anchors };
}
