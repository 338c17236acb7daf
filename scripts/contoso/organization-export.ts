/**
 * Get-OrganizationConfig for Contoso, through EX01's Exchange remote session. A subset of the
 * members the corpus's E19/Exchange/GetOrganizationConfig.xml has, in its order and types.
 */
import {
  bool,
  byte,
  dateTime,
  guid,
  i32,
  list,
  nil,
  obj,
  str,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { exchangeSessionRunspace } from './exchange-exports.js';
import { deserialized, remotingMembers, STRING_LIST_TYPES } from './remoting.js';
import { DOMAIN, fqdn, ORGANIZATION, stableGuid, type ContosoServer } from './servers.js';

const ORGANIZATION_DN = `CN=${ORGANIZATION},CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com`;

/** ExchangeObjectVersion, kept as an object as the corpus has it: "0.20 (15.1.0.0)". */
function adminDisplayVersion(): WritableObject {
  return obj(deserialized(['Microsoft.Exchange.Data.ExchangeObjectVersion', 'System.Object']), {
    toStringText: '0.20 (15.1.0.0)',
    props: {
      NextMajorVersion: str('1.0 (0.0.0.0)'),
      NextMinorVersion: str('0.21 (0.0.0.0)'),
      Major: byte(0),
      Minor: byte(20),
      ExchangeBuild: str('15.1.0.0'),
    },
  });
}

export function organizationConfigExport(sessionServer: ContosoServer): WritableObject[] {
  const config = obj(
    deserialized([
      'Microsoft.Exchange.Data.Directory.Management.OrganizationConfig',
      'Microsoft.Exchange.Data.Directory.Management.ADPresentationObject',
      'Microsoft.Exchange.Data.Directory.ADObject',
      'Microsoft.Exchange.Data.Directory.ADRawEntry',
      'Microsoft.Exchange.Data.ConfigurableObject',
      'System.Object',
    ]),
    {
      toStringText: ORGANIZATION,
      props: [
        ['OrganizationId', str('')],
        ['Name', str(ORGANIZATION)],
        ['Identity', str(ORGANIZATION)],
        ['Guid', guid(stableGuid('organization/object-guid'))],
        // Organization objectVersion after Exchange SE RTM /PrepareAD (reference §2.4a).
        ['ObjectVersion', i32(16763)],
        ['ActivityBasedAuthenticationTimeoutEnabled', bool(true)],
        ['ActivityBasedAuthenticationTimeoutInterval', str('06:00:00')],
        ['CustomerFeedbackEnabled', nil()],
        ['EwsAllowList', nil()],
        ['EwsApplicationAccessPolicy', nil()],
        ['EwsBlockList', nil()],
        ['EwsEnabled', nil()],
        ['MapiHttpEnabled', bool(true)],
        ['OAuth2ClientProfileEnabled', bool(true)],
        ['DisplayName', str(ORGANIZATION)],
        ['IsMixedMode', bool(false)],
        ['AdminDisplayVersion', adminDisplayVersion()],
        ['EnableDownloadDomains', bool(true)],
        ['AuditDisabled', bool(false)],
        ['DefaultAuthenticationPolicy', str('Block Legacy Auth')],
        ['MitigationsEnabled', bool(true)],
        ['IsValid', bool(true)],
        ['ExchangeVersion', str('0.20 (15.0.0.0)')],
        ['DistinguishedName', str(ORGANIZATION_DN)],
        ['ObjectCategory', str(`${DOMAIN}/Configuration/Schema/ms-Exch-Organization-Container`)],
        [
          'ObjectClass',
          list(STRING_LIST_TYPES, [
            str('top'),
            str('container'),
            str('msExchOrganizationContainer'),
          ]),
        ],
        ['WhenChanged', dateTime('2025-09-16T09:31:12+00:00')],
        ['WhenCreated', dateTime('2019-07-01T15:02:37+00:00')],
        ['WhenChangedUTC', dateTime('2025-09-16T09:31:12Z')],
        ['WhenCreatedUTC', dateTime('2019-07-01T15:02:37Z')],
        ['Id', str(ORGANIZATION)],
        ['OriginatingServer', str(`dc01.${DOMAIN}`)],
        ['ObjectState', str('Unchanged')],
      ],
      ms: remotingMembers(fqdn(sessionServer), exchangeSessionRunspace(sessionServer), false),
    },
  );
  return [config];
}
