/**
 * The HTTPS view of one target: every endpoint asked once, the build each answer leaks, the NTLM
 * names behind one endpoint that offers NTLM, HSTS, and whether an intermediary is visible. The
 * first request (OWA) decides whether the target answers at all; if it does not, the target is
 * not assessed and nothing more is sent.
 */
import type { Agent } from 'node:https';
import {
  buildFromExportToolManifest,
  buildFromOwaAssetPath,
  buildFromOwaHeader,
} from './build-leak.js';
import { ENDPOINTS, endpointResult, unreachable, type EndpointSpec } from './endpoints.js';
import { failureReason, httpsRequest, targetAgent, type HttpAnswer } from './http-request.js';
import { judgeIntermediary } from './intermediary.js';
import type { Limiter } from './limiter.js';
import type { BuildObservation, EndpointResult, HttpsResult, NtlmDisclosure } from './model.js';
import { challengeToken, decodeChallenge, negotiateMessage } from './ntlm.js';

export interface HttpsProbeOptions {
  host: string;
  port: number;
  limiter: Limiter;
  timeoutMs: number;
  onRequest: () => void;
}

// TODO(#6): the empty-Bearer ActiveSync request that shows whether Hybrid Modern Auth is set up
// (authorization_uri), X-ServerApplication on MAPI answers, and repeated requests to see every
// server behind a load balancer are not made yet.
// Where an NTLM challenge is asked for, in order of preference (A5).
const NTLM_ENDPOINTS = ['ews', 'autodiscover', 'mapi', 'oab', 'rpc', 'eas'];
const REPORTED_HEADERS = ['server', 'x-feserver', 'x-beserver', 'x-powered-by', 'x-aspnet-version'];

export async function probeHttps(settings: HttpsProbeOptions): Promise<HttpsResult> {
  const options = { ...settings, agent: targetAgent() };
  const [first, ...rest] = ENDPOINTS as [EndpointSpec, ...EndpointSpec[]];
  const answers = new Map<string, HttpAnswer>();
  answers.set(first.endpoint, await ask(options, first.path));

  const results: EndpointResult[] = [
    endpointResult(first, answers.get(first.endpoint)!, options.host),
  ];
  const others = await Promise.all(
    rest.map(async (spec) => {
      try {
        const answer = await ask(options, spec.path);
        answers.set(spec.endpoint, answer);
        return endpointResult(spec, answer, options.host);
      } catch (error) {
        return unreachable(spec, failureReason(error));
      }
    }),
  );
  results.push(...others);

  const ntlm = await askNtlm(options, results);
  return {
    endpoints: results,
    builds: buildsFrom(answers),
    ...(ntlm === undefined ? {} : { ntlm }),
    intermediary: judgeIntermediary(answers, results),
    hsts: firstHeader(answers, 'strict-transport-security') ?? null,
    headers: reportedHeaders(answers),
  };
}

function ask(
  options: HttpsProbeOptions & { agent: Agent },
  path: string,
  headers?: Record<string, string>,
): Promise<HttpAnswer> {
  return options.limiter.run(() => {
    options.onRequest();
    return httpsRequest({
      host: options.host,
      port: options.port,
      path,
      timeoutMs: options.timeoutMs,
      agent: options.agent,
      ...(headers === undefined ? {} : { headers }),
    });
  });
}

async function askNtlm(
  options: HttpsProbeOptions & { agent: Agent },
  results: EndpointResult[],
): Promise<NtlmDisclosure | undefined> {
  const target = NTLM_ENDPOINTS.map((name) => results.find((r) => r.endpoint === name)).find((r) =>
    r?.auth.includes('NTLM'),
  );
  if (target === undefined) return undefined;

  try {
    const answer = await ask(options, target.path, { Authorization: `NTLM ${negotiateMessage()}` });
    const token = challengeToken(answer.headers.get('www-authenticate') ?? []);
    return token === undefined ? undefined : decodeChallenge(token, target.endpoint);
  } catch {
    return undefined;
  }
}

function buildsFrom(answers: ReadonlyMap<string, HttpAnswer>): BuildObservation[] {
  const builds: BuildObservation[] = [];
  for (const spec of ENDPOINTS) {
    const answer = answers.get(spec.endpoint);
    if (answer === undefined) continue;
    const fromHeader = buildFromOwaHeader(answer.headers.get('x-owa-version'), spec.path);
    if (fromHeader !== undefined) builds.push(fromHeader);
    if (spec.endpoint === 'ecp-export-tool' && answer.status === 200) {
      const manifest = buildFromExportToolManifest(answer.body, spec.path);
      if (manifest !== undefined) builds.push(manifest);
    }
    const asset = spec.endpoint.startsWith('owa')
      ? buildFromOwaAssetPath(answer.body, spec.path)
      : undefined;
    if (asset !== undefined) builds.push(asset);
  }
  const seen = new Set<string>();
  return builds.filter(
    (b) =>
      !seen.has(`${b.source}|${b.version}`) && seen.add(`${b.source}|${b.version}`) !== undefined,
  );
}

function firstHeader(answers: ReadonlyMap<string, HttpAnswer>, name: string): string | undefined {
  for (const answer of answers.values()) {
    const value = answer.headers.get(name)?.[0];
    if (value !== undefined) return value;
  }
  return undefined;
}

function reportedHeaders(answers: ReadonlyMap<string, HttpAnswer>): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const name of REPORTED_HEADERS) {
    const values = new Set(
      [...answers.values()].flatMap((answer) => answer.headers.get(name) ?? []),
    );
    if (values.size > 0) headers[name] = [...values].sort();
  }
  return headers;
}
