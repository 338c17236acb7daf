/**
 * Zero Trust in practice: what each log line says about the policy. Admin endpoints (/ecp,
 * /powershell) from outside the admin networks or hours, Basic authentication, legacy protocols,
 * client addresses outside every policy network or inside a server network, and the client
 * builds in use. Counted per user and address in bounded tables (model.ts MAX_USAGE_KEYS).
 */
import {
  allNetworks,
  isLocalOnly,
  networksNamed,
  parseIpAddress,
  parseNetworks,
  zoneNetworks,
  type IpRange,
} from '../policy/networks.js';
import type { Policy } from '../policy/model.js';
import { adminHoursTest, type AdminHoursTest } from './admin-hours.js';
import { MAX_USAGE_KEYS, type ClientUse, type PolicyUsage, type UsageCount } from './model.js';
import type { LogRecord } from './record.js';
import { parseUserAgent, type ClientAgent } from './user-agents.js';

/** What the checks need to know of a User-Agent, worked out once per distinct agent. */
interface AgentClass {
  probe: boolean;
  /** One object per client and version, so the version table is keyed without strings. */
  clientAgent: ClientAgent | null;
}

/** Where a counted use was seen; turned into `file:line` only for a table's new entry. */
interface Place {
  file: string;
  line: number;
}

interface AddressClass {
  local: boolean;
  admin: boolean;
  known: boolean;
  server: boolean;
}

/** Monitoring traffic Exchange generates itself (reference B4 "noise to whitelist"). */
const PROBE_AGENTS = /AMProbe|ActiveMonitor|Exchange BackEnd Probes|MSExchangeHM/i;

export class UsageTally {
  private readonly tables = {
    adminAccess: new Map<string, UsageCount>(),
    basicAuth: new Map<string, UsageCount>(),
    legacyProtocols: new Map<string, UsageCount>(),
    clientAddresses: new Map<string, UsageCount>(),
  };
  /** Per agent, then per user; the list keeps first-seen order, as the result lists them. */
  private readonly versions = new Map<ClientAgent, Map<string, ClientUse>>();
  private readonly versionList: ClientUse[] = [];
  private readonly addresses = new Map<string, AddressClass>();
  private readonly agents = new Map<string, AgentClass>();
  private readonly clientAgents = new Map<string, ClientAgent>();
  private readonly lowerWords = new Map<string, string>();
  private readonly stemKinds = new Map<string, StemKind>();
  private readonly adminNets: IpRange[];
  private readonly serverNets: IpRange[];
  private readonly allNets: IpRange[];
  private readonly adminNets4: Ipv4Span[];
  private readonly serverNets4: Ipv4Span[];
  private readonly allNets4: Ipv4Span[];
  private readonly inAdminHours: AdminHoursTest;
  private dropped = 0;

  constructor(policy: Policy) {
    this.adminNets = parseNetworks(networksNamed(policy.apps.adminFrom, policy));
    this.serverNets = parseNetworks(zoneNetworks(policy, 'servers'));
    this.allNets = parseNetworks(allNetworks(policy));
    this.inAdminHours = adminHoursTest(policy.admin.hours);
    this.adminNets4 = ipv4Spans(this.adminNets);
    this.serverNets4 = ipv4Spans(this.serverNets);
    this.allNets4 = ipv4Spans(this.allNets);
  }

  /** Counts one line; file and line name the sample. */
  add(record: LogRecord, file: string, line: number): void {
    const ip = record.clientIp ?? '-';
    const address = this.classify(ip);
    if (address.local || isProbeUser(record.user)) return;
    const agent = record.userAgent === null ? null : this.agentOf(record.userAgent);
    if (agent?.probe === true) return;

    const user = record.user ?? '(anonymous)';
    const where = { file, line };
    this.checkAdmin(record, ip, user, address, where);
    this.checkLegacy(record, user, where);
    this.checkAddress(record, ip, address, where);
    if (agent !== null) this.countVersion(agent.clientAgent, user);
  }

  private checkAdmin(
    record: LogRecord,
    ip: string,
    user: string,
    address: AddressClass,
    where: Place,
  ): void {
    const endpoint = adminEndpoint(this.lower(record.protocol), this.stemKind(record.stem));
    if (endpoint === null) return;

    if (!address.admin)
      this.count('adminAccess', endpoint, user, ip, 'outside the admin networks', record, where);
    if (record.time !== null && !this.inAdminHours(record.time)) {
      this.count('adminAccess', endpoint, user, ip, 'outside admin hours', record, where);
    }
  }

