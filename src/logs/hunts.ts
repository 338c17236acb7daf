/**
 * The indicator hunts: for each, the literal anchors a line must contain (searched on raw
 * bytes, so only candidate lines are ever decoded) and the exact test on the parsed record.
 * Conditions follow the public detections named beside each hunt (reference
 * probe-and-logs.md B2, B5, B6).
 */
import { matchesFolded, type HitCheck } from './anchor-search.js';
import { isUnshippedPage } from './shipped-pages.js';
import type { LogFormat } from './model.js';
import type { LogRecord } from './record.js';

export interface Hunt {
  id: string;
  title: string;
  cves: readonly string[];
  /** Where the condition comes from. */
  source: string;
  formats: readonly LogFormat[];
  /**
   * The IIS fields (lower case, as in `#Fields`) without which the hunt cannot see its indicator:
   * IIS logs only the fields the administrator chose, and a log without them is not covered.
   */
  iisFields?: readonly string[];
  /** Lower-case ASCII; a line is a candidate when it holds any of them, letters in any case. */
  anchors: readonly string[];
  matches(record: LogRecord, line: string): boolean;
}

const WEB: readonly LogFormat[] = ['iis', 'httpproxy'];

/**
 * An anchor in the only spelling the prefilter needs: lower case ASCII. Each anchor is searched
 * by its rarest byte in both cases (anchor-search.ts), so the list is kept short and an anchor
 * holding a byte that is rare in logs is cheapest.
 */
function spellings(...words: string[]): string[] {
  return [...new Set(words.map((word) => word.toLowerCase()))];
}

// IIS and HttpProxy treat paths case-insensitively, so attackers may write any case: anchors are
// lower case and matched against the raw bytes with ASCII letters folded (anchor-search.ts). An
// anchor spelled with a percent-encoded letter (%61utodiscover.json) is not in the raw bytes: the
// prefilter hands every line holding an encoded letter to all the URL hunts, which match on the
// percent-decoded stem and query.

