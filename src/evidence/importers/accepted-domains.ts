/**
 * exchange.accepted-domains: Get-AcceptedDomain. HealthChecker's open-relay check reads the
 * DomainName and DomainType of each domain (reference/healthchecker-checks.md §11); DomainName is
 * an SmtpDomainWithSubdomains object whose Address is "*" for the catch-all domain.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { importObjectList, textOf } from './object-list.js';

export interface AcceptedDomain {
  name: string;
  /** "contoso.com", "*.contoso.com", or "*" (every domain). */
  domainName: string;
  /** Authoritative, InternalRelay or ExternalRelay. */
  domainType: string;
  default?: boolean;
}

const EXPECTED =
  'an AcceptedDomain object with Name, DomainName and DomainType (Get-AcceptedDomain)';

export function importAcceptedDomains(document: CliDocument): ImportedValue<AcceptedDomain[]> {
  return importObjectList(
    document,
    { typeSuffix: 'AcceptedDomain', expected: EXPECTED },
    (object) => {
      const name = textOf(member(object, 'Name'));
      const domainName = domainNameOf(member(object, 'DomainName'));
      const domainType = textOf(member(object, 'DomainType'));
      if (name === undefined || domainName === undefined || domainType === undefined) {
        return undefined;
      }

      const domain: AcceptedDomain = { name, domainName, domainType };
      assignDefined(domain, 'default', asBoolean(member(object, 'Default')));
      return domain;
    },
  );
}

/** The Address member of SmtpDomainWithSubdomains, or the text a remote session flattened it to. */
function domainNameOf(node: CliNode | undefined): string | undefined {
  return textOf(member(node, 'Address')) ?? asString(node)?.trim();
}
