/**
 * Whether anything stands between the prober and Exchange: a reverse proxy, WAF or
 * pre-authenticating gateway, or IIS answering directly. Read from the answers already received:
 * Exchange's own headers (X-FEServer, X-BEServer, X-OWA-Version), IIS's Server header and error
 * pages, OWA's forms login served anonymously, and the marks proxies leave (Via, their cookies and
 * Server values, a redirect to another host's login). A transparent proxy that rewrites nothing
 * cannot be seen: "direct" means no intermediary was visible.
 */
import type { HttpAnswer } from './http-request.js';
import type { EndpointResult, IntermediaryResult } from './model.js';

const PROXY_SERVERS =
  /BIG-?IP|nginx|Apache|cloudflare|Kemp|NetScaler|AkamaiGHost|envoy|HAProxy|Sophos|FortiWeb|Barracuda/i;
const PROXY_COOKIES =
  /^(BIGipServer|TS01|NSC_|__cf|AWSALB|incap_ses|visid_incap|MRHSession|LastMRH_Session)/i;

export function judgeIntermediary(
  answers: ReadonlyMap<string, HttpAnswer>,
  endpoints: readonly EndpointResult[],
): IntermediaryResult {
  const direct = new Set<string>();
  const proxy = new Set<string>();
  for (const [endpoint, answer] of answers) {
    directSigns(answer).forEach((sign) => direct.add(sign));
    proxySigns(answer).forEach((sign) => proxy.add(`${sign} (${endpoint})`));
  }
  for (const result of endpoints) {
    if (result.redirect?.offHost === true)
      proxy.add(`${result.endpoint} redirects to ${result.redirect.location}`);
    if (result.endpoint === 'owa-logon' && result.auth.includes('forms'))
      direct.add('OWA forms login served anonymously');
  }

  if (proxy.size > 0) return { verdict: 'intermediary', signs: [...proxy].sort() };
  if (direct.size > 0) return { verdict: 'direct-to-iis', signs: [...direct].sort() };
  return { verdict: 'unknown', signs: [] };
}

function directSigns(answer: HttpAnswer): string[] {
  const signs: string[] = [];
  for (const name of ['x-feserver', 'x-beserver', 'x-owa-version']) {
    if (answer.headers.has(name)) signs.push(`${name} header`);
  }
  if (/Microsoft-IIS/i.test(answer.headers.get('server')?.join(' ') ?? ''))
    signs.push('Server: Microsoft-IIS');
  if (/IIS Web Core|<title>IIS \d|Server Error in '\/' Application/i.test(answer.body))
    signs.push('IIS error page');
  return signs;
}

function proxySigns(answer: HttpAnswer): string[] {
  const signs: string[] = [];
  const server = answer.headers.get('server')?.join(' ') ?? '';
  if (PROXY_SERVERS.test(server)) signs.push(`Server: ${server}`);
  if (answer.headers.has('via')) signs.push(`Via: ${answer.headers.get('via')?.join(', ')}`);
  for (const cookie of answer.headers.get('set-cookie') ?? []) {
    const name = cookie.split('=')[0]?.trim() ?? '';
    if (PROXY_COOKIES.test(name)) signs.push(`cookie ${name}`);
  }
  return signs;
}
