/**
 * Contoso's identity evidence: who holds which RBAC role group and management role, how
 * /PrepareDomain left the domain's ACL, the Exchange security groups, and the hybrid and OAuth
 * configuration. One Organization Management member too many, a service account with
 * ApplicationImpersonation, hybrid still on the shared Exchange Online application.
 */
import { bool, i32, list, obj, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized } from './remoting.js';
import { exchangeObject, exchangeTypes, nestedObject, probeObject, stringList } from './shapes.js';
import { DOMAIN, type ContosoServer } from './servers.js';

interface Person {
  name: string;
  sam: string;
  type: 'UserMailbox' | 'User' | 'MailUniversalSecurityGroup';
}

/** [role group, members]: Organization Management has five, the policy allows four. */
const ROLE_GROUPS: [string, Person[]][] = [
  [
    'Organization Management',
    [
      { name: 'Administrator', sam: 'Administrator', type: 'UserMailbox' },
      { name: 'Break Glass Exchange', sam: 'bg-exchange', type: 'User' },
      { name: 'Anna de Vries', sam: 'adm-avries', type: 'User' },
      { name: 'Bram Jansen', sam: 'adm-bjansen', type: 'User' },
      { name: 'Chris Bakker', sam: 'adm-cbakker', type: 'User' },
    ],
  ],
  [
    'Recipient Management',
    [{ name: 'Service Desk', sam: 'grp-servicedesk', type: 'MailUniversalSecurityGroup' }],
  ],
  ['Discovery Management', [{ name: 'Eva Legal', sam: 'adm-elegal', type: 'User' }]],
  [
    'View-Only Organization Management',
    [{ name: 'svc-monitoring', sam: 'svc-monitoring', type: 'User' }],
  ],
];

const MEMBER_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.Management.ReducedRecipient',
  'Microsoft.Exchange.Data.Directory.ADPresentationObject',
);

/** Get-RoleGroup | ForEach-Object { Get-RoleGroupMember … | Add-Member RoleGroup }. */
export function roleGroupMembersExport(session: ContosoServer): WritableObject[] {
  return ROLE_GROUPS.flatMap(([roleGroup, members]) =>
    members.map((person) => {
      const member = exchangeObject(MEMBER_TYPES, session, person.name, [
        ['Name', str(person.name)],
        ['SamAccountName', str(person.sam)],
        ['RecipientTypeDetails', str(person.type)],
        [
          'PrimarySmtpAddress',
          str(person.type === 'User' ? '' : `${person.sam.toLowerCase()}@${DOMAIN}`),
        ],
        ['DistinguishedName', str(`CN=${person.name},OU=Admins,DC=contoso,DC=com`)],
      ]);
      return {
        ...member,
        extended: [{ name: 'RoleGroup', value: str(roleGroup) }, ...member.extended],
      };
    }),
  );
}

interface Assignment {
  role: string;
  assignee: string;
  assigneeType: 'RoleGroup' | 'User' | 'RoleAssignmentPolicy';
  delegation: 'Regular' | 'DelegatingOrgWide';
  scope?: string;
}

const ASSIGNMENTS: Assignment[] = [
  {
    role: 'Organization Client Access',
    assignee: 'Organization Management',
    assigneeType: 'RoleGroup',
    delegation: 'Regular',
  },
  {
    role: 'Role Management',
    assignee: 'Organization Management',
    assigneeType: 'RoleGroup',
    delegation: 'Regular',
  },
  {
    role: 'Mail Recipients',
    assignee: 'Recipient Management',
    assigneeType: 'RoleGroup',
    delegation: 'Regular',
  },
  {
    role: 'Mailbox Search',
    assignee: 'Discovery Management',
    assigneeType: 'RoleGroup',
    delegation: 'Regular',
  },
  {
    role: 'Mailbox Import Export',
    assignee: 'Organization Management',
    assigneeType: 'RoleGroup',
    delegation: 'DelegatingOrgWide',
  },
  {
    role: 'ApplicationImpersonation',
    assignee: 'Organization Management',
    assigneeType: 'RoleGroup',
    delegation: 'DelegatingOrgWide',
  },
  {
    role: 'ApplicationImpersonation',
    assignee: 'svc-archive',
    assigneeType: 'User',
    delegation: 'Regular',
    scope: 'Archive migration mailboxes',
  },
  {
    role: 'MyBaseOptions',
    assignee: 'Default Role Assignment Policy',
    assigneeType: 'RoleAssignmentPolicy',
    delegation: 'Regular',
  },
];

