/**
 * Fake Exchange servers on loopback for the probe tests, answering the way a stock Exchange 2019
 * front end does to anonymous requests (reference/probe-and-logs.md A1-A5): OWA's redirect to
 * its forms login, 401s with one WWW-Authenticate header per scheme, X-OWA-Version, the ECP
 * export tool manifest, an NTLM CHALLENGE naming the domain and host. Certificates are made in
 * the test with openssl. Only 127.0.0.1 is ever bound.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Pem {
  key: string;
  cert: string;
}

/** A valid self-signed certificate for localhost/127.0.0.1 and an expired one. */
export function makeCertificates(algorithm: 'rsa' | 'ec' = 'rsa'): { valid: Pem; expired: Pem } {
  const dir = mkdtempSync(path.join(tmpdir(), 'exzt-probe-certs-'));
  try {
    const file = (name: string) => path.join(dir, name);
    const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
    // P-256 signs far faster than RSA 2048: the 200-target run uses it to spare the shared CPU.
    const newKey =
      algorithm === 'rsa'
        ? ['-newkey', 'rsa:2048']
        : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
    openssl(
      'req',
      '-x509',
      ...newKey,
      '-nodes',
      '-keyout',
      file('k.pem'),
      '-out',
      file('c.pem'),
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '30',
    );
    openssl(
      'req',
      '-new',
      '-key',
      file('k.pem'),
      '-subj',
      '/CN=ex01.contoso.local',
      '-out',
      file('r.csr'),
    );
    // A negative validity puts notAfter before notBefore: expired from the start.
    openssl(
      'x509',
      '-req',
      '-in',
      file('r.csr'),
      '-signkey',
      file('k.pem'),
      '-days',
      '-1',
      '-out',
      file('e.pem'),
    );
    const key = readFileSync(file('k.pem'), 'utf8');
    return {
      valid: { key, cert: readFileSync(file('c.pem'), 'utf8') },
      expired: { key, cert: readFileSync(file('e.pem'), 'utf8') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FakeExchangeOptions {
  pem: Pem;
  /** X-OWA-Version to send; undefined strips it, as a rewrite rule would. */
  owaVersion?: string;
  /** 3-part folder in the OWA asset paths. */
  assetFolder?: string;
  exportToolVersion?: string;
  basic?: boolean;
  hsts?: string;
  /** Answer 403 on /ecp and /powershell, as IIS IP restrictions do. */
  restrictAdmin?: boolean;
  /** Answer everything with a plain 403 from a proxy, nothing Exchange-like. */
  proxy?: boolean;
}

export interface FakeServer {
  port: number;
  /** Most connections open at once, and requests in flight at once, seen by the server. */
  peaks: { connections: number; requests: number };
  requests: string[];
  close(): Promise<void>;
}

/** Simultaneous connections over several fake servers: the probe's bound is for the whole run. */
export class ConnectionCounter {
  active = 0;
  peak = 0;
  total = 0;
  /** Requests in flight over all servers: received and not yet fully answered. */
  requests = 0;
  requestPeak = 0;

  open(): void {
    this.active += 1;
    this.total += 1;
    this.peak = Math.max(this.peak, this.active);
  }

  close(): void {
    this.active -= 1;
  }
}

export async function startFakeExchange(
  options: FakeExchangeOptions,
  shared?: ConnectionCounter,
): Promise<FakeServer> {
  const requests: string[] = [];
  const server = https.createServer(
    { key: options.pem.key, cert: options.pem.cert },
    (req, res) => {
      requests.push(`${req.method} ${req.url}`);
      answer(req, res, options);
    },
  );
  return listen(server, requests, shared);
}

/** Counts simultaneous connections and requests; binds 127.0.0.1 on a free port. */
export async function listen(
  server: net.Server,
  requests: string[] = [],
  shared?: ConnectionCounter,
): Promise<FakeServer> {
  const peaks = { connections: 0, requests: 0 };
  let connections = 0;
  let inFlight = 0;
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    connections += 1;
    peaks.connections = Math.max(peaks.connections, connections);
    shared?.open();
    // The client's FIN (or reset) is the moment it let go; 'close' can come a poll later.
    let open = true;
    const gone = () => {
      if (!open) return;
      open = false;
      connections -= 1;
      shared?.close();
    };
    socket.once('end', gone);
    socket.once('error', gone);
    socket.once('close', gone);
  });
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    peaks.requests = Math.max(peaks.requests, inFlight);
    if (shared !== undefined) {
      shared.requests += 1;
      shared.requestPeak = Math.max(shared.requestPeak, shared.requests);
    }
    // 'prefinish' is when the whole answer is handed to the socket: the client may read it and
    // send its next request before 'finish' is seen here, so counting to 'finish' over-counts.
    let answered = false;
    const done = () => {
      if (answered) return;
      answered = true;
      inFlight -= 1;
      if (shared !== undefined) shared.requests -= 1;
    };
    res.once('prefinish', done);
    res.once('finish', done);
    res.once('close', done);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    peaks,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse, options: FakeExchangeOptions): void {
  if (options.proxy === true) {
    res.writeHead(403, { Server: 'BIG-IP', 'Set-Cookie': 'BIGipServerpool_owa=1234; path=/' });
    res.end('Forbidden');
    return;
  }
  res.setHeader('Server', 'Microsoft-IIS/10.0');
  res.setHeader('X-FEServer', 'EX01');
  res.setHeader('X-Powered-By', 'ASP.NET');
  if (options.owaVersion !== undefined) res.setHeader('X-OWA-Version', options.owaVersion);
  if (options.hsts !== undefined) res.setHeader('Strict-Transport-Security', options.hsts);
  const url = (req.url ?? '/').toLowerCase();
  const host = `https://${req.headers.host ?? 'localhost'}`;
  const route = ROUTES.find(([prefix]) => url.startsWith(prefix));
  if (route === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end(
      '<html><head><title>IIS 10.0 Detailed Error - 404.0 - Not Found</title></head><body>IIS Web Core</body></html>',
    );
    return;
  }
  route[1](req, res, options, host);
}

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  options: FakeExchangeOptions,
  host: string,
) => void;

const challenge =
  (schemes: string[]): Handler =>
  (req, res, options) => {
    const auth = req.headers.authorization ?? '';
    if (/^NTLM /i.test(auth) && schemes.includes('NTLM')) {
      res.writeHead(401, { 'WWW-Authenticate': `NTLM ${ntlmChallenge()}` });
      res.end();
      return;
    }
    const offered =
      options.basic === true ? [...schemes, 'Basic realm="mail.contoso.com"'] : schemes;
    res.writeHead(401, { 'WWW-Authenticate': offered });
    res.end();
  };

const adminOnly =
  (inner: Handler): Handler =>
  (req, res, options, host) => {
    if (options.restrictAdmin === true) {
      res.writeHead(403, { 'Content-Type': 'text/html' });
      res.end(
        '<html><head><title>403 - Forbidden: Access is denied.</title></head><body>403.6 IP address rejected</body></html>',
      );
      return;
    }
    inner(req, res, options, host);
  };

const ROUTES: Array<[string, Handler]> = [
  [
    '/owa/auth/logon.aspx',
    (_req, res, options) => {
      const folder = options.assetFolder ?? '15.2.1544';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!DOCTYPE html><html><head><title>Outlook</title><link rel="shortcut icon" href="/owa/auth/${folder}/themes/resources/favicon.ico" type="image/x-icon"></head><body><form action="/owa/auth.owa" method="POST" name="logonForm"><input id="username" name="username" type="text"><input id="password" name="password" type="password"></form></body></html>`,
      );
    },
  ],
  [
    '/owa',
    (_req, res, _options, host) => {
      res.writeHead(302, {
        Location: `${host}/owa/auth/logon.aspx?url=${encodeURIComponent(`${host}/owa/`)}&reason=0`,
      });
      res.end();
    },
  ],
  [
    '/ecp/current/exporttool/',
    adminOnly((_req, res, options) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ms-application' });
      res.end(
        `<?xml version="1.0" encoding="utf-8"?><asmv1:assembly xmlns:asmv1="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0"><assemblyIdentity name="microsoft.exchange.ediscovery.exporttool.application" version="${options.exportToolVersion ?? '15.2.1544.4'}" publicKeyToken="b03f5f7f11d50a3a" language="neutral" processorArchitecture="msil" xmlns="urn:schemas-microsoft-com:asm.v1" /></asmv1:assembly>`,
      );
    }),
  ],
  [
    '/ecp',
    adminOnly((_req, res, _options, host) => {
      res.writeHead(302, {
        Location: `${host}/owa/auth/logon.aspx?replaceCurrent=1&url=${encodeURIComponent(`${host}/ecp`)}`,
      });
      res.end();
    }),
  ],
  ['/ews/exchange.asmx', challenge(['Negotiate', 'NTLM'])],
  ['/autodiscover/autodiscover.xml', challenge(['Negotiate', 'NTLM'])],
  [
    '/autodiscover/autodiscover.json',
    (_req, res, _options, host) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          Protocol: 'AutodiscoverV1',
          Url: `${host}/Autodiscover/Autodiscover.xml`,
        }),
      );
    },
  ],
  ['/mapi/', challenge(['Negotiate', 'NTLM'])],
  [
    '/microsoft-server-activesync',
    (_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': ['Basic realm="mail.contoso.com"'] });
      res.end();
    },
  ],
  ['/oab/', challenge(['Negotiate', 'NTLM'])],
  ['/rpc/', challenge(['Negotiate', 'NTLM'])],
  ['/powershell', adminOnly(challenge(['Negotiate']))],
];

/** An NTLM CHALLENGE ([MS-NLMP] §2.2.1.2) naming CONTOSO\EX01, as Windows Server 2019 sends. */
export function ntlmChallenge(): string {
  const pairs: Array<[number, string]> = [
    [2, 'CONTOSO'],
    [1, 'EX01'],
    [4, 'contoso.local'],
    [3, 'ex01.contoso.local'],
    [5, 'contoso.local'],
  ];
  const info = Buffer.concat([
    ...pairs.map(([id, text]) => {
      const value = Buffer.from(text, 'utf16le');
      const head = Buffer.alloc(4);
      head.writeUInt16LE(id, 0);
      head.writeUInt16LE(value.length, 2);
      return Buffer.concat([head, value]);
    }),
    Buffer.alloc(4),
  ]);
  const target = Buffer.from('CONTOSO', 'utf16le');
  const header = Buffer.alloc(56);
  header.write('NTLMSSP\0', 0, 'latin1');
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(target.length, 12);
  header.writeUInt16LE(target.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(0x02898215, 20);
  header.fill(0x11, 24, 32);
  header.writeUInt16LE(info.length, 40);
  header.writeUInt16LE(info.length, 42);
  header.writeUInt32LE(56 + target.length, 44);
  header.writeUInt8(10, 48);
  header.writeUInt8(0, 49);
  header.writeUInt16LE(17763, 50);
  header.writeUInt8(15, 55);
  return Buffer.concat([header, target, info]).toString('base64');
}
