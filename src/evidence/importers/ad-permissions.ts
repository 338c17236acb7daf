/**
 * ad.domain-acls (HealthChecker's GetExchangeDomainsAclPermissions.xml) and
 * ad.exchange-well-known-groups (GetExchangeWellKnownSecurityGroups.xml): per domain, the DACL of
 * the domain root and AdminSDHolder and the Microsoft Exchange System Objects container's
 * objectVersion; and the Exchange security groups with their SIDs, which the ACEs name.
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asNumber, asString, asStringList, member } from '../clixml/index.js';
import { importObjectList } from './directory-values.js';
import { assignDefined, shapeError } from './read.js';
import { parseDacl, type AccessControlEntry } from './sddl.js';

export interface DirectoryObjectAcl {
  distinguishedName: string;
  /** Undefined when the export could not read the ACL. */
  aces?: AccessControlEntry[];
}

export interface DomainAcls {
  domainName: string;
  domainDn?: string;
  /** The domain root, AdminSDHolder, … as exported. */
  objects: DirectoryObjectAcl[];
  /** objectVersion of CN=Microsoft Exchange System Objects, which /PrepareDomain raises. */
  mesoObjectVersion?: number;
}

export interface WellKnownGroup {
  /** e.g. "Exchange Windows Permissions". */
  name: string;
  distinguishedName: string;
  sid?: string;
}

export function importDomainAcls(document: CliDocument): ImportedValue<DomainAcls[]> {
  return importObjectList(document, (object) => readDomain(document, object));
}

export function importWellKnownGroups(document: CliDocument): ImportedValue<WellKnownGroup[]> {
  return importObjectList(document, (object) => {
    const distinguishedName = asString(member(object, 'DistinguishedName'));
    // E19 exports Organization Management with a Nil WellKnownName: its CN names it.
    const name = asString(member(object, 'WellKnownName')) || commonName(distinguishedName);
    if (!name || !distinguishedName) {
      throw shapeError(document, object, 'a well-known group with a DistinguishedName');
    }

    const group: WellKnownGroup = { name, distinguishedName };
    assignDefined(group, 'sid', asString(member(object, 'SID')));
    return group;
  });
}

function commonName(distinguishedName: string | undefined): string | undefined {
  return /^CN=((?:\\,|[^,])+)/i.exec(distinguishedName ?? '')?.[1]?.replace(/\\,/g, ',');
}

function readDomain(document: CliDocument, object: CliObject): DomainAcls {
  const domainName = asString(member(object, 'DomainName'));
  if (!domainName) throw shapeError(document, object, 'a domain entry with a DomainName');

  const permissions = member(object, 'Permissions');
  const entries = permissions?.kind === 'object' ? (permissions.items ?? []) : [];
  const domain: DomainAcls = {
    domainName,
    objects: entries.map((entry) => readObjectAcl(document, entry)),
  };
  assignDefined(domain, 'domainDn', asString(member(object, 'DomainDN')));
  assignDefined(
    domain,
    'mesoObjectVersion',
    asNumber(member(member(object, 'MesoObject'), 'ObjectVersion')),
  );
  return domain;
}

function readObjectAcl(document: CliDocument, entry: CliNode): DirectoryObjectAcl {
  const distinguishedName = asStringList(member(entry, 'DN'))?.[0];
  if (!distinguishedName) throw shapeError(document, entry, 'a permission entry with a DN');

  const sddl = asString(member(member(entry, 'Acl'), 'Sddl'));
  if (sddl === undefined) return { distinguishedName };

  const where = `${document.file}:${entry.position.line}:${entry.position.column}`;
  return { distinguishedName, aces: parseDacl(sddl, where) };
}