  private checkLegacy(record: LogRecord, user: string, where: Place): void {
    if (this.lower(record.authenticationType) === 'basic') {
      const protocol = this.lower(record.protocol) ?? 'unknown';
      this.count('basicAuth', `basic:${protocol}`, user, '', 'Basic authentication', record, where);
    }
    const legacy = legacyProtocol(this.lower(record.protocol), this.stemKind(record.stem));
    if (legacy !== null)
      this.count('legacyProtocols', legacy, user, '', 'legacy protocol', record, where);
  }

  private checkAddress(record: LogRecord, ip: string, address: AddressClass, where: Place): void {
    if (address.server)
      this.count('clientAddresses', 'client', '', ip, 'from a server network', record, where);
    else if (!address.known)
      this.count(
        'clientAddresses',
        'client',
        '',
        ip,
        'outside every policy network',
        record,
        where,
      );
  }

  /** Counted per agent object and user string, both repeated objects: no key is built. */
  private countVersion(agent: ClientAgent | null, user: string): void {
    if (agent === null) return;

    let byUser = this.versions.get(agent);
    if (byUser === undefined) {
      byUser = new Map<string, ClientUse>();
      this.versions.set(agent, byUser);
    }
    const use = byUser.get(user);
    if (use !== undefined) use.count += 1;
    else if (this.versionList.length >= MAX_USAGE_KEYS) this.dropped += 1;
    else {
      const entry = { ...agent, user, count: 1 };
      byUser.set(user, entry);
      this.versionList.push(entry);
    }
  }

  /** Adds one use under its key; an empty user or address means "any" (the key leaves it out). */
  private count(
    table: keyof UsageTally['tables'],
    what: string,
    user: string,
    ip: string,
    reason: string,
    record: LogRecord,
    where: Place,
  ): void {
    const map = this.tables[table];
    const key = `${what}|${user}|${ip}|${reason}`;
    const entry = map.get(key);
    if (entry !== undefined) {
      entry.count += 1;
      widen(entry, record.time);
      return;
    }
    if (map.size >= MAX_USAGE_KEYS) {
      this.dropped += 1;
      return;
    }
    map.set(key, {
      what,
      user,
      clientIp: ip,
      reason,
      count: 1,
      first: record.time,
      last: record.time,
      sample: `${where.file}:${where.line}`,
    });
  }

  private classify(ip: string): AddressClass {
    const v4 = plainIpv4(ip);
    if (v4 !== -1) return this.classifyIpv4(v4);

    const cached = this.addresses.get(ip);
    if (cached !== undefined) return cached;

    const address = parseIpAddress(ip);
    const within = (ranges: IpRange[]): boolean =>
      address !== undefined &&
      ranges.some(
        (r) => r.version === address.version && r.first <= address.value && address.value <= r.last,
      );
    const verdict: AddressClass = {
      local: address !== undefined && isLocalOnly(address),
      admin: within(this.adminNets),
      known: within(this.allNets),
      server: within(this.serverNets),
    };
    if (this.addresses.size < MAX_USAGE_KEYS) this.addresses.set(ip, verdict);
    return verdict;
  }

  /** Lower case of the few words logs repeat (protocols, authentication types), memoised. */
  private lower(word: string | null): string | null {
    if (word === null) return null;

    const known = this.lowerWords.get(word);
    if (known !== undefined) return known;
    const lower = word.toLowerCase();
    if (this.lowerWords.size < MAX_USAGE_KEYS) this.lowerWords.set(word, lower);
    return lower;
  }

  private stemKind(stem: string): StemKind {
    const known = this.stemKinds.get(stem);
    if (known !== undefined) return known;
    const kind = stemKindOf(stem);
    if (this.stemKinds.size < MAX_USAGE_KEYS) this.stemKinds.set(stem, kind);
    return kind;
  }

