/**
 * The ACEs on a domain root that tell how Exchange was prepared. The May 2022 SU's
 * /PrepareDomain adds two deny ACEs inherited by computer objects (CVE-2022-21978,
 * reference/healthchecker-checks.md §2.4); Exchange 2019 CU1 / 2016 CU12 and later leave
 * Exchange Windows Permissions without WriteDacl on the domain object itself (ADV190007).
 */
import type { AccessControlEntry } from '../../evidence/importers/sddl.js';
import type { DomainAcls, WellKnownGroup } from '../../evidence/importers/ad-permissions.js';
import type { Finding } from '../model.js';

/** objectVersion of Microsoft Exchange System Objects after the May 2022 SU's /PrepareDomain. */
export const MESO_VERSION_PREPARED = 13243;
export const MESO_VERSION_PREPARED_2013 = 13238;

// Schema GUIDs: the computer class, and the userCertificate and managedBy attributes.
const COMPUTER_CLASS = 'bf967a86-0de6-11d0-a285-00aa003049e2';
const USER_CERTIFICATE = 'bf967a7f-0de6-11d0-a285-00aa003049e2';
const MANAGED_BY = '0296c120-40da-11d1-a9c0-0000f80367c1';

const REQUIRED_DENIES: [group: string, attribute: string, label: string][] = [
  ['Exchange Servers', USER_CERTIFICATE, 'userCertificate'],
  ['Exchange Windows Permissions', MANAGED_BY, 'managedBy'],
];

export function domainRootFindings(
  domain: DomainAcls,
  groups: WellKnownGroup[],
  evidence: Finding['evidence'],
): Finding[] {
  const root =
    domain.objects.find(
      (o) => o.distinguishedName.toLowerCase() === domain.domainDn?.toLowerCase(),
    ) ?? domain.objects[0];
  // As HealthChecker: an unreadable root ACL skips the ACE checks.
  if (root?.aces === undefined) return [];

  const sidOf = (name: string) => groups.find((g) => g.name === name)?.sid;
  const findings: Finding[] = [];
  for (const [group, attribute, label] of REQUIRED_DENIES) {
    const sid = sidOf(group);
    if (sid !== undefined && !root.aces.some((ace) => isDenyWrite(ace, sid, attribute))) {
      findings.push({
        object: domain.domainName,
        message: `domain root lacks the deny ACE on ${label} for ${group} (May 2022 /PrepareDomain, CVE-2022-21978)`,
        evidence,
      });
    }
  }

  const windowsPermissions = sidOf('Exchange Windows Permissions');
  if (
    windowsPermissions !== undefined &&
    root.aces.some((ace) => grantsRootWriteDacl(ace, windowsPermissions))
  ) {
    findings.push({
      object: domain.domainName,
      message: 'Exchange Windows Permissions can write the DACL of the domain root (ADV190007)',
      evidence,
    });
  }
  return findings;
}

function isDenyWrite(ace: AccessControlEntry, sid: string, attribute: string): boolean {
  return (
    (ace.type === 'OD' || ace.type === 'D') &&
    ace.trustee.toUpperCase() === sid.toUpperCase() &&
    ace.rights.includes('WP') &&
    ace.objectType === attribute &&
    ace.inheritedObjectType === COMPUTER_CLASS
  );
}

/** An allow of WriteDacl that applies to the root itself: not inherit-only, not object-scoped. */
function grantsRootWriteDacl(ace: AccessControlEntry, sid: string): boolean {
  return (
    (ace.type === 'A' || ace.type === 'OA') &&
    ace.trustee.toUpperCase() === sid.toUpperCase() &&
    (ace.rights.includes('WD') || ace.rights.includes('GA')) &&
    !ace.flags.includes('IO') &&
    ace.inheritedObjectType === undefined
  );
}
