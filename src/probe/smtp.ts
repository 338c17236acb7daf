/**
 * The SMTP view of ports 25 and 587 (reference/probe-and-logs.md A9): the banner, EHLO before
 * and after STARTTLS, the AUTH mechanisms offered in clear, and the certificate. Nothing beyond
 * EHLO, STARTTLS and QUIT is ever sent: no MAIL FROM, no AUTH.
 */
import type { TLSSocket } from 'node:tls';
import { readCertificate } from './certificate.js';
import type { CertificateResult, NotAssessed, SmtpResult } from './model.js';
import { closeSocket, connectTcp, SocketReader } from './socket-io.js';

export const EHLO_NAME = 'exzt-probe.invalid';

export interface SmtpReply {
  code: number;
  lines: string[];
}

/** A complete (possibly multi-line, RFC 5321 §4.2.1) reply, or undefined while incomplete. */
export function readReply(bytes: Buffer): { value: SmtpReply; used: number } | undefined {
  const text = bytes.toString('latin1');
  const lines: string[] = [];
  let used = 0;
  for (;;) {
    const end = text.indexOf('\n', used);
    if (end < 0) return undefined;
    const line = text.slice(used, end).replace(/\r$/, '');
    used = end + 1;
    const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (match === null) throw new Error(`not an SMTP reply: "${line.slice(0, 60)}"`);
    lines.push(match[3] ?? '');
    if (match[2] !== '-') return { value: { code: Number(match[1]), lines }, used };
  }
}

export interface SmtpSession {
  reader: SocketReader;
  banner: SmtpReply;
  ehlo: SmtpReply;
}

/** Connects, reads the banner and says EHLO; throws with the reason when the server will not. */
export async function openSession(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<SmtpSession> {
  const reader = new SocketReader(await connectTcp(host, port, timeoutMs));
  try {
    const banner = await reader.waitFor(readReply, timeoutMs);
    if (banner.code !== 220) throw new Error(`banner ${banner.code} ${banner.lines.join(' ')}`);
    const ehlo = await command(reader, `EHLO ${EHLO_NAME}`, timeoutMs);
    if (ehlo.code !== 250) throw new Error(`EHLO answered ${ehlo.code} ${ehlo.lines.join(' ')}`);
    return { reader, banner, ehlo };
  } catch (error) {
    await closeSocket(reader.socket);
    throw error;
  }
}

export async function command(
  reader: SocketReader,
  line: string,
  timeoutMs: number,
): Promise<SmtpReply> {
  reader.socket.write(`${line}\r\n`);
  return reader.waitFor(readReply, timeoutMs);
}

/** Sends STARTTLS on an open session; true when the server agreed (220). */
export async function startTls(session: SmtpSession, timeoutMs: number): Promise<boolean> {
  const reply = await command(session.reader, 'STARTTLS', timeoutMs);
  return reply.code === 220;
}

export interface SmtpFindings {
  smtp: SmtpResult;
  certificate?: CertificateResult | NotAssessed;
}

/** The whole dialogue on one connection: banner, EHLO, STARTTLS, certificate, EHLO again, QUIT. */
export async function probeSmtp(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<SmtpFindings> {
  const session = await openSession(host, port, timeoutMs);
  const extensions = session.ehlo.lines.slice(1);
  const starttls = extensions.some((line) => /^STARTTLS\b/i.test(line));
  const smtp: SmtpResult = {
    banner: session.banner.lines.join(' '),
    bannerDisclosure: bannerDisclosure(session.banner.lines.join(' ')),
    ehlo: extensions,
    starttls,
    authBeforeTls: authMechanisms(extensions),
    authAfterTls: [],
  };
  if (!starttls || !(await startTls(session, timeoutMs))) {
    await quit(session.reader);
    return { smtp };
  }

  const bytesLeft = session.reader.detach();
  if (bytesLeft.length > 0) throw new Error('the server sent data before the TLS handshake');
  let tlsSocket: TLSSocket | undefined;
  const certificate = await readCertificate({
    host,
    port,
    timeoutMs,
    socket: session.reader.socket,
    keepOpen: (socket) => (tlsSocket = socket),
  }).catch((error: unknown) => ({ reason: `STARTTLS handshake failed: ${String(error)}` }));
  if (tlsSocket !== undefined) {
    const secure = new SocketReader(tlsSocket);
    const ehlo = await command(secure, `EHLO ${EHLO_NAME}`, timeoutMs).catch(() => undefined);
    smtp.authAfterTls = authMechanisms(ehlo?.lines.slice(1) ?? []);
    await quit(secure);
  }
  return { smtp, certificate };
}

async function quit(reader: SocketReader): Promise<void> {
  reader.socket.write('QUIT\r\n');
  await closeSocket(reader.socket);
}

export function authMechanisms(extensions: readonly string[]): string[] {
  const line = extensions.find((text) => /^AUTH[ =]/i.test(text));
  if (line === undefined) return [];
  return [
    ...new Set(
      line
        .slice(5)
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((m) => m.toUpperCase()),
    ),
  ].sort();
}

/** What the banner gives away: a fully qualified host name, the product, a version number. */
export function bannerDisclosure(banner: string): string[] {
  const found: string[] = [];
  const host = /\b([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.[A-Za-z]{2,})\b/.exec(banner)?.[1];
  if (host !== undefined) found.push(`host name ${host}`);
  if (/Microsoft ESMTP MAIL Service/i.test(banner)) found.push('product Microsoft Exchange');
  const version = /\b(?:Version:?\s*)?(\d+\.\d+\.\d+(?:\.\d+)?)\b/.exec(banner)?.[1];
  if (version !== undefined) found.push(`version ${version}`);
  return found;
}
