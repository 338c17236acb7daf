/**
 * Generates realistic Exchange front-end logs for the log-scan benchmark: IIS W3C (W3SVC1, the
 * default field set) and HttpProxy CSV (the 74 columns of 15.1/15.2), with Exchange's own noise
 * (health probes, 401 challenges, Outlook, ActiveSync, OWA), benign look-alikes of every hunt,
 * and planted indicators whose file and line are recorded in planted.json.
 * Usage: node dist/bench/logs/generate.js [--size-mb 500] [--force]
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Planted {
  file: string;
  line: number;
  hunt: string;
}

export interface GeneratedSet {
  folder: string;
  bytes: number;
  planted: Planted[];
}

const FILE_BYTES = 128 * 1024 * 1024;
const PLANTED_PER_FILE = 2;
const HTTPPROXY_FIELDS =
  'DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,BackEndCookie,ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,CalculateTargetBackEndLatency,GlsLatencyBreakup,TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency,ResourceForestLatencyBreakup,TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,TotalSharedCacheLatency,ActivityContextLifeTime,ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,BackendReqStreamLatency,BackendProcessingLatency,BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency,HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,ProxyTime,CoreLatency,RoutingLatency,HttpProxyOverhead,TotalRequestTime,RouteRefresherLatency,UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus';
const IIS_HEADER = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Date: 2026-11-02 00:00:00',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
];
const HTTPPROXY_HEADER = [
  '#Software: Microsoft Exchange Server',
  '#Version: 15.02.1544.004',
  '#Log-type: HttpProxy Logs',
  '#Date: 2026-11-02T00:00:00.000Z',
  `#Fields: ${HTTPPROXY_FIELDS}`,
];

/** A tiny deterministic generator, so every run plants the same lines. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const USERS = Array.from({ length: 400 }, (_, i) => `user${i}@contoso.com`);
const OUTLOOK = 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)';
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

interface Request {
  method: string;
  stem: string;
  query: string;
  user: string;
  ip: string;
  agent: string;
  status: string;
  protocol: string;
  anchor: string;
  auth: string;
}

const STATIC_FILES = [
  '/owa/prem/15.2.1544.4/scripts/boot.worker.min.js',
  '/owa/prem/15.2.1544.4/resources/styles/fabric.color.theme.light.css',
  '/owa/auth/Current/themes/resources/logon.css',
  '/owa/auth/Current/themes/resources/segoeui-semilight.ttf',
  '/ecp/15.2.1544/scripts/common.js',
];

function benignRequest(next: () => number): Request {
  const user = USERS[Math.floor(next() * USERS.length)] ?? 'user0@contoso.com';
  const ip = `10.20.${Math.floor(next() * 200)}.${Math.floor(next() * 250) + 1}`;
  const pick = next();
  const base = { user, ip, status: '200', auth: 'Negotiate', anchor: `SMTP:${user}` };
  if (pick < 0.03)
    // OWA's scripts, style sheets and logon resources: the static-post hunt's anchors, fetched.
    return {
      ...base,
      method: 'GET',
      stem: STATIC_FILES[Math.floor(next() * STATIC_FILES.length)] ?? '/owa/',
      query: `&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: CHROME,
      protocol: 'Owa',
      auth: 'Fba',
    };
  if (pick < 0.3)
    return {
      ...base,
      method: 'POST',
      stem: '/mapi/emsmdb/',
      query: `mailboxId=${Math.floor(next() * 1e9)}@contoso.com&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: OUTLOOK,
      protocol: 'Mapi',
    };
  if (pick < 0.5)
    return {
      ...base,
      method: 'POST',
      stem: '/owa/service.svc',
      query: `action=GetItem&UA=0&app=Mail&n=${Math.floor(next() * 99)}&CorrelationID=<empty>;&cafeReqId=${guid(next)};&encoding=;`,
      agent: CHROME,
      protocol: 'Owa',
      auth: 'Fba',
    };
  if (pick < 0.65)
    return {
      ...base,
      method: 'POST',
      stem: '/Microsoft-Server-ActiveSync/default.eas',
      query: `Cmd=Sync&User=${user}&DeviceId=${guid(next).slice(0, 12)}&DeviceType=iPhone&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: 'Apple-iPhone15C2/2104.200',
      protocol: 'Eas',
      auth: 'Basic',
    };
  if (pick < 0.75)
    return {
      ...base,
      method: 'POST',
      stem: '/EWS/Exchange.asmx',
      query: `&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: 'MacOutlook/16.89.24091630 (Intelx64 Mac OS X 14.6.1)',
      protocol: 'Ews',
    };
  if (pick < 0.82)
    return {
      ...base,
      method: 'GET',
      stem: '/autodiscover/autodiscover.json/v1.0/' + user,
      query: `Protocol=ActiveSync&RedirectCount=1&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: 'Outlook-iOS/2.0',
      protocol: 'Autodiscover',
    };
  if (pick < 0.88)
    return {
      ...base,
      method: 'GET',
      stem: '/owa/auth/logon.aspx',
      query: `url=https%3a%2f%2fmail.contoso.com%2fowa%2f&reason=0&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: CHROME,
      protocol: 'Owa',
      user: '-',
      status: '200',
    };
  if (pick < 0.93)
    return {
      ...base,
      method: 'POST',
      stem: '/ecp/DDI/DDIService.svc/GetList',
      query: `schema=MailboxService&msExchEcpCanary=${guid(next)}&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: CHROME,
      protocol: 'Ecp',
      user: 'CONTOSO\\admin',
      ip: '10.10.0.5',
    };
  if (pick < 0.97)
    return {
      ...base,
      method: 'GET',
      stem: '/owa/',
      query: `&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
      agent: 'AMProbe/Local/ClientAccess',
      protocol: 'Owa',
      user: 'HealthMailbox0a1b2c3d@contoso.com',
      ip: '127.0.0.1',
    };
  return {
    ...base,
    method: 'POST',
    stem: '/mapi/emsmdb/',
    query: `&CorrelationID=<empty>;&cafeReqId=${guid(next)};`,
    agent: OUTLOOK,
    protocol: 'Mapi',
    user: '-',
    status: '401',
    auth: '',
  };
}

/** Look-alikes a hunt must not flag: they are in every file, between the planted lines. */
const LOOK_ALIKES: Array<Partial<Request>> = [
  {
    stem: '/owa/auth/RedirSuiteServiceProxy.aspx',
    query: '&CorrelationID=<empty>;&cafeReqId=x;',
    method: 'GET',
  },
  {
    stem: '/autodiscover/autodiscover.json/v1.0/ann@contoso.com',
    query: 'Protocol=EWS&RedirectCount=1',
    method: 'GET',
  },
  {
    stem: '/ecp/default.flt',
    anchor: 'ServerInfo~localhost/ecp/default.flt?',
    status: '500',
    protocol: 'Ecp',
  },
  {
    stem: '/autodiscover/autodiscover.xml',
    anchor: 'ServerInfo~ex01.contoso.local/autodiscover/autodiscover.xml',
    protocol: 'Autodiscover',
  },
  {
    stem: '/powershell',
    query: 'clientApplication=ActiveMonitor;PSVersion=5.1',
    agent: 'Microsoft WinRM Client',
    method: 'POST',
    user: 'CONTOSO\\admin',
    ip: '10.10.0.5',
    protocol: 'PowerShell',
  },
  // A shipped page with a percent-encoded letter: read by every URL hunt, flagged by none.
  { stem: '/owa/auth/logon.asp%78', query: 'url=https%3a%2f%2fmail.contoso.com%2fowa%2f' },
  // A ProxyLogon attempt a patched server refused, and ECP's style sheet fetched.
  { stem: '/ecp/y.js', method: 'POST', status: '500', user: '-', protocol: 'Ecp' },
  { stem: '/ecp/main.css', method: 'GET', protocol: 'Ecp' },
];