const ASSIGNMENT_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.Management.ExchangeRoleAssignmentPresentation',
  'Microsoft.Exchange.Data.Directory.ADPresentationObject',
);

/** Get-ManagementRoleAssignment (a reduced set: the assignments the story turns on). */
export function roleAssignmentsExport(session: ContosoServer): WritableObject[] {
  return ASSIGNMENTS.map((assignment) => {
    const suffix = assignment.delegation === 'Regular' ? '' : '-Delegating';
    const name = `${assignment.role}-${assignment.assignee}${suffix}`.slice(0, 64);
    return exchangeObject(ASSIGNMENT_TYPES, session, name, [
      ['Name', str(name)],
      ['Role', str(assignment.role)],
      ['RoleAssigneeName', str(assignment.assignee)],
      ['RoleAssigneeType', str(assignment.assigneeType)],
      ['RoleAssignmentDelegationType', str(assignment.delegation)],
      ['Enabled', bool(true)],
      [
        'RecipientWriteScope',
        str(assignment.scope === undefined ? 'Organization' : 'CustomRecipientScope'),
      ],
      [
        'CustomRecipientWriteScope',
        assignment.scope === undefined ? str('') : str(assignment.scope),
      ],
      ['Identity', str(name)],
    ]);
  });
}

const DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820';
/** The Exchange security groups and their RIDs in the Contoso domain. */
const EXCHANGE_GROUPS: [string, number][] = [
  ['Exchange Servers', 1117],
  ['Exchange Trusted Subsystem', 1118],
  ['Exchange Windows Permissions', 1119],
  ['Organization Management', 1103],
];

function sidOf(group: string): string {
  const rid = EXCHANGE_GROUPS.find(([name]) => name === group)?.[1] ?? 0;
  return `${DOMAIN_SID}-${rid}`;
}

/** HealthChecker's GetExchangeWellKnownSecurityGroups. */
export function wellKnownGroupsExport(session: ContosoServer): WritableObject[] {
  return EXCHANGE_GROUPS.map(([name]) =>
    probeObject(session, [
      ['WellKnownName', str(name)],
      [
        'DistinguishedName',
        str(`CN=${name},OU=Microsoft Exchange Security Groups,DC=contoso,DC=com`),
      ],
      ['SID', str(sidOf(name))],
    ]),
  );
}

// Schema GUIDs: computer class, userCertificate, managedBy; group class for the inherit-only ACE.
const COMPUTER = 'bf967a86-0de6-11d0-a285-00aa003049e2';
const USER_CERTIFICATE = 'bf967a7f-0de6-11d0-a285-00aa003049e2';
const MANAGED_BY = '0296c120-40da-11d1-a9c0-0000f80367c1';
const GROUP = 'bf967a9c-0de6-11d0-a285-00aa003049e2';

/** The domain root's DACL after the May 2022 SU's /PrepareDomain (no WriteDacl on the root). */
function domainRootSddl(): string {
  const servers = sidOf('Exchange Servers');
  const permissions = sidOf('Exchange Windows Permissions');
  return [
    `O:${DOMAIN_SID}-512G:${DOMAIN_SID}-512D:AI`,
    `(OD;CI;WP;${USER_CERTIFICATE};${COMPUTER};${servers})`,
    `(OD;CI;WP;${MANAGED_BY};${COMPUTER};${permissions})`,
    `(OA;CIIO;WP;${MANAGED_BY};${GROUP};${permissions})`,
    '(A;;RPLCLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;DA)(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;EA)',
  ].join('');
}

function aclEntry(distinguishedName: string, sddl: string): WritableObject {
  const acl = obj(
    deserialized([
      'System.DirectoryServices.ActiveDirectorySecurity',
      'System.Security.AccessControl.DirectoryObjectSecurity',
      'System.Security.AccessControl.ObjectSecurity',
      'System.Object',
    ]),
    {
      toStringText: 'System.DirectoryServices.ActiveDirectorySecurity',
      props: [
        ['Owner', str('CONTOSO\\Domain Admins')],
        ['Sddl', str(sddl)],
      ],
    },
  );
  return nestedObject([
    ['DN', str(distinguishedName)],
    ['Acl', acl],
  ]);
}

const OBJECT_LIST_TYPES = deserialized([
  'System.Collections.Generic.List`1[[System.Object, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]',
  'System.Object',
]);

/**
 * HealthChecker's GetExchangeDomainsAclPermissions, cut to what the ACL checks read: the DACL as
 * SDDL (the real export also lists every ACE as an object) and the MESO objectVersion.
 */
