/**
 * Organisation-wide data and resilience evidence: IRM and admin audit configuration, the mailbox
 * databases with their last backups (DB03's is six weeks old), and the DAG's networks, where the
 * MAPI network still carries replication.
 */
import {
  bool,
  dateTime,
  duration,
  list,
  nil,
  obj,
  str,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized } from './remoting.js';
import { enumOf, exchangeObject, exchangeTypes, selectedObject } from './shapes.js';
import type { ContosoServer } from './servers.js';

/** Get-IRMConfiguration: IRM licensing off: Contoso protects mail in Exchange Online only. */
export function irmConfigurationExport(session: ContosoServer): WritableObject[] {
  const types = exchangeTypes(
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.IRMConfiguration',
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
  );
  return [
    exchangeObject(types, session, 'ControlPoint Configuration', [
      ['InternalLicensingEnabled', bool(false)],
      ['ExternalLicensingEnabled', bool(false)],
      ['AzureRMSLicensingEnabled', bool(false)],
      ['Identity', str('ControlPoint Configuration')],
    ]),
  ];
}

/** Get-AdminAuditLogConfig: on, kept 180 days. */
export function adminAuditLogConfigExport(session: ContosoServer): WritableObject[] {
  const types = exchangeTypes(
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.AdminAuditLogConfig',
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
  );
  return [
    exchangeObject(types, session, 'Admin Audit Log Settings', [
      ['AdminAuditLogEnabled', bool(true)],
      ['AdminAuditLogAgeLimit', duration('P180D')],
      [
        'LogLevel',
        enumOf('Microsoft.Exchange.Data.Directory.SystemConfiguration.AuditLogLevel', 'None', 0),
      ],
      [
        'AdminAuditLogCmdlets',
        obj(
          deserialized([
            'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]',
            'System.Object',
          ]),
          { toStringText: '*' },
        ),
      ],
      ['Identity', str('Admin Audit Log Settings')],
    ]),
  ];
}

/** [database, server, last full backup, last incremental backup]. */
const DATABASES: [string, string, string, string | undefined][] = [
  ['DB01', 'EX01', '2026-11-29T22:10:44Z', '2026-11-30T04:05:12Z'],
  ['DB02', 'EX02', '2026-11-29T22:41:03Z', '2026-11-30T04:31:27Z'],
  ['DB03', 'EX03', '2026-10-18T23:02:55Z', undefined],
  ['DB04', 'EX04', '2026-11-29T23:15:38Z', '2026-11-30T05:02:49Z'],
  ['DB2013', 'EX2013', '2026-11-29T21:30:19Z', undefined],
];

/** Get-MailboxDatabase -Status | Select-Object Name, Server, LastFullBackup, …. */
export function mailboxDatabasesExport(session: ContosoServer): WritableObject[] {
  return DATABASES.map(([name, server, full, incremental]) =>
    selectedObject(
      session,
      'Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase',
      [
        ['Name', str(name)],
        ['Server', str(server)],
        ['LastFullBackup', dateTime(full)],
        ['LastIncrementalBackup', incremental === undefined ? nil() : dateTime(incremental)],
        ['LastDifferentialBackup', nil()],
        ['CircularLoggingEnabled', bool(false)],
      ],
    ),
  );
}

const SUBNET_TYPES = deserialized([
  'Microsoft.Exchange.Data.DatabaseAvailabilityGroupNetworkSubnet',
  'System.Object',
]);
const SUBNET_LIST_TYPES = deserialized([
  'Microsoft.Exchange.Data.DagNetMultiValuedProperty`1[[Microsoft.Exchange.Data.DatabaseAvailabilityGroupNetworkSubnet, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
  'System.Object',
]);

/** A subnet item; its SubnetId is below the serialisation depth, so only its text survives. */
function dagSubnet(subnet: string): WritableObject {
  const subnetId = obj(
    deserialized(['Microsoft.Exchange.Data.DatabaseAvailabilityGroupSubnetId', 'System.Object']),
    { toStringText: subnet },
  );
  return obj(SUBNET_TYPES, {
    toStringText: `{${subnet},Up}`,
    props: [
      ['SubnetId', subnetId],
      [
        'State',
        enumOf(
          'Microsoft.Exchange.Data.DatabaseAvailabilityGroupNetworkSubnet+SubnetState',
          'Up',
          1,
        ),
      ],
    ],
  });
}

/** Get-DatabaseAvailabilityGroupNetwork: DAG1's two networks. */
export function dagNetworksExport(session: ContosoServer): WritableObject[] {
  const types = exchangeTypes(
    'Microsoft.Exchange.Management.SystemConfigurationTasks.DatabaseAvailabilityGroupNetwork',
  );
  const networks: [string, string, boolean, boolean][] = [
    ['MapiDagNetwork', '10.40.0.0/24', true, true],
    ['ReplicationDagNetwork01', '10.30.0.0/24', true, false],
  ];
  return networks.map(([name, subnet, replication, mapi]) =>
    exchangeObject(types, session, `DAG1\\${name}`, [
      ['Name', str(name)],
      ['Description', str('')],
      ['Subnets', list(SUBNET_LIST_TYPES, [dagSubnet(subnet)])],
      ['ReplicationEnabled', bool(replication)],
      ['MapiAccessEnabled', bool(mapi)],
      ['IgnoreNetwork', bool(false)],
      ['Identity', str(`DAG1\\${name}`)],
    ]),
  );
}