/** Indicators planted per format, with the hunt each must trip. */
const IIS_PLANTS: Array<[hunt: string, request: Partial<Request>]> = [
  [
    'unshipped-aspx',
    {
      method: 'GET',
      stem: '/owa/auth/RedirSuiteServerProxy.aspx',
      query: '&CorrelationID=<empty>;&cafeReqId=1;&encoding=;',
      user: '-',
      ip: '139.162.202.236',
    },
  ],
  [
    'proxyshell',
    {
      method: 'POST',
      stem: '/autodiscover/autodiscover.json',
      query: '@evil.corp/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.corp',
      user: '-',
      ip: '45.32.109.71',
    },
  ],
  [
    'proxynotshell',
    {
      method: 'GET',
      stem: '/autodiscover/autodiscover.json',
      query:
        'a..evil.com/owa/&Email=autodiscover/autodiscover.json%3Fa..evil.com&Protocol=XYZ&FooProtocol=%50owershell',
      user: 'CONTOSO\\bob',
      ip: '203.0.113.51',
    },
  ],
  [
    'proxynotshell',
    {
      method: 'GET',
      stem: '/autodiscover/autodiscover.json',
      query: '@evil.corp/Pow%65rShell',
      user: 'CONTOSO\\bob',
      ip: '203.0.113.52',
    },
  ],
  [
    'unshipped-aspx',
    { method: 'GET', stem: '/owa/auth/shell.asp%78', query: '-', user: '-', ip: '45.32.109.72' },
  ],
  [
    'proxylogon-static-post',
    {
      method: 'POST',
      stem: '/ecp/y.js',
      query: '&CorrelationID=<empty>;&cafeReqId=2;',
      user: '-',
      ip: '203.0.113.81',
      agent: 'ExchangeServicesClient/0.0.0.0',
      // The hunt wants the request to have got through; the benign line beneath may be a 401.
      status: '200',
    },
  ],
  [
    'proxylogon-static-post',
    {
      method: 'POST',
      stem: '/owa/auth/Current/themes/resources/lgnbotl.gif',
      query: '-',
      user: '-',
      ip: '198.51.100.23',
      status: '302',
    },
  ],
  [
    'owassrf',
    {
      method: 'POST',
      stem: '/owa/mastermailbox@outlook.com/powershell',
      query: '&CorrelationID=<empty>;',
      user: 'CONTOSO\\bob',
      ip: '203.0.113.50',
      agent: 'Mozilla/5.0 Chrome/105.0.5195.54',
    },
  ],
];
const HTTPPROXY_PLANTS: Array<[hunt: string, request: Partial<Request>]> = [
  [
    'proxylogon-ssrf',
    {
      method: 'POST',
      stem: '/ecp/y.js',
      anchor: 'ServerInfo~a]@ex01.contoso.local:444/mapi/emsmdb/?#',
      user: '',
      ip: '130.255.189.21',
      agent: 'python-requests/2.25.1',
      protocol: 'Ecp',
    },
  ],
];