export function domainAclsExport(session: ContosoServer): WritableObject[] {
  const domainDn = 'DC=contoso,DC=com';
  const adminSdHolderSddl = `O:${DOMAIN_SID}-512G:${DOMAIN_SID}-512D:PAI(A;;RPWPCRCCDCLCLORCWOWDSDDTSW;;;DA)(A;;RPLCLORC;;;AU)`;
  return [
    probeObject(session, [
      ['DomainName', str(DOMAIN)],
      ['DomainDN', str(domainDn)],
      [
        'Permissions',
        list(OBJECT_LIST_TYPES, [
          aclEntry(domainDn, domainRootSddl()),
          aclEntry(`CN=AdminSDHolder,CN=System,${domainDn}`, adminSdHolderSddl),
        ]),
      ],
      [
        'MesoObject',
        nestedObject([
          ['DN', str(`CN=Microsoft Exchange System Objects,${domainDn}`)],
          ['ObjectVersion', i32(13243)],
        ]),
      ],
    ]),
  ];
}

const HYBRID_TYPES = exchangeTypes(
  'Microsoft.Exchange.Management.Hybrid.HybridConfiguration',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-HybridConfiguration: the wizard ran for contoso.com with the classic features. */
export function hybridConfigurationExport(session: ContosoServer): WritableObject[] {
  return [
    exchangeObject(HYBRID_TYPES, session, 'Hybrid Configuration', [
      ['Domains', stringList([DOMAIN])],
      [
        'Features',
        stringList([
          'FreeBusy',
          'MoveMailbox',
          'Mailtips',
          'MessageTracking',
          'OwaRedirection',
          'OnlineArchive',
          'SecureMail',
          'Photos',
        ]),
      ],
      ['OnPremisesSmartHost', str(`mail.${DOMAIN}`)],
      ['Name', str('Hybrid Configuration')],
      ['Identity', str('Hybrid Configuration')],
    ]),
  ];
}

const PARTNER_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.PartnerApplication',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-PartnerApplication: the built-in partners and Exchange Online (shared application id). */
export function partnerApplicationsExport(session: ContosoServer): WritableObject[] {
  const partners: [string, string, boolean][] = [
    ['Exchange Online', '00000002-0000-0ff1-ce00-000000000000', true],
    ['Lync Server', '00000004-0000-0ff1-ce00-000000000000', false],
    ['SharePoint', '00000003-0000-0ff1-ce00-000000000000', false],
  ];
  return partners.map(([name, id, enabled]) =>
    exchangeObject(PARTNER_TYPES, session, name, [
      ['Name', str(name)],
      ['Enabled', bool(enabled)],
      ['ApplicationIdentifier', str(id)],
      ['UseAuthServer', bool(true)],
      [
        'LinkedAccount',
        str(name === 'Exchange Online' ? `${DOMAIN}/Users/Exchange Online-ApplicationAccount` : ''),
      ],
      ['Identity', str(name)],
    ]),
  );
}

const AUTH_SERVER_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthServer',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-AuthServer: Entra ID (evoSTS) for hybrid modern authentication, and the retired ACS. */
export function authServersExport(session: ContosoServer): WritableObject[] {
  const servers: [string, string, boolean, string][] = [
    [
      'EvoSts - 4f1c2b7e-9d1a-4e2b-8b61-2a1f0c9d3e55',
      'AzureAD',
      true,
      'https://login.windows.net/contoso.onmicrosoft.com/federationmetadata/2007-06/federationmetadata.xml',
    ],
    [
      'ACS - 4f1c2b7e-9d1a-4e2b-8b61-2a1f0c9d3e55',
      'MicrosoftACS',
      false,
      'https://accounts.accesscontrol.windows.net/contoso.onmicrosoft.com/metadata/json/1',
    ],
  ];
  return servers.map(([name, type, enabled, metadata]) =>
    exchangeObject(AUTH_SERVER_TYPES, session, name, [
      ['Name', str(name)],
      ['Enabled', bool(enabled)],
      ['Type', str(type)],
      ['ApplicationIdentifier', str('00000002-0000-0ff1-ce00-000000000000')],
      ['Realm', str('4f1c2b7e-9d1a-4e2b-8b61-2a1f0c9d3e55')],
      ['AuthMetadataUrl', str(metadata)],
      ['DomainName', stringList([DOMAIN])],
      ['Identity', str(name)],
    ]),
  );
}
