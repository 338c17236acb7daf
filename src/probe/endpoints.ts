/**
 * The Exchange endpoints the probe asks, each with one anonymous GET (reference/probe-and-logs.md
 * A1), and how an answer becomes a result: status, every authentication scheme offered, and a
 * redirect, recorded and never followed.
 */
import { isFormsLogin, parseChallenges } from './auth-schemes.js';
import type { HttpAnswer } from './http-request.js';
import type { AuthScheme, EndpointResult } from './model.js';

export interface EndpointSpec {
  endpoint: string;
  path: string;
}

/** In the order they are asked; owa first, because its answer decides whether the rest follow. */
export const ENDPOINTS: readonly EndpointSpec[] = [
  { endpoint: 'owa', path: '/owa/' },
  { endpoint: 'owa-logon', path: '/owa/auth/logon.aspx' },
  { endpoint: 'ecp', path: '/ecp/' },
  {
    endpoint: 'ecp-export-tool',
    path: '/ecp/Current/exporttool/microsoft.exchange.ediscovery.exporttool.application',
  },
  { endpoint: 'ews', path: '/EWS/Exchange.asmx' },
  { endpoint: 'autodiscover', path: '/autodiscover/autodiscover.xml' },
  {
    endpoint: 'autodiscover-json',
    path: '/autodiscover/autodiscover.json/v1.0/exzt-probe@example.invalid?Protocol=AutodiscoverV1',
  },
  { endpoint: 'mapi', path: '/mapi/emsmdb/' },
  { endpoint: 'eas', path: '/Microsoft-Server-ActiveSync' },
  { endpoint: 'oab', path: '/OAB/' },
  { endpoint: 'rpc', path: '/rpc/rpcproxy.dll' },
  { endpoint: 'powershell', path: '/powershell' },
];

export function endpointResult(
  spec: EndpointSpec,
  answer: HttpAnswer,
  host: string,
): EndpointResult {
  const challenges =
    answer.status === 401 ? parseChallenges(answer.headers.get('www-authenticate') ?? []) : [];
  const location = answer.headers.get('location')?.[0];
  const auth = new Set<AuthScheme | 'forms'>(challenges.map((c) => c.scheme));
  if (isFormsLogin(location) || (spec.endpoint === 'owa-logon' && looksLikeLogonForm(answer))) {
    auth.add('forms');
  }

  return {
    endpoint: spec.endpoint,
    path: spec.path,
    reachable: true,
    status: answer.status,
    auth: [...auth].sort(),
    challenges,
    ...(location === undefined
      ? {}
      : { redirect: { location, offHost: isOffHost(location, host) } }),
  };
}

export function unreachable(spec: EndpointSpec, reason: string): EndpointResult {
  return {
    endpoint: spec.endpoint,
    path: spec.path,
    reachable: false,
    auth: [],
    challenges: [],
    reason,
  };
}

/** OWA's forms login page served to anyone: a password field posting to the auth handler. */
export function looksLikeLogonForm(answer: HttpAnswer): boolean {
  return (
    answer.status === 200 &&
    /type="password"/i.test(answer.body) &&
    /\/owa\/auth\.owa|logon\.aspx|flogon/i.test(answer.body)
  );
}

function isOffHost(location: string, host: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return false;
  try {
    return new URL(location).hostname.replace(/^\[|\]$/g, '').toLowerCase() !== host.toLowerCase();
  } catch {
    return true;
  }
}
