/**
 * Get-SettingOverride for Contoso: one override, scoped to EX02, that switches off the fix of
 * CVE-2025-33051 (Cafe / RemoveBackendCookieFromAutoDiscoverV2Response, Aug25SU), as an admin
 * might while troubleshooting Autodiscover and then forget. Shaped like the corpus's
 * E19/Exchange/GetSettingOverride1.xml, through a remote session.
 */
import { bool, enumValue, list, nil, obj, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { exchangeSessionRunspace } from './exchange-exports.js';
import { deserialized, remotingMembers, STRING_LIST_TYPES } from './remoting.js';
import { fqdn, type ContosoServer } from './servers.js';

const OVERRIDE_TYPES = deserialized([
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ConfigurationSettings.SettingOverride',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
  'Microsoft.Exchange.Data.Directory.ADObject',
  'Microsoft.Exchange.Data.Directory.ADRawEntry',
  'Microsoft.Exchange.Data.ConfigurableObject',
  'System.Object',
]);

const STATUS_TYPES = deserialized([
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ConfigurationSettings.SettingOverrideStatus',
  'System.Enum',
  'System.ValueType',
  'System.Object',
]);

export function settingOverridesExport(sessionServer: ContosoServer): WritableObject[] {
  const name = 'AutodiscoverCookieTroubleshooting';
  return [
    obj(OVERRIDE_TYPES, {
      toStringText: name,
      props: [
        ['ComponentName', str('Cafe')],
        ['SectionName', str('RemoveBackendCookieFromAutoDiscoverV2Response')],
        ['ModifiedBy', str('contoso.com/Users/ex-admin')],
        ['Reason', str('Autodiscover troubleshooting, case 2611')],
        ['MinVersion', nil()],
        ['MaxVersion', nil()],
        ['Server', list(STRING_LIST_TYPES, [str('EX02')])],
        ['Parameters', list(STRING_LIST_TYPES, [str('Enabled=false')])],
        ['Status', enumValue(STATUS_TYPES, 'Accepted', 3)],
        ['Name', str(name)],
        ['Identity', str(name)],
        ['IsValid', bool(true)],
      ],
      ms: remotingMembers(fqdn(sessionServer), exchangeSessionRunspace(sessionServer), false),
    }),
  ];
}
