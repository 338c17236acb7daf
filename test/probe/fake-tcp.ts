/**
 * Fake TCP servers for the probe tests: a legacy TLS server, SMTP servers, and the targets that
 * must end "not assessed" (slow, garbage, closed port). All bind 127.0.0.1 only.
 *
 * The legacy TLS server is honest about what it is: it speaks just enough of the TLS record
 * layer to answer a ClientHello with a ServerHello choosing TLS 1.0 and 3DES (or RC4), because
 * Node's own TLS server, on the system OpenSSL 3, can no longer accept those. It completes no
 * handshake.
 */
import net from 'node:net';
import tls from 'node:tls';
import { listen, type FakeServer, type Pem } from './fake-exchange.js';

/** Accepts TLS 1.0 only; of what the client offers, picks 3DES, then RC4, then AES-CBC. */
export function startLegacyTls(): Promise<FakeServer> {
  const server = net.createServer((socket) => {
    let bytes = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      const offered = offeredSuites(bytes);
      if (offered === undefined) return;
      const suite = [0x000a, 0x0005, 0x002f].find((code) => offered.includes(code));
      socket.end(
        suite === undefined ? Buffer.from([0x15, 0x03, 0x01, 0, 2, 2, 40]) : serverHello(suite),
      );
    });
    socket.on('error', () => undefined);
  });
  return listen(server);
}

/** The cipher suites of a whole ClientHello record, or undefined while incomplete. */
function offeredSuites(bytes: Buffer): number[] | undefined {
  if (bytes.length < 5) return undefined;
  const length = bytes.readUInt16BE(3);
  if (bytes.length < 5 + length) return undefined;
  const body = bytes.subarray(9, 5 + length);
  const sessionLength = body[34] ?? 0;
  const suitesAt = 35 + sessionLength;
  const suitesLength = body.readUInt16BE(suitesAt);
  const suites: number[] = [];
  for (let offset = suitesAt + 2; offset < suitesAt + 2 + suitesLength; offset += 2) {
    suites.push(body.readUInt16BE(offset));
  }
  return suites;
}

function serverHello(suite: number): Buffer {
  const body = Buffer.concat([
    Buffer.from([0x03, 0x01]),
    Buffer.alloc(32, 7),
    Buffer.from([0]),
    Buffer.from([suite >> 8, suite & 0xff, 0]),
  ]);
  const handshake = Buffer.concat([Buffer.from([2, 0, 0, body.length]), body]);
  return Buffer.concat([
    Buffer.from([0x16, 0x03, 0x01, handshake.length >> 8, handshake.length & 0xff]),
    handshake,
  ]);
}

export interface FakeSmtpOptions {
  banner: string;
  /** Certificate for STARTTLS; without one STARTTLS is not offered. */
  starttls?: Pem;
  authBeforeTls?: string[];
  authAfterTls?: string[];
}

/** An Exchange-like SMTP receive connector: banner, EHLO, STARTTLS, EHLO again, QUIT. */
export function startFakeSmtp(options: FakeSmtpOptions): Promise<FakeServer> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write(`220 ${options.banner}\r\n`);
    converse(socket, options, false);
  });
  return listen(server);
}

function converse(socket: net.Socket, options: FakeSmtpOptions, secure: boolean): void {
  let text = '';
  const onData = (chunk: Buffer) => {
    text += chunk.toString('latin1');
    for (let end = text.indexOf('\r\n'); end >= 0; end = text.indexOf('\r\n')) {
      const line = text.slice(0, end);
      text = text.slice(end + 2);
      if (/^EHLO /i.test(line)) socket.write(ehlo(options, secure));
      else if (/^STARTTLS/i.test(line) && !secure && options.starttls !== undefined) {
        socket.off('data', onData);
        socket.write('220 2.0.0 SMTP server ready\r\n');
        const upgraded = new tls.TLSSocket(socket, {
          isServer: true,
          key: options.starttls.key,
          cert: options.starttls.cert,
        });
        upgraded.on('error', () => socket.destroy());
        converse(upgraded, options, true);
        return;
      } else if (/^QUIT/i.test(line))
        socket.end('221 2.0.0 Service closing transmission channel\r\n');
      else socket.write('500 5.3.3 Unrecognized command\r\n');
    }
  };
  socket.on('data', onData);
}

function ehlo(options: FakeSmtpOptions, secure: boolean): string {
  const lines = ['mail.contoso.com Hello [127.0.0.1]', 'SIZE 37748736', 'PIPELINING', '8BITMIME'];
  if (!secure && options.starttls !== undefined) lines.push('STARTTLS', 'X-ANONYMOUSTLS');
  const auth = secure ? options.authAfterTls : options.authBeforeTls;
  if (auth !== undefined && auth.length > 0) lines.push(`AUTH ${auth.join(' ')}`);
  lines.push('X-EXPS GSSAPI NTLM', 'CHUNKING');
  return lines
    .map((line, index) => `250${index === lines.length - 1 ? ' ' : '-'}${line}\r\n`)
    .join('');
}

/** Accepts connections and never says a word. */
export function startSilent(): Promise<FakeServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  return listen(server);
}

/** Answers anything with bytes that are neither TLS nor SMTP nor HTTP. */
export function startGarbage(): Promise<FakeServer> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () =>
      socket.end(Buffer.from('\u0000\u00ffgarbage\u0007\u0000 not a protocol\n')),
    );
    socket.write('\u0001\u0002 garbage here\n');
  });
  return listen(server);
}

/**
 * A port on 127.0.0.1 where connections are refused. A port freed after listen(0) comes from the
 * ephemeral range, and a test running beside this one can be handed it again before the probe
 * connects; a port below 1024 is never handed out that way. Each candidate is checked refused.
 */
export async function closedPort(): Promise<number> {
  for (let port = 1; port < 1024; port += 1) {
    if (await refused(port)) return port;
  }
  throw new Error('no closed port below 1024 on 127.0.0.1');
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}
