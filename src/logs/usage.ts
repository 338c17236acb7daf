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
  private readonly versions = new Map<string, ClientUse>();
  private readonly addresses = new Map<string, AddressClass>();
  private readonly agents = new Map<string, ClientAgent | null>();
  private readonly adminNets: IpRange[];
  private readonly serverNets: IpRange[];
  private readonly allNets: IpRange[];
  private readonly inAdminHours: AdminHoursTest;
  private dropped = 0;

  constructor(policy: Policy) {
    this.adminNets = parseNetworks(networksNamed(policy.apps.adminFrom, policy));
    this.serverNets = parseNetworks(zoneNetworks(policy, 'servers'));
    this.allNets = parseNetworks(allNetworks(policy));
    this.inAdminHours = adminHoursTest(policy.admin.hours);
  }

  /** Counts one line; `where` is file:line for the sample. */
  add(record: LogRecord, where: string): void {
    const ip = record.clientIp ?? '-';
    const address = this.classify(ip);
    if (address.local || isProbe(record)) return;

    const user = record.user ?? '(anonymous)';
    this.checkAdmin(record, ip, user, address, where);
    this.checkLegacy(record, user, where);
    this.checkAddress(record, ip, address, where);
    this.countVersion(record, user);
  }

  private checkAdmin(
    record: LogRecord,
    ip: string,
    user: string,
    address: AddressClass,
    where: string,
  ): void {
    const endpoint = adminEndpoint(record);
    if (endpoint === null) return;

    if (!address.admin)
      this.count('adminAccess', endpoint, user, ip, 'outside the admin networks', record, where);
    if (record.time !== null && !this.inAdminHours(record.time)) {
      this.count('adminAccess', endpoint, user, ip, 'outside admin hours', record, where);
    }
  }

  private checkLegacy(record: LogRecord, user: string, where: string): void {
    if (record.authenticationType?.toLowerCase() === 'basic') {
      const protocol = (record.protocol ?? 'unknown').toLowerCase();
      this.count('basicAuth', `basic:${protocol}`, user, '', 'Basic authentication', record, where);
    }
    const legacy = legacyProtocol(record);
    if (legacy !== null)
      this.count('legacyProtocols', legacy, user, '', 'legacy protocol', record, where);
  }

  private checkAddress(record: LogRecord, ip: string, address: AddressClass, where: string): void {
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

  private countVersion(record: LogRecord, user: string): void {
    const agent = record.userAgent === null ? null : this.agentOf(record.userAgent);
    if (agent === null) return;

    const key = `${agent.client}|${agent.version}|${user}`;
    const use = this.versions.get(key);
    if (use !== undefined) use.count += 1;
    else if (this.versions.size >= MAX_USAGE_KEYS) this.dropped += 1;
    else this.versions.set(key, { ...agent, user, count: 1 });
  }

  /** Adds one use under its key; an empty user or address means "any" (the key leaves it out). */
  private count(
    table: keyof UsageTally['tables'],
    what: string,
    user: string,
    ip: string,
    reason: string,
    record: LogRecord,
    where: string,
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
      sample: where,
    });
  }

  private classify(ip: string): AddressClass {
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

  private agentOf(userAgent: string): ClientAgent | null {
    const cached = this.agents.get(userAgent);
    if (cached !== undefined) return cached;

    const agent = parseUserAgent(userAgent);
    if (this.agents.size < MAX_USAGE_KEYS) this.agents.set(userAgent, agent);
    return agent;
  }

  result(): PolicyUsage {
    return {
      adminAccess: [...this.tables.adminAccess.values()],
      basicAuth: [...this.tables.basicAuth.values()],
      legacyProtocols: [...this.tables.legacyProtocols.values()],
      clientAddresses: [...this.tables.clientAddresses.values()],
      clientVersions: [...this.versions.values()],
      dropped: this.dropped,
    };
  }
}

function isProbe(record: LogRecord): boolean {
  if (record.user !== null && /^HealthMailbox/i.test(record.user)) return true;
  return record.userAgent !== null && PROBE_AGENTS.test(record.userAgent);
}

function adminEndpoint(record: LogRecord): 'ecp' | 'powershell' | null {
  const protocol = record.protocol?.toLowerCase();
  const stem = record.stem.toLowerCase();
  if (protocol === 'ecp' || stem === '/ecp' || stem.startsWith('/ecp/')) return 'ecp';
  if (protocol === 'powershell' || stem === '/powershell' || stem.startsWith('/powershell/')) {
    return 'powershell';
  }
  return null;
}

/** POP3, IMAP4 and RPC over HTTP (Outlook Anywhere), the policy's legacy protocols. */
function legacyProtocol(record: LogRecord): string | null {
  const protocol = record.protocol?.toLowerCase();
  if (protocol === 'pop3' || protocol === 'imap4' || protocol === 'pop3-or-imap4') return protocol;
  if (protocol === 'rpchttp') return 'rpc-http';
  if (record.stem.toLowerCase().startsWith('/rpc/')) return 'rpc-http';
  return null;
}

function widen(entry: UsageCount, time: string | null): void {
  if (time === null) return;
  if (entry.first === null || time < entry.first) entry.first = time;
  if (entry.last === null || time > entry.last) entry.last = time;
}
