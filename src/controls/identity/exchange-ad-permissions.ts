/**
 * EXZT.IDN.5: Exchange's rights in Active Directory are the hardened ones. Each domain was
 * prepared after the May 2022 SU (CVE-2022-21978), as HealthChecker judges it
 * (reference/healthchecker-checks.md §2.4), and Exchange Windows Permissions cannot rewrite the
 * domain root's DACL (the PrivExchange path, ADV190007), unless AD split permissions are in force.
 */
import type { DomainAcls, WellKnownGroup } from '../../evidence/importers/ad-permissions.js';
import type { Control, Finding } from '../model.js';
import { fail, notAssessed, pass, required } from '../outcomes.js';
import {
  domainRootFindings,
  MESO_VERSION_PREPARED,
  MESO_VERSION_PREPARED_2013,
} from './domain-root-aces.js';
import { itemEvidence } from './facts.js';

const PROTECTED_GROUPS_OU = 'ou=microsoft exchange protected groups';

export const exchangeAdPermissions: Control = {
  id: 'EXZT.IDN.5',
  area: 'identity',
  title: "Exchange's Active Directory permissions are hardened (domain prep, split permissions)",
  rationale:
    'Exchange Windows Permissions and Exchange Servers hold broad rights over every domain. ' +
    'Until /PrepareDomain runs with the May 2022 SU, an Exchange server or admin can take over ' +
    'domain accounts (CVE-2022-21978); a group that can rewrite the domain DACL makes any ' +
    'Exchange compromise a domain compromise.',
  remediation: {
    text:
      'Install the latest CU/SU, then run Setup /PrepareAllDomains (or /PrepareDomain in each ' +
      'domain) with the license terms accepted; consider AD split permissions where Exchange ' +
      'admins must not manage AD accounts.',
    powershell:
      '.\\Setup.exe /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF /PrepareAllDomains',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['ad.domain-acls', 'ad.exchange-well-known-groups'] },
  mappings: {
    cisV8: ['6.8', '7.7'],
    nist800207: ['T5', 'T6'],
    iso27001: ['A.8.2', 'A.8.8'],
    nist80053: ['AC-6', 'CM-6'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Identity Stores' }],
  },
  policyKeys: [],
  evaluate(context) {
    const aclFact = context.fact('ad.domain-acls');
    const domains = required(aclFact, 'ad.domain-acls');
    const groups = required(
      context.fact('ad.exchange-well-known-groups'),
      'ad.exchange-well-known-groups',
    );
    const split = isSplitPermissions(groups);

    const findings: Finding[] = [];
    const unknown: string[] = [];
    domains.forEach((domain, index) => {
      const evidence = itemEvidence(aclFact, index);
      const version = domain.mesoObjectVersion;
      if (version === undefined) unknown.push(domain.domainName);
      else findings.push(...mesoFindings(domain, version, evidence));
      if (!split) findings.push(...domainRootFindings(domain, groups, evidence));
    });

    if (findings.length > 0) return fail(`${findings.length} AD permission issue(s)`, findings);
    if (unknown.length > 0) {
      return notAssessed(`MESO objectVersion not exported for ${unknown.join(', ')}`, [
        'ad.domain-acls (MesoObject.ObjectVersion absent)',
      ]);
    }
    const mode = split ? 'AD split permissions; ' : '';
    return pass(
      `${mode}${domains.length} domain(s) prepared after the May 2022 SU`,
      aclFact.provenance,
    );
  },
};

/** Exchange Windows Permissions moved under the protected-groups OU (Setup /ActiveDirectorySplitPermissions:true). */
function isSplitPermissions(groups: WellKnownGroup[]): boolean {
  const windowsPermissions = groups.find((g) => g.name === 'Exchange Windows Permissions');
  // TODO(#3): HealthChecker also requires Exchange Trusted Subsystem not to be a member; the
  // well-known groups export has no members, so the OU alone decides here.
  return windowsPermissions?.distinguishedName.toLowerCase().includes(PROTECTED_GROUPS_OU) ?? false;
}

function mesoFindings(
  domain: DomainAcls,
  version: number,
  evidence: Finding['evidence'],
): Finding[] {
  if (version >= MESO_VERSION_PREPARED) return [];

  // TODO(#3): an Exchange 2013 schema (ms-Exch-Schema-Version-Pt rangeUpper < 15323) accepts
  // 13238; read ad.schema-version-pt to tell. Exchange 2013 is past end of support.
  const floor = `${MESO_VERSION_PREPARED} (${MESO_VERSION_PREPARED_2013} with an Exchange 2013 schema)`;
  return [
    {
      object: domain.domainName,
      message: `Microsoft Exchange System Objects objectVersion ${version} is below ${floor}: /PrepareDomain has not run since the May 2022 SU (CVE-2022-21978)`,
      value: version,
      evidence,
    },
  ];
}