function guid(next: () => number): string {
  const hex = (n: number): string =>
    Math.floor(next() * 16 ** n)
      .toString(16)
      .padStart(n, '0');
  return `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(8)}${hex(4)}`;
}

function iisLine(time: Date, r: Request): string {
  const stamp = time.toISOString();
  const agent = r.agent.replaceAll(' ', '+');
  return `${stamp.slice(0, 10)} ${stamp.slice(11, 19)} 10.40.0.11 ${r.method} ${r.stem} ${r.query || '-'} 443 ${r.user || '-'} ${r.ip} ${agent} - ${r.status} 0 0 ${15 + (time.getTime() % 300)}`;
}

function httpProxyLine(time: Date, r: Request, next: () => number): string {
  const agent = r.agent.replaceAll(',', ' ');
  const head = [
    time.toISOString(),
    guid(next),
    '15',
    '2',
    '1544',
    '4',
    '',
    r.protocol,
    'mail.contoso.com',
    r.stem,
    '',
    r.auth,
    r.user === '-' || r.user === '' ? 'False' : 'True',
    r.user === '-' ? '' : r.user,
    '',
    r.anchor,
    agent,
    r.ip,
    'EX01',
    r.status,
    r.status,
    '',
    r.method,
    'Proxy',
    'EX02.contoso.local',
    'Version 15.2 (Build 1544.4)',
    'DatabaseGuid',
    'Sid',
    `Server~EX02.contoso.local~1942062522~${time.toISOString()}`,
    'EX02.contoso.local',
    '1',
    '1024',
    '4096',
    '1',
    '',
    '0',
    '0',
    '',
    '0',
    '',
    '0',
    '',
    '0',
    '1',
    '',
    '0',
    '120',
    '0',
    '0',
    '0',
    '1',
    '80',
    '1',
    '2',
    '0',
    '0',
    '1',
    '110',
    '0',
    '95',
    '15',
    '0',
    '3',
    '120',
    '',
    `?${r.query.replaceAll(',', '%2C')}`,
    '',
    `BeginRequest=${time.toISOString()};CorrelationID=${guid(next)};ProxyState-Run=None;FEAuth=${r.auth};EndRequest=${time.toISOString()};`,
    '',
    '',
    guid(next),
    guid(next),
    '0',
    'Success',
  ];
  return head.join(',');
}

