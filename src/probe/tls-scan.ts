/**
 * Which TLS versions and weak suites a server accepts, learnt from hand-built hellos: one
 * handshake per version offering every suite, then, for each legacy-capable version accepted,
 * the weak suites offered alone and removed one by one as the server picks them (the way
 * testssl.sh enumerates). Works on a plain TCP port and after SMTP STARTTLS alike: the caller
 * says how to open a connection ready for a ClientHello.
 */
import {
  MODERN_SUITES,
  TLS13_SUITES,
  WEAK_SUITES,
  isWeakSuite,
  suiteName,
} from './cipher-suites.js';
import type { Limiter } from './limiter.js';
import type { TlsResult, TlsVersionName, TlsVersionResult } from './model.js';
import { closeSocket, type SocketReader } from './socket-io.js';
import {
  alertName,
  clientHello,
  readServerAnswer,
  versionName,
  type ServerAnswer,
} from './tls-hello.js';

/** Opens a connection on which the next bytes sent are a ClientHello. */
export type HelloOpener = () => Promise<SocketReader>;

export interface TlsScanOptions {
  host: string;
  open: HelloOpener;
  limiter: Limiter;
  timeoutMs: number;
  /** Counts every connection made, for the summary of what was sent. */
  onConnection: () => void;
}

// TODO(#6): SSLv2/SSLv3 hellos are not sent, and TLS 1.3 suites are not enumerated one by one;
// Exchange on Schannel has SSLv3 off by default since Windows Server 2016.
const LEGACY_VERSIONS: readonly TlsVersionName[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2'];

export async function scanTls(options: TlsScanOptions): Promise<TlsResult> {
  const result: TlsResult = { versions: [], weakSuites: [], handshakes: 0 };
  const everySuite = [...MODERN_SUITES, ...WEAK_SUITES].map((s) => s.code);
  for (const version of LEGACY_VERSIONS) {
    result.versions.push(await versionCheck(options, result, version, everySuite));
  }
  const tls13Offer = [...TLS13_SUITES, ...MODERN_SUITES].map((s) => s.code);
  result.versions.push(await versionCheck(options, result, 'TLS 1.3', tls13Offer));

  for (const check of result.versions.filter((v) => v.accepted && v.version !== 'TLS 1.3')) {
    await enumerateWeak(options, result, check.version);
  }
  return result;
}

async function versionCheck(
  options: TlsScanOptions,
  result: TlsResult,
  version: TlsVersionName,
  suites: number[],
): Promise<TlsVersionResult> {
  try {
    const answer = await handshake(options, result, version, suites);
    if (answer.kind === 'server-hello' && versionName(answer.version) === version) {
      return { version, accepted: true, suite: suiteName(answer.suite) };
    }
    if (answer.kind === 'not-tls') {
      return { version, accepted: false, reason: `not a TLS answer: "${answer.firstBytes}"` };
    }
    return { version, accepted: false };
  } catch (error) {
    return {
      version,
      accepted: false,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

async function enumerateWeak(
  options: TlsScanOptions,
  result: TlsResult,
  version: TlsVersionName,
): Promise<void> {
  let offer = WEAK_SUITES.map((s) => s.code);
  while (offer.length > 0) {
    let answer: ServerAnswer;
    try {
      answer = await handshake(options, result, version, offer);
    } catch {
      return;
    }
    if (answer.kind !== 'server-hello' || versionName(answer.version) !== version) return;
    if (!isWeakSuite(answer.suite) || !offer.includes(answer.suite)) return;

    result.weakSuites.push({ version, suite: suiteName(answer.suite) });
    offer = offer.filter((code) => code !== answer.suite);
  }
}

async function handshake(
  options: TlsScanOptions,
  result: TlsResult,
  version: TlsVersionName,
  suites: number[],
): Promise<ServerAnswer> {
  return options.limiter.run(async () => {
    result.handshakes += 1;
    options.onConnection();
    const reader = await options.open();
    try {
      reader.socket.write(clientHello(version, suites, options.host));
      return await reader.waitFor(readServerAnswer, options.timeoutMs);
    } finally {
      await closeSocket(reader.socket);
    }
  });
}

/** A refusal in words, for verbose output. */
export function describeAnswer(answer: ServerAnswer): string {
  if (answer.kind === 'alert') return `refused (${alertName(answer.description)})`;
  if (answer.kind === 'not-tls') return `not TLS ("${answer.firstBytes}")`;
  return `${versionName(answer.version) ?? answer.version} ${suiteName(answer.suite)}`;
}