export const HUNTS: readonly Hunt[] = [
  {
    id: 'proxylogon-ssrf',
    title: 'ProxyLogon SSRF (AnchorMailbox ServerInfo~ to a back-end path)',
    cves: ['CVE-2021-26855'],
    source: 'Test-ProxyLogon.ps1 (microsoft/CSS-Exchange)',
    formats: ['httpproxy'],
    anchors: spellings('Info~'),
    // TODO(#7): the BackEndCookie variant `Server~*/*~*` (CSS-Exchange #310) is not hunted: its
    // anchor `Server~` is in almost every authenticated HttpProxy line. Built and measured on
    // 2026-12-04 with a byte check on each hit (a '/' before a later '~' in the field): sound on
    // generated spellings, but the 2 GB set fell from 59 % to 46 % of ripgrep, below the target,
    // so it was left out. It needs a cheaper test than one per HttpProxy line in JavaScript.
    matches: (record) => isServerInfoSsrf(record),
  },
  {
    id: 'proxylogon-ecp-vdir-reset',
    title: 'ProxyLogon ECP virtual-directory reset through ServerInfo~ (HTTP 200)',
    cves: ['CVE-2021-27065'],
    source: 'Test-ProxyLogon.ps1 (microsoft/CSS-Exchange)',
    formats: ['httpproxy'],
    anchors: spellings('Info~'),
    matches: (record) =>
      record.status === '200' &&
      /^serverinfo~[^/]*\/.*reset.*virtualdirectory#/i.test(record.anchorMailbox ?? ''),
  },
  {
    id: 'proxylogon-ecp-vdir-script',
    title: 'ProxyLogon script written into a Set-*VirtualDirectory Url parameter',
    cves: ['CVE-2021-27065'],
    source: 'Test-ProxyLogon.ps1; SigmaHQ win_exchange_proxylogon_oabvirtualdir.yml',
    formats: ['ecp-server'],
    anchors: spellings('VirtualDirectory'),
    matches: (_record, line) =>
      /set-\w*virtualdirectory/i.test(line) && /url=[^;]*<\s*\/?[a-z]+[\s>]/i.test(line),
  },
  {
    id: 'proxylogon-oab-path',
    title: 'ProxyLogon file write: OAB generator download outside the OAB folder',
    cves: ['CVE-2021-26858'],
    source: 'Test-ProxyLogon.ps1 (microsoft/CSS-Exchange)',
    formats: ['text'],
    anchors: spellings('Download failed and temporary file'),
    matches: (_record, line) => isOabWriteOutsideOab(line),
  },
  {
    id: 'proxylogon-static-post',
    title: 'ProxyLogon in IIS: a POST to a static ECP or OWA resource that got through',
    cves: ['CVE-2021-26855'],
    source:
      'Neo23x0/signature-base apt_hafnium_log_sigs.yar (LOG_APT_HAFNIUM_Exchange_Log_Traces_Mar21_1, EXPL_LOG_CVE_2021_26858_Exchange_Forensic_Artefacts_Mar21_1); Volexity, 2021-03-02',
    // IIS only: in HttpProxy the same requests carry the ServerInfo~ cookie (proxylogon-ssrf).
    // TODO(#7): the same rules' other traces, exploit user agents (ExchangeServicesClient/0.0.0.0,
    // python-requests) POSTing to other /ecp/ paths (the back end's own IIS log) and POSTs to
    // /owa/auth/Current/ under search-engine agents, are not hunted yet. Measured 2026-12-04:
    // their five user-agent anchors take the IIS and HttpProxy filters past eight pairs, into a
    // second set of nibble tables, which cost the 2 GB set 13 % (1.11 -> 1.25 s), more than the
    // margin it has over half of ripgrep; this hunt's four cost about a tenth (bench/README.md).
    formats: ['iis'],
    iisFields: ['cs-method', 'cs-uri-stem', 'sc-status'],
    // Letters only, so a percent-encoded '.' or '/' cannot hide the line (see STATIC_STEM).
    anchors: spellings('js', 'css', 'flt', 'resources'),
    matches: (record) => isStaticPost(record),
  },
  {
    id: 'proxyshell',
    title: 'ProxyShell: autodiscover.json SSRF to /powershell, /mapi/nspi or /EWS',
    cves: ['CVE-2021-34473', 'CVE-2021-34523', 'CVE-2021-31207'],
    source: 'SigmaHQ web_exchange_proxyshell.yml; Metasploit exchange_proxyshell_rce',
    formats: WEB,
    iisFields: ['cs-uri-stem', 'cs-uri-query'],
    // X-Rps-CAT goes with /powershell (isProxyShell), so 'owershell' finds those lines too.
    anchors: spellings('json', 'JSON', 'owershell'),
    matches: (record) => isProxyShell(record),
  },
  {
    id: 'proxynotshell',
    title: 'ProxyNotShell: authenticated request naming autodiscover and PowerShell (any order)',
    cves: ['CVE-2022-41040', 'CVE-2022-41082'],
    source: 'GTSC hunt regex; MSRC URL-rewrite mitigation (autodiscover and powershell, any order)',
    formats: WEB,
    iisFields: ['cs-uri-stem', 'cs-uri-query', 'cs-username'],
    anchors: spellings('owershell', 'owerShell'),
    matches: (record) => isProxyNotShell(record),
  },
  {
    id: 'owassrf',
    title: 'OWASSRF: POST through /owa/ to /powershell (HTTP 200)',
    cves: ['CVE-2022-41080', 'CVE-2022-41082'],
    source: 'SigmaHQ web_exchange_owassrf_exploitation.yml',
    formats: WEB,
    iisFields: ['cs-method', 'cs-uri-stem', 'cs-uri-query', 'sc-status'],
    anchors: spellings('owershell', 'owerShell'),
    matches: (record) => isOwaSsrf(record),
  },
  {
    id: 'unshipped-aspx',
    title: 'Request for an .aspx page Exchange does not ship (web shell)',
    cves: [],
    source: 'shipped-pages.ts (Elastic detection-rules list of shipped owa/ecp auth pages)',
    formats: WEB,
    iisFields: ['cs-uri-stem'],
    anchors: spellings('aspx', 'ASPX'),
    matches: (record) => isUnshippedPage(percentDecoded(record.stem)),
  },
];