interface FileSpec {
  name: string;
  header: string[];
  line: (time: Date, r: Request, next: () => number) => string;
  plants: Array<[string, Partial<Request>]>;
}

function writeLogFile(folder: string, spec: FileSpec, seed: number, planted: Planted[]): number {
  const next = random(seed);
  const file = path.join(folder, spec.name);
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let bytes = 0;
  let line = 0;
  let buffer: string[] = [];
  let pending = 0;
  const emit = (text: string): void => {
    buffer.push(text);
    line += 1;
    pending += text.length + 1;
    if (pending > 4 * 1024 * 1024) flush();
  };
  const flush = (): void => {
    const chunk = buffer.join('\n') + '\n';
    writeSync(fd, chunk);
    bytes += Buffer.byteLength(chunk);
    buffer = [];
    pending = 0;
  };

  for (const header of spec.header) emit(header);
  const plantEvery = Math.floor(FILE_BYTES / 600 / (spec.plants.length * PLANTED_PER_FILE + 1));
  let time = Date.parse('2026-11-02T00:00:00Z') + seed * 3_600_000;
  let plantIndex = 0;
  while (bytes + pending < FILE_BYTES) {
    time += Math.floor(next() * 40);
    const request = benignRequest(next);
    if (
      line % plantEvery === plantEvery - 1 &&
      plantIndex < spec.plants.length * PLANTED_PER_FILE
    ) {
      const [hunt, plant] = spec.plants[plantIndex % spec.plants.length] as [
        string,
        Partial<Request>,
      ];
      emit(
        spec.line(new Date(time), { ...request, agent: 'python-requests/2.25.1', ...plant }, next),
      );
      planted.push({ file: spec.name, line, hunt });
      plantIndex += 1;
    } else if (line % 997 === 0) {
      const alike = LOOK_ALIKES[line % LOOK_ALIKES.length] ?? {};
      emit(spec.line(new Date(time), { ...request, ...alike }, next));
    } else emit(spec.line(new Date(time), request, next));
  }
  flush();
  closeSync(fd);
  return bytes;
}

export function generateSet(sizeMb: number, force = false): GeneratedSet {
  const folder = path.join(REPO_ROOT, 'bench', 'data', `logs-${sizeMb}mb`);
  const manifest = path.join(folder, 'planted.json');
  // The folder is where the set lies now, not where it was written: data may be moved.
  if (!force && existsSync(manifest))
    return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as GeneratedSet), folder };

  rmSync(folder, { recursive: true, force: true });
  const files = Math.max(2, Math.round((sizeMb * 1e6) / FILE_BYTES));
  const planted: Planted[] = [];
  let bytes = 0;
  for (let i = 0; i < files; i += 1) {
    const day = String(2 + i).padStart(2, '0');
    const spec: FileSpec =
      i % 2 === 0
        ? {
            name: `W3SVC1/u_ex2611${day}.log`,
            header: IIS_HEADER,
            line: iisLine,
            plants: IIS_PLANTS,
          }
        : {
            name: `HttpProxy/Ecp/HttpProxy_202611${day}00-1.LOG`,
            header: HTTPPROXY_HEADER,
            line: httpProxyLine,
            plants: HTTPPROXY_PLANTS,
          };
    bytes += writeLogFile(folder, spec, i + 1, planted);
  }
  const set: GeneratedSet = { folder, bytes, planted };
  writeFileSync(manifest, JSON.stringify(set, null, 2));
  return set;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizeAt = process.argv.indexOf('--size-mb');
  const size = sizeAt === -1 ? 500 : Number(process.argv[sizeAt + 1]);
  const set = generateSet(size, process.argv.includes('--force'));
  console.log(
    `${set.folder}: ${(set.bytes / 1e6).toFixed(0)} MB, ${set.planted.length} planted indicators`,
  );
}