  /** The same verdict as for the parsed address, in plain numbers (no BigInt, no cache). */
  private classifyIpv4(value: number): AddressClass {
    const within = (ranges: Ipv4Span[]): boolean =>
      ranges.some((range) => range.first <= value && value <= range.last);
    const first = value >>> 24;
    const local = first === 127 || value >>> 16 === 0xa9fe || value === 0;
    const bits =
      (local ? 8 : 0) +
      (within(this.adminNets4) ? 4 : 0) +
      (within(this.allNets4) ? 2 : 0) +
      (within(this.serverNets4) ? 1 : 0);
    return ADDRESS_CLASSES[bits] as AddressClass;
  }

  private agentOf(userAgent: string): AgentClass {
    const cached = this.agents.get(userAgent);
    if (cached !== undefined) return cached;

    const agent = {
      probe: PROBE_AGENTS.test(userAgent),
      clientAgent: this.canonical(parseUserAgent(userAgent)),
    };
    if (this.agents.size < MAX_USAGE_KEYS) this.agents.set(userAgent, agent);
    return agent;
  }

  /** The one object for this client and version (a full table drops new ones, counted). */
  private canonical(agent: ClientAgent | null): ClientAgent | null {
    if (agent === null) return null;

    const key = `${agent.client}|${agent.version}`;
    const known = this.clientAgents.get(key);
    if (known !== undefined) return known;
    if (this.clientAgents.size >= MAX_USAGE_KEYS) {
      this.dropped += 1;
      return null;
    }
    this.clientAgents.set(key, agent);
    return agent;
  }

  result(): PolicyUsage {
    return {
      adminAccess: [...this.tables.adminAccess.values()],
      basicAuth: [...this.tables.basicAuth.values()],
      legacyProtocols: [...this.tables.legacyProtocols.values()],
      clientAddresses: [...this.tables.clientAddresses.values()],
      clientVersions: [...this.versionList],
      dropped: this.dropped,
    };
  }
}

interface Ipv4Span {
  first: number;
  last: number;
}

function ipv4Spans(ranges: IpRange[]): Ipv4Span[] {
  return ranges
    .filter((range) => range.version === 4)
    .map((range) => ({ first: Number(range.first), last: Number(range.last) }));
}

/** The sixteen verdicts, indexed by local·8 + admin·4 + known·2 + server. */
const ADDRESS_CLASSES: readonly AddressClass[] = Array.from({ length: 16 }, (_, bits) => ({
  local: (bits & 8) !== 0,
  admin: (bits & 4) !== 0,
  known: (bits & 2) !== 0,
  server: (bits & 1) !== 0,
}));

/** A dotted IPv4 address of exactly four decimal octets as a number; -1 for anything else. */
function plainIpv4(text: string): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) {
      octet = octet * 10 + code - 48;
      digits += 1;
      if (digits > 3 || octet > 255) return -1;
    } else if (code === 46 && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
    } else return -1;
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : -1;
}

function isProbeUser(user: string | null): boolean {
  return user !== null && /^HealthMailbox/i.test(user);
}

/** What a URL path alone says: an admin endpoint, RPC over HTTP, or neither. */
type StemKind = 'ecp' | 'powershell' | 'rpc-http' | null;

function stemKindOf(stem: string): StemKind {
  const lower = stem.toLowerCase();
  if (lower === '/ecp' || lower.startsWith('/ecp/')) return 'ecp';
  if (lower === '/powershell' || lower.startsWith('/powershell/')) return 'powershell';
  return lower.startsWith('/rpc/') ? 'rpc-http' : null;
}

function adminEndpoint(protocol: string | null, stem: StemKind): 'ecp' | 'powershell' | null {
  if (protocol === 'ecp' || stem === 'ecp') return 'ecp';
  if (protocol === 'powershell' || stem === 'powershell') return 'powershell';
  return null;
}

/** POP3, IMAP4 and RPC over HTTP (Outlook Anywhere), the policy's legacy protocols. */
function legacyProtocol(protocol: string | null, stem: StemKind): string | null {
  if (protocol === 'pop3' || protocol === 'imap4' || protocol === 'pop3-or-imap4') return protocol;
  if (protocol === 'rpchttp') return 'rpc-http';
  return stem === 'rpc-http' ? 'rpc-http' : null;
}

function widen(entry: UsageCount, time: string | null): void {
  if (time === null) return;
  if (entry.first === null || time < entry.first) entry.first = time;
  if (entry.last === null || time > entry.last) entry.last = time;
}
