/**
 * One HTTPS request, the way the probe needs it: no credentials, no redirects followed, no
 * certificate trust required (the certificate is judged separately), a hard timeout, and every
 * header kept in order with its duplicates (Exchange sends several WWW-Authenticate headers and
 * Node's joined `headers` object corrupts Bearer parameters).
 */
import https from 'node:https';
import { isIP } from 'node:net';
import { EXZT_VERSION } from '../version.js';

/** Documented so a SOC can find and exclude the probe in IIS and HttpProxy logs (docs/probe.md). */
export const PROBE_USER_AGENT = `exzt-probe/${EXZT_VERSION} (+https://github.com/exzt; unauthenticated Zero Trust probe)`;
const MAX_BODY_BYTES = 256 * 1024;

export interface HttpAnswer {
  status: number;
  /** Lower-case header name → every value, in the order sent. */
  headers: Map<string, string[]>;
  body: string;
}

export interface HttpRequestSpec {
  host: string;
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** One agent per target, without keep-alive, so TLS sessions resume but no socket idles open. */
  agent?: https.Agent;
}

export function targetAgent(): https.Agent {
  return new https.Agent({ keepAlive: false, maxCachedSessions: 4 });
}

export function httpsRequest(spec: HttpRequestSpec): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = https.request({
      host: spec.host,
      port: spec.port,
      path: spec.path,
      method: spec.method ?? 'GET',
      agent: spec.agent ?? false,
      rejectUnauthorized: false,
      ...(isIP(spec.host) === 0 ? { servername: spec.host } : {}),
      headers: { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*', ...spec.headers },
    });
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${spec.timeoutMs} ms`));
    }, spec.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        else response.destroy();
      });
      response.on('error', () => undefined);
      response.on('close', () => {
        clearTimeout(timer);
        const answer = {
          status: response.statusCode ?? 0,
          headers: headerMap(response.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        // The limiter's slot is held until the connection is closed, not just answered.
        const socket = request.socket;
        if (socket === null || socket.closed) resolve(answer);
        else {
          socket.once('close', () => resolve(answer));
          socket.destroy();
        }
      });
    });
    request.end();
  });
}

function headerMap(rawHeaders: string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), rawHeaders[index + 1] ?? '']);
  }
  return headers;
}

/** A short reason for a failed request: the system error code and OpenSSL's reason, if any. */
export function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // OpenSSL's messages carry "error:<hex>:SSL routines:<function>:<reason>:<file>:<line>:".
  const openssl = /error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/.exec(error.message)?.[1];
  const message = openssl ?? error.message;
  return code === undefined ? message : `${code}: ${message}`;
}
