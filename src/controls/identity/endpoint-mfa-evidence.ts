/**
 * What the evidence says about MFA on one endpoint. Exchange itself has no second factor: MFA is
 * observable only when the endpoint accepts no password and defers to an identity provider that
 * can ask for one (ADFS claims for OWA and ECP, Entra ID OAuth for the client protocols).
 */
import type { AuthMethod } from '../../evidence/importers/virtual-directories.js';
import type { Provenance } from '../../evidence/model.js';
import type { ExchangeEndpoint } from '../../policy/model.js';
import type { RuleContext } from '../context.js';
import { optional } from '../outcomes.js';
import { missingKind } from './facts.js';
import type { VIRTUAL_DIRECTORY_KINDS } from './virtual-directory-auth.js';

export interface EndpointJudgement {
  verdict: 'observed' | 'attested' | 'unmet' | 'unknown';
  reason?: string;
  evidence?: Provenance[];
  missing?: string[];
}

type DirectoryKind = (typeof VIRTUAL_DIRECTORY_KINDS)[number];

/** The methods that take a password (or a Windows logon) at Exchange itself. */
const PASSWORD_METHODS: readonly AuthMethod[] = [
  'basic',
  'digest',
  'ntlm',
  'negotiate',
  'kerberos',
  'forms',
];

const IDENTITY_PROVIDER: Partial<Record<ExchangeEndpoint, [DirectoryKind, AuthMethod]>> = {
  owa: ['exchange.owa-virtual-directory', 'adfs'],
  ecp: ['exchange.ecp-virtual-directory', 'adfs'],
  ews: ['exchange.web-services-virtual-directory', 'oauth'],
  eas: ['exchange.activesync-virtual-directory', 'oauth'],
  mapi: ['exchange.mapi-virtual-directory', 'oauth'],
  oab: ['exchange.oab-virtual-directory', 'oauth'],
  autodiscover: ['exchange.autodiscover-virtual-directory', 'oauth'],
};

export function judgeEndpoint(context: RuleContext, endpoint: ExchangeEndpoint): EndpointJudgement {
  const route = IDENTITY_PROVIDER[endpoint];
  if (route === undefined) {
    return { verdict: 'unmet', reason: `${endpoint} cannot defer sign-in to an identity provider` };
  }

  const [kind, providerMethod] = route;
  const fact = context.fact(kind);
  const directories = optional(fact);
  if (directories === undefined) return { verdict: 'unknown', missing: [missingKind(kind, fact)] };

  const passwords = [...new Set(directories.flatMap((d) => d.offered))].filter((m) =>
    PASSWORD_METHODS.includes(m),
  );
  const deferred =
    directories.length > 0 && directories.every((d) => d.offered.includes(providerMethod));
  if (passwords.length > 0 || !deferred) {
    const reason =
      passwords.length > 0
        ? `accepts ${passwords.join(', ')} at Exchange`
        : `does not offer ${providerMethod}`;
    return { verdict: 'unmet', reason, evidence: fact.provenance };
  }
  return providerMethod === 'oauth'
    ? judgeModernAuth(context, fact.provenance)
    : { verdict: 'observed' };
}

/** OAuth tokens carry MFA only when they come from Entra ID: hybrid modern authentication. */
function judgeModernAuth(context: RuleContext, evidence: Provenance[]): EndpointJudgement {
  const configFact = context.organizationFact('exchange.organization-config');
  const serversFact = context.organizationFact('exchange.auth-servers');
  const config = optional(configFact);
  const servers = optional(serversFact);
  if (config === undefined || servers === undefined) {
    const missing = [
      ...(config === undefined ? [missingKind('exchange.organization-config', configFact)] : []),
      ...(servers === undefined ? [missingKind('exchange.auth-servers', serversFact)] : []),
    ];
    return { verdict: 'unknown', missing };
  }

  const entra = servers.some((server) => server.enabled && server.type === 'AzureAD');
  if (config.oauth2ClientProfileEnabled === true && entra) return { verdict: 'observed' };
  return {
    verdict: 'unmet',
    reason: 'OAuth only, but hybrid modern authentication is off',
    evidence: [...evidence, ...configFact.provenance],
  };
}
