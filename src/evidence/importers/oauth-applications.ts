/**
 * exchange.partner-applications (Get-PartnerApplication) and exchange.auth-servers
 * (Get-AuthServer): who Exchange accepts OAuth tokens from. Hybrid with Exchange Online shows as
 * an enabled AzureAD (evoSTS) or MicrosoftACS auth server plus the enabled Exchange Online
 * partner application (reference/healthchecker-checks.md §12).
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, asString, asStringList, member } from '../clixml/index.js';
import { adObjectName, importObjectList } from './directory-values.js';
import { assignDefined, shapeError } from './read.js';

export interface PartnerApplication {
  name: string;
  enabled: boolean;
  applicationIdentifier: string;
  useAuthServer?: boolean;
  linkedAccount?: string;
}

export interface AuthServer {
  name: string;
  enabled: boolean;
  /** AzureAD (evoSTS), MicrosoftACS, ADFS, … */
  type?: string;
  applicationIdentifier?: string;
  realm?: string;
  authMetadataUrl?: string;
  domainNames: string[];
}

export function importPartnerApplications(
  document: CliDocument,
): ImportedValue<PartnerApplication[]> {
  return importObjectList(document, (object) => readPartnerApplication(document, object));
}

export function importAuthServers(document: CliDocument): ImportedValue<AuthServer[]> {
  return importObjectList(document, (object) => readAuthServer(document, object));
}

function readPartnerApplication(document: CliDocument, object: CliObject): PartnerApplication {
  const name = asString(member(object, 'Name'));
  const applicationIdentifier = asString(member(object, 'ApplicationIdentifier'));
  const enabled = asBoolean(member(object, 'Enabled'));
  if (!name || applicationIdentifier === undefined || enabled === undefined) {
    throw shapeError(
      document,
      object,
      'a partner application with Name, Enabled and ApplicationIdentifier (Get-PartnerApplication)',
    );
  }

  const application: PartnerApplication = { name, enabled, applicationIdentifier };
  assignDefined(application, 'useAuthServer', asBoolean(member(object, 'UseAuthServer')));
  assignDefined(application, 'linkedAccount', adObjectName(member(object, 'LinkedAccount')));
  return application;
}

function readAuthServer(document: CliDocument, object: CliObject): AuthServer {
  const name = asString(member(object, 'Name'));
  const enabled = asBoolean(member(object, 'Enabled'));
  if (!name || enabled === undefined) {
    throw shapeError(document, object, 'an auth server with Name and Enabled (Get-AuthServer)');
  }

  const server: AuthServer = {
    name,
    enabled,
    domainNames: asStringList(member(object, 'DomainName')) ?? [],
  };
  assignDefined(server, 'type', asString(member(object, 'Type')));
  assignDefined(server, 'applicationIdentifier', nonEmpty(member(object, 'ApplicationIdentifier')));
  assignDefined(server, 'realm', nonEmpty(member(object, 'Realm')));
  assignDefined(server, 'authMetadataUrl', nonEmpty(member(object, 'AuthMetadataUrl')));
  return server;
}

function nonEmpty(node: Parameters<typeof asString>[0]): string | undefined {
  const text = asString(node);
  return text === '' ? undefined : text;
}