function isServerInfoSsrf(record: LogRecord): boolean {
  const anchor = record.anchorMailbox ?? '';
  return (
    /^serverinfo~[^/]*\//i.test(anchor) &&
    !/^serverinfo~[^/]*\/autodiscover/i.test(anchor) &&
    !/^serverinfo~localhost/i.test(anchor)
  );
}

const OAB_PHRASE = /Download failed and temporary file (.*?) needs to be removed/i;

function isOabWriteOutsideOab(line: string): boolean {
  const path = OAB_PHRASE.exec(line)?.[1];
  return path !== undefined && !/\\ClientAccess\\OAB\\/i.test(path);
}

let lastRecord: LogRecord | null = null;
let lastUri = '';

/** Stem and query, percent-decoded where possible, lower case; three hunts ask per line. */
export function decodedUri(record: LogRecord): string {
  if (record !== lastRecord) {
    lastRecord = record;
    lastUri = decodeUri(record);
  }
  return lastUri;
}

function decodeUri(record: LogRecord): string {
  return percentDecoded(`${record.stem}?${record.query}`).toLowerCase();
}

/**
 * `text` percent-decoded; when it is not valid percent-encoded UTF-8 (a stray '%', a lone byte),
 * its encoded ASCII characters are decoded and the rest left as written.
 */
export function percentDecoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  }
}

function isProxyShell(record: LogRecord): boolean {
  if (isProxyNotShell(record)) return false;
  const uri = decodedUri(record);
  if (uri.includes('x-rps-cat=') && uri.includes('/powershell')) return true;
  if (!uri.includes('autodiscover.json') || !uri.includes('@')) return false;
  if (uri.includes('email=autodiscover/autodiscover.json')) return true;
  if (/\/mapi\/nspi|\/ews\b/.test(uri)) return true;
  return uri.includes('powershell') && record.user === null;
}

function isProxyNotShell(record: LogRecord): boolean {
  const uri = decodedUri(record);
  return uri.includes('autodiscover') && uri.includes('powershell') && record.user !== null;
}

const OWASSRF_BENIGN_AGENTS = /clientinfo|microsoft winrm client|exchange backend probes/i;

function isOwaSsrf(record: LogRecord): boolean {
  const uri = decodedUri(record);
  return (
    record.method?.toUpperCase() === 'POST' &&
    record.status === '200' &&
    uri.includes('/owa/') &&
    uri.includes('/powershell') &&
    uri.includes('@') &&
    !OWASSRF_BENIGN_AGENTS.test(record.userAgent ?? '')
  );
}

/**
 * The front end serves these without authentication, and ProxyLogon's SSRF rode on that: the
 * attacker POSTs to one (`/ecp/y.js`, any one-letter name, `/ecp/main.css`, `/ecp/default.flt`,
 * `/owa/auth/w.js`, a file under `/owa/auth/Current/themes/resources/`) with an X-BEResource
 * cookie naming a back-end URL. Exchange's own clients only GET such files.
 */
const STATIC_STEM =
  /^\/(?:ecp\/(?:auth\/)?[^/]+\.(?:js|css|flt)|owa\/auth\/[^/]+\.js|owa\/auth\/current\/themes\/resources\/[^/]+)$/;

/** A decoded stem, any case, that only a ProxyLogon request would POST to. */
export function isStaticStem(stem: string): boolean {
  return STATIC_STEM.test(stem.toLowerCase());
}

/**
 * POST to a static resource, answered below 400: the sources take 200, 301 and 302; ProxyLogon's
 * SSRF also answered 241. A refused attempt (a patched server's 500, a 404) is not an indicator.
 */
function isStaticPost(record: LogRecord): boolean {
  if (record.method?.toUpperCase() !== 'POST') return false;
  const status = Number(record.status);
  return status >= 200 && status < 400 && isStaticStem(percentDecoded(record.stem));
}

/** Every IIS field some hunt needs (Hunt.iisFields), each once. */
export const IIS_HUNT_FIELDS: readonly string[] = [
  ...new Set(HUNTS.flatMap((hunt) => hunt.iisFields ?? [])),
].sort();

