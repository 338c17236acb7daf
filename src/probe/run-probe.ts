/**
 * A probe run: every target the user named, checked under one Limiter (concurrency, rate,
 * deadline), each ending assessed or "not assessed" with the reason. A target that refuses,
 * never answers or answers garbage costs one timeout, never a hang: the first request decides
 * whether anything more is sent to it.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { readCertificate } from './certificate.js';
import { failureReason } from './http-request.js';
import { probeHttps } from './https-probe.js';
import { DeadlineReached, Limiter } from './limiter.js';
import {
  PROBE_SCHEMA_VERSION,
  type ProbeReport,
  type ProbeTarget,
  type TargetResult,
} from './model.js';
import { openSession, probeSmtp, startTls } from './smtp.js';
import { closeSocket, connectTcp, SocketReader } from './socket-io.js';
import { scanTls, type HelloOpener } from './tls-scan.js';

export interface ProbeSettings {
  vantage: string;
  concurrency: number;
  ratePerSecond: number;
  timeoutMs: number;
  deadlineS: number;
  toolVersion: string;
  /** Injected so tests can count and so name resolution can be replaced. */
  resolve?: (host: string) => Promise<string[]>;
  now?: () => number;
}

export async function runProbe(
  targets: readonly ProbeTarget[],
  settings: ProbeSettings,
): Promise<ProbeReport> {
  const now = settings.now ?? Date.now;
  const startedAt = new Date(now()).toISOString();
  const limiter = new Limiter({
    concurrency: settings.concurrency,
    ratePerSecond: settings.ratePerSecond,
    deadline: now() + settings.deadlineS * 1000,
    now,
  });
  const results = await Promise.all(
    targets.map((target) => probeTarget(target, settings, limiter)),
  );

  return {
    schemaVersion: PROBE_SCHEMA_VERSION,
    tool: 'exzt',
    toolVersion: settings.toolVersion,
    startedAt,
    finishedAt: new Date(now()).toISOString(),
    vantage: settings.vantage,
    settings: {
      concurrency: settings.concurrency,
      ratePerSecond: settings.ratePerSecond,
      timeoutMs: settings.timeoutMs,
      deadlineS: settings.deadlineS,
    },
    targets: results.sort((a, b) => targetKey(a).localeCompare(targetKey(b))),
    deadlineReached: limiter.remainingMs() === 0,
    peakConnections: limiter.peak,
  };
}

function targetKey(result: TargetResult): string {
  const { host, port, service } = result.target;
  return `${host}\u0000${String(port).padStart(5, '0')}\u0000${service}`;
}

async function probeTarget(
  target: ProbeTarget,
  settings: ProbeSettings,
  limiter: Limiter,
): Promise<TargetResult> {
  const result: TargetResult = {
    target,
    addresses: [],
    status: 'assessed',
    sent: { requests: 0, connections: 0 },
  };
  try {
    result.addresses = await resolveHost(target.host, settings);
    if (target.service === 'https') await probeHttpsTarget(target, settings, limiter, result);
    else await probeSmtpTarget(target, settings, limiter, result);
  } catch (error) {
    result.status = 'not-assessed';
    result.reason = error instanceof DeadlineReached ? error.message : failureReason(error);
  }
  return result;
}

async function resolveHost(host: string, settings: ProbeSettings): Promise<string[]> {
  if (isIP(host) !== 0) return [host];
  const resolve =
    settings.resolve ??
    (async (name: string) => (await lookup(name, { all: true })).map((a) => a.address));
  return [...new Set(await resolve(host))].sort();
}

async function probeHttpsTarget(
  target: ProbeTarget,
  settings: ProbeSettings,
  limiter: Limiter,
  result: TargetResult,
): Promise<void> {
  const count = () => {
    result.sent.requests += 1;
    result.sent.connections += 1;
  };
  try {
    result.https = await probeHttps({
      host: target.host,
      port: target.port,
      limiter,
      timeoutMs: settings.timeoutMs,
      onRequest: count,
    });
  } catch (error) {
    // A server Node's TLS cannot talk to (TLS 1.0 only, legacy suites) still gets its TLS checked.
    if (endsTarget(error)) throw error;
    result.httpsReason = failureReason(error);
  }
  result.certificate = await limiter
    .run(() => {
      result.sent.connections += 1;
      return readCertificate({
        host: target.host,
        port: target.port,
        timeoutMs: settings.timeoutMs,
      });
    })
    .catch((error: unknown) => ({ reason: failureReason(error) }));
  const open: HelloOpener = async () =>
    new SocketReader(await connectTcp(target.host, target.port, settings.timeoutMs));
  result.tls = await scanTls({
    host: target.host,
    open,
    limiter,
    timeoutMs: settings.timeoutMs,
    onConnection: () => (result.sent.connections += 1),
  });
  if (result.https === undefined && !result.tls.versions.some((v) => v.accepted)) {
    const tlsReason =
      result.tls.versions.find((v) => v.reason !== undefined)?.reason ??
      'every TLS version refused';
    throw new Error(`HTTPS failed (${result.httpsReason}); TLS: ${tlsReason}`);
  }
}

/** No connection or no answer at all: nothing more is sent to this target. */
function endsTarget(error: unknown): boolean {
  if (error instanceof DeadlineReached) return true;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return (
    /^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ETIMEDOUT)$/.test(code) ||
    /^no answer within/.test((error as Error).message)
  );
}

async function probeSmtpTarget(
  target: ProbeTarget,
  settings: ProbeSettings,
  limiter: Limiter,
  result: TargetResult,
): Promise<void> {
  const findings = await limiter.run(() => {
    result.sent.connections += 1;
    return probeSmtp(target.host, target.port, settings.timeoutMs);
  });
  result.smtp = findings.smtp;
  if (findings.certificate !== undefined) result.certificate = findings.certificate;
  if (!findings.smtp.starttls) return;

  const open: HelloOpener = async () => {
    const session = await openSession(target.host, target.port, settings.timeoutMs);
    if (!(await startTls(session, settings.timeoutMs))) {
      await closeSocket(session.reader.socket);
      throw new Error('STARTTLS refused');
    }
    return session.reader;
  };
  result.tls = await scanTls({
    host: target.host,
    open,
    limiter,
    timeoutMs: settings.timeoutMs,
    onConnection: () => (result.sent.connections += 1),
  });
}
