/**
 * EXZT.APP.5: OWA serves attachments from Download Domains (CVE-2021-1730), as HealthChecker
 * checks it (healthchecker-checks.md §2.4): the organisation has EnableDownloadDomains on, and
 * the server's "owa (Default Web Site)" directory has internal and external download host names
 * that differ from the host names of its own OWA URLs. Exchange 2016 CU18, 2019 CU7 and later.
 */
import type { VirtualDirectory } from '../../evidence/importers/virtual-directories.js';
import { compareVersions, parseExchangeVersion } from '../../knowledge/version.js';
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

/** First builds with Download Domains: Exchange 2016 CU18 and Exchange 2019 CU7. */
const FIRST_BUILD: Readonly<Record<string, string>> = {
  Exchange2016: '15.1.2106.2',
  Exchange2019: '15.2.721.2',
};
const OWA_DEFAULT_SITE = 'owa (default web site)';

export const downloadDomains: Control = {
  id: 'EXZT.APP.5',
  area: 'apps',
  title: 'OWA uses Download Domains for attachments',
  rationale:
    'Without Download Domains, an attachment opened in OWA runs on the same host name as OWA ' +
    "itself, so crafted content can act with the user's session (CVE-2021-1730). Separate host " +
    'names keep attachments away from the session cookies.',
  remediation: {
    text:
      'Publish a separate host name (in the certificate and DNS), set it on every OWA directory, ' +
      'then enable Download Domains for the organisation.',
    powershell:
      'Get-OwaVirtualDirectory | Set-OwaVirtualDirectory -ExternalDownloadHostName download.contoso.com ' +
      '-InternalDownloadHostName download.contoso.com\n' +
      'Set-OrganizationConfig -EnableDownloadDomains $true',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: {
    organization: ['exchange.organization-config'],
    subject: ['exchange.owa-virtual-directory'],
  },
  mappings: {
    cisV8: ['4.1', '16.7'],
    nist800207: ['T6'],
    iso27001: ['A.8.9', 'A.8.8'],
    nist80053: ['CM-6', 'SI-2'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Threat Protections' }],
  },
  policyKeys: ['apps.requireDownloadDomains'],
  evaluate(context) {
    if (!context.policy.apps.requireDownloadDomains)
      return notApplicable('the policy does not require Download Domains');
    const row = context.version();
    if (
      row?.product != null &&
      row.build !== null &&
      !supportsDownloadDomains(row.product, row.build)
    ) {
      return notApplicable(`${row.build} predates Download Domains; see EXZT.INF.1`);
    }

    const configFact = context.organizationFact('exchange.organization-config');
    const config = required(configFact, 'exchange.organization-config');
    if (config.enableDownloadDomains !== true) {
      return fail('Download Domains are off for the organisation', [
        {
          object: config.name,
          message: 'EnableDownloadDomains is off',
          value: false,
          evidence: configFact.provenance,
        },
      ]);
    }
    const owaFact = context.fact('exchange.owa-virtual-directory');
    const owa = required(owaFact, 'exchange.owa-virtual-directory').find(
      (d) => d.name.toLowerCase() === OWA_DEFAULT_SITE,
    );
    if (owa === undefined)
      return notApplicable('no "owa (Default Web Site)" directory on this server');

    const findings = hostNameFindings(owa).map((message) => ({
      object: owa.name,
      message,
      evidence: owaFact.provenance,
    }));
    if (findings.length > 0) return fail('Download Domains are not set correctly', findings);
    return pass('Download Domains are enabled and set correctly', [
      ...configFact.provenance,
      ...owaFact.provenance,
    ]);
  },
};

function supportsDownloadDomains(product: string, build: string): boolean {
  if (product === 'Exchange2013') return false;
  const first = FIRST_BUILD[product];
  const version = parseExchangeVersion(build);
  const firstVersion = first === undefined ? undefined : parseExchangeVersion(first);
  return (
    version === undefined ||
    firstVersion === undefined ||
    compareVersions(version, firstVersion) >= 0
  );
}

/** HealthChecker's verdicts: "Not Configured" when empty, "Set to the same…" when equal to an OWA URL host. */
function hostNameFindings(owa: VirtualDirectory): string[] {
  const owaHosts = [owa.internalUrl, owa.externalUrl].flatMap((url) => hostOf(url) ?? []);
  const names = [
    ['Internal', owa.internalDownloadHostName],
    ['External', owa.externalDownloadHostName],
  ] as const;
  return names.flatMap(([side, host]) => {
    if (host === undefined) return [`${side}DownloadHostName is not configured`];
    if (owaHosts.includes(host.toLowerCase()))
      return [`${side}DownloadHostName is set to the OWA host name ${host}`];
    return [];
  });
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