/** The sources of a hunt's formats that lack a field it needs: it could not look there. */
export function sourcesNotCovered<T extends { format: LogFormat; missingFields?: string[] }>(
  hunt: Hunt,
  sources: readonly T[],
): T[] {
  const needs = hunt.iisFields ?? [];
  return sources.filter(
    (source) =>
      source.format === 'iis' &&
      hunt.formats.includes('iis') &&
      needs.some((field) => source.missingFields?.includes(field) ?? false),
  );
}

/** The anchors of the hunts that read a format, as byte strings, each once. */
export function anchorsFor(formats: readonly LogFormat[]): string[] {
  const anchors = HUNTS.filter((hunt) =>
    hunt.formats.some((format) => formats.includes(format)),
  ).flatMap((hunt) => hunt.anchors);
  return [...new Set(anchors)];
}

/**
 * What a chunk's anchors are planned for: its format; 'any' for a chunk holding a header, where
 * the format may change; 'iis-method-stem' for IIS lines whose cs-method field comes right before
 * cs-uri-stem, as in IIS's default field set, where a check may also read the method.
 */
export type AnchorKey = LogFormat | 'any' | 'iis-method-stem';

/**
 * The byte check on a hit of `anchor` in a chunk planned for `key`, for the anchors that one hunt
 * alone uses and that benign traffic is full of (anchor-search.ts, HitCheck). Each check lets
 * through every line its hunt can match, in every spelling the hunt decodes:
 * test/logs/anchor-checks.test.ts tries them on generated spellings against the hunts themselves.
 */
export function anchorCheck(anchor: string, key: AnchorKey): HitCheck | undefined {
  const format = key === 'iis-method-stem' ? 'iis' : key;
  if (anchor === 'aspx') return aspxCheckFor(format);
  if (format !== 'iis') return undefined;
  const posted = key === 'iis-method-stem';
  if (anchor === 'resources') return staticFolderCheck(posted);
  if (STATIC_EXTENSIONS.has(anchor)) return staticExtensionCheck(anchor.length, posted);
  return undefined;
}

const STATIC_EXTENSIONS: ReadonlySet<string> = new Set(['js', 'css', 'flt']);

/**
 * Anchors that count only in a line also holding one of their companions (anchor-search.ts,
 * PlanOptions.requires). ProxyShell's autodiscover.json branch also needs `/mapi/nspi`, `/ews`,
 * `powershell` or `email=autodiscover/autodiscover.json` in the decoded URL, and Outlook's own
 * autodiscover.json requests (each mobile client, every few minutes) hold none of them. In the
 * raw line a letter may be percent-encoded (those lines reach every URL hunt anyway) and so may
 * '/', so the companions are what the raw bytes must hold: `ews` stands for `/ews` and `%2fews`.
 * The companions are searched with the anchors, in the same pass.
 */
export const ANCHOR_COMPANIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['json', ['nspi', '/ews', '%2fews', 'owershell', 'email']],
]);

const SPACE = 0x20;
const COMMA = 0x2c;
const CARRIAGE_RETURN = 0x0d;
const PERCENT = 0x25;
const QUOTE = 0x22;
const SLASH = 0x2f;

/**
 * The unshipped-page hunt reads the stem: a hit is passed over only when it ends a whole field
 * (between the format's separators, not quoted, ASCII, not percent-encoded) and that field, read as a
 * stem, is not an unshipped page (`/owa/auth/logon.aspx`, `/ecp/default.aspx`). Any other hit,
 * and every hit where the separator is not known, is kept.
 */
function aspxCheckFor(format: LogFormat | 'any'): HitCheck | undefined {
  const separator = format === 'iis' ? SPACE : format === 'httpproxy' ? COMMA : -1;
  if (separator === -1) return undefined;
  return (data, at, lineStart, lineStop) => {
    const after = at + 'aspx'.length;
    const next = after < lineStop ? data[after] : undefined;
    if (next !== undefined && next !== separator && next !== CARRIAGE_RETURN) return true;
    let start = at;
    while (start > lineStart && data[start - 1] !== separator) start -= 1;
    for (let index = start; index < after; index += 1) {
      const byte = data[index] ?? 0;
      // Encoded or non-ASCII bytes decode to something else: the hunt decides.
      if (byte === PERCENT || byte === QUOTE || byte >= 0x80) return true;
    }
    return isUnshippedPage(data.toString('latin1', start, after));
  };
}

/**
 * The static-post hunt's anchors (`js`, `css`, `flt`, `resources`) are in every OWA script,
 * style sheet and autodiscover.json request. A hit counts only when the IIS field around it is a
 * stem the hunt can match; a field holding a '%', a quote or a non-ASCII byte decodes to
 * something else, so the hunt decides. An extension must end the field and `resources` be
 * followed by '/' (or '%', an encoded one), which most hits fail at once (`.json`). Where the
 * method comes right before the stem (`posted`), the field before must also be POST: the logon
 * page's own style sheets are fetched with GET.
 */
function staticExtensionCheck(length: number, posted: boolean): HitCheck {
  return (data, at, lineStart, lineStop) => {
    const after = at + length;
    const next = after < lineStop ? data[after] : SPACE;
    if (next !== SPACE && next !== CARRIAGE_RETURN) return false;
    return staticStemAround(data, at, lineStart, lineStop, posted);
  };
}

function staticFolderCheck(posted: boolean): HitCheck {
  return (data, at, lineStart, lineStop) => {
    const after = at + 'resources'.length;
    const next = after < lineStop ? data[after] : SPACE;
    if (next !== SLASH && next !== PERCENT) return false;
    return staticStemAround(data, at, lineStart, lineStop, posted);
  };
}

function staticStemAround(
  data: Buffer,
  at: number,
  lineStart: number,
  lineStop: number,
  posted: boolean,
): boolean {
  let start = at;
  while (start > lineStart && data[start - 1] !== SPACE) start -= 1;
  // The field before is the method only when this hit is in the stem; when it is elsewhere,
  // the stem's own hit is checked too, so refusing this one hides nothing.
  const method = start - 5;
  if (
    posted &&
    !(
      method >= lineStart &&
      (method === lineStart || data[method - 1] === SPACE) &&
      holdsFoldedAt(data, method, start - 1, POST)
    )
  ) {
    return false;
  }
  let end = at;
  while (end < lineStop && data[end] !== SPACE && data[end] !== CARRIAGE_RETURN) end += 1;
  for (let index = start; index < end; index += 1) {
    const byte = data[index] ?? 0;
    if (byte === PERCENT || byte === QUOTE || byte >= 0x80) return true;
  }
  return isStaticStemBytes(data, start, end);
}

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const ECP = ascii('/ecp/');
const AUTH = ascii('auth/');
const OWA_AUTH = ascii('/owa/auth/');
const THEME_RESOURCES = ascii('current/themes/resources/');
const STATIC_EXTENSION_BYTES = ['.js', '.css', '.flt'].map(ascii);
const JS = ascii('.js');
const POST = ascii('post');
const NOTHING = ascii('');

/** isStaticStem on ASCII bytes, without making a string of them (the check runs per hit). */
export function isStaticStemBytes(data: Buffer, start: number, end: number): boolean {
  if (holdsFoldedAt(data, start, end, ECP)) {
    let rest = start + ECP.length;
    if (holdsFoldedAt(data, rest, end, AUTH)) rest += AUTH.length;
    return STATIC_EXTENSION_BYTES.some((extension) => isFileNamed(data, rest, end, extension));
  }
  if (!holdsFoldedAt(data, start, end, OWA_AUTH)) return false;
  const rest = start + OWA_AUTH.length;
  if (holdsFoldedAt(data, rest, end, THEME_RESOURCES)) {
    return isFileNamed(data, rest + THEME_RESOURCES.length, end, NOTHING);
  }
  return isFileNamed(data, rest, end, JS);
}

/** data[at..end) starts with `literal` (lower-case ASCII), letters in any case. */
function holdsFoldedAt(data: Buffer, at: number, end: number, literal: Buffer): boolean {
  return end - at >= literal.length && matchesFolded(data, at, literal);
}

/** data[at..end) is one path segment, longer than `suffix` and ending with it in any case. */
function isFileNamed(data: Buffer, at: number, end: number, suffix: Buffer): boolean {
  if (end - at <= suffix.length) return false;
  for (let index = at; index < end; index += 1) if (data[index] === SLASH) return false;
  return holdsFoldedAt(data, end - suffix.length, end, suffix);
}
