/**
 * The fast path of both the hunts and the policy checks: reads a LogRecord straight from a
 * line's bytes, for the two formats that make up nearly all log volume (IIS and HttpProxy),
 * finding the separators in place and decoding only the columns a record holds (usage-only
 * mode: only the columns the policy checks read, as readRecord's usageOnly). It gives the same
 * record as readRecord (usage-only: the same values for those columns); a line it cannot read
 * with certainty (quoted CSV, too few fields, a repeated header) is left to readRecord, which
 * the caller then uses.
 */
import type { FieldLayout } from './formats.js';
import { normaliseTime, stripPort, type LogRecord } from './record.js';
import { TextCache } from './text-cache.js';

/** Column positions of each value, in the order readRecord tries them (first non-empty wins). */
interface ColumnPlan {
  iis: boolean;
  /** Usage-only: the columns the policy checks read; else every column the record holds. */
  usageOnly: boolean;
  separator: number;
  /** Fields the line must have: as many as the header names (usage-only: up to the last read). */
  fields: number;
  /** The first column's name and the separator: a repeated bare header starts with it. */
  headerPrefix: Buffer | null;
  time: number[];
  date: number[];
  clock: number[];
  clientIp: number[];
  user: number[];
  method: number[];
  stem: number[];
  status: number[];
  userAgent: number[];
  protocol: number[];
  authenticationType: number[];
  query: number[];
  anchorMailbox: number[];
  backEndCookie: number[];
  eventData: number[];
}

/** Lines with more columns than this are left to readRecord (HttpProxy has 74). */
const MAX_FIELDS = 256;
const DASH = 45;
const COMMA = 44;
const QUOTE = 34;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
/** `2026-11-02T02:00:00.009Z`: HttpProxy's DateTime, already in the normalised form. */
const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export class RecordReader {
  private readonly usagePlans = new WeakMap<FieldLayout, ColumnPlan | null>();
  private readonly fullPlans = new WeakMap<FieldLayout, ColumnPlan | null>();
  private readonly starts = new Int32Array(MAX_FIELDS);
  private readonly ends = new Int32Array(MAX_FIELDS);
  private readonly users = new TextCache();
  private readonly agents = new TextCache();
  private readonly iisAgents = new TextCache((text) => text.replaceAll('+', ' '));
  private readonly stems = new TextCache();
  private readonly addresses = new TextCache();
  private readonly proxyAddresses = new TextCache((text) => stripPort(text) ?? text);
  private readonly words = new TextCache();
  private readonly mailboxes = new TextCache();
  /** The date and time bytes of the last IIS line read, and the time made of them. */
  private readonly lastStamp = Buffer.alloc(64);
  private lastDateLength = -1;
  private lastClockLength = -1;
  private lastTime: string | null = null;

  /** The record of data[start..stop) (stop: its newline), or undefined to use readRecord. */
  read(
    data: Buffer,
    start: number,
    stop: number,
    layout: FieldLayout,
    usageOnly: boolean,
  ): LogRecord | undefined {
    const plan = this.planFor(layout, usageOnly);
    if (plan === null) return undefined;

    const end = stop > start && data[stop - 1] === 13 ? stop - 1 : stop;
    if (plan.headerPrefix !== null && mayStartWithFolded(data, start, end, plan.headerPrefix)) {
      return undefined;
    }
    if (!this.findFields(data, start, end, plan)) return undefined;

    return plan.iis ? this.iisRecord(data, plan, layout) : this.proxyRecord(data, plan, layout);
  }

  private planFor(layout: FieldLayout, usageOnly: boolean): ColumnPlan | null {
    const plans = usageOnly ? this.usagePlans : this.fullPlans;
    let plan = plans.get(layout);
    if (plan === undefined) {
      plan = planOf(layout, usageOnly);
      plans.set(layout, plan);
    }
    return plan;
  }

  /**
   * Finds the bounds of the first plan.fields fields; false when the line has fewer, or when a
   * CSV line has a quote among them (readRecord unquotes those).
   */
  private findFields(data: Buffer, start: number, end: number, plan: ColumnPlan): boolean {
    const { starts, ends } = this;
    const separator = plan.separator;
    const quote = separator === COMMA ? QUOTE : -1;
    let field = 0;
    let fieldStart = start;
    for (let at = start; at <= end; at += 1) {
      const byte = at === end ? separator : data[at];
      if (byte === quote) return false;
      if (byte === separator) {
        starts[field] = fieldStart;
        ends[field] = at;
        field += 1;
        if (field === plan.fields) return true;
        fieldStart = at + 1;
      }
    }
    return false;
  }

  private iisRecord(data: Buffer, plan: ColumnPlan, layout: FieldLayout): LogRecord {
    return {
      time: this.iisTime(data, plan),
      clientIp: this.value(data, plan.clientIp, this.addresses),
      user: this.value(data, plan.user, this.users),
      method: this.value(data, plan.method, this.words),
      stem: this.value(data, plan.stem, this.stems) ?? '',
      query: this.plain(data, plan.query) ?? '',
      status: this.value(data, plan.status, this.words),
      userAgent: this.value(data, plan.userAgent, this.iisAgents),
      protocol: null,
      authenticationType: null,
      anchorMailbox: null,
      backEndCookie: null,
      eventData: null,
      fieldCount: layout.names.length,
    };
  }

  private proxyRecord(data: Buffer, plan: ColumnPlan, layout: FieldLayout): LogRecord {
    return {
      time: this.proxyTime(data, plan),
      clientIp: this.value(data, plan.clientIp, this.proxyAddresses),
      user: this.value(data, plan.user, this.users),
      method: this.value(data, plan.method, this.words),
      stem: this.value(data, plan.stem, this.stems) ?? '',
      query: this.plain(data, plan.query) ?? '',
      status: this.value(data, plan.status, this.words),
      userAgent: this.value(data, plan.userAgent, this.agents),
      protocol: this.value(data, plan.protocol, this.words),
      authenticationType: this.value(data, plan.authenticationType, this.words),
      anchorMailbox: this.value(data, plan.anchorMailbox, this.mailboxes),
      backEndCookie: this.plain(data, plan.backEndCookie),
      eventData: this.plain(data, plan.eventData),
      fieldCount: layout.names.length,
    };
  }

  /** The first of the columns that is neither empty nor `-`, as text; null when none is. */
  private value(data: Buffer, columns: number[], cache: TextCache): string | null {
    const column = this.firstPresent(data, columns);
    if (column === -1) return null;

    return cache.text(data, this.starts[column] ?? 0, this.ends[column] ?? 0);
  }

  /** As value, for columns that rarely repeat (queries, cookies): decoded, never cached. */
  private plain(data: Buffer, columns: number[]): string | null {
    const column = this.firstPresent(data, columns);
    if (column === -1) return null;

    return data.toString('utf8', this.starts[column] ?? 0, this.ends[column] ?? 0);
  }

  private firstPresent(data: Buffer, columns: number[]): number {
    for (const column of columns) {
      const start = this.starts[column] ?? 0;
      const length = (this.ends[column] ?? 0) - start;
      if (length > 1 || (length === 1 && data[start] !== DASH)) return column;
    }
    return -1;
  }

  private proxyTime(data: Buffer, plan: ColumnPlan): string | null {
    const column = this.firstPresent(data, plan.time);
    if (column === -1) return null;

    const text = data.toString('utf8', this.starts[column] ?? 0, this.ends[column] ?? 0);
    return ISO_MILLIS.test(text) ? text : normaliseTime(text);
  }

  /** IIS lines of one second share their date and time: the last result is reused. */
  private iisTime(data: Buffer, plan: ColumnPlan): string | null {
    const date = this.firstPresent(data, plan.date);
    const clock = this.firstPresent(data, plan.clock);
    if (date === -1 || clock === -1) return null;

    const dateStart = this.starts[date] ?? 0;
    const dateEnd = this.ends[date] ?? 0;
    const clockStart = this.starts[clock] ?? 0;
    const clockEnd = this.ends[clock] ?? 0;
    const dateLength = dateEnd - dateStart;
    const clockLength = clockEnd - clockStart;
    const stamp = this.lastStamp;
    if (
      this.lastDateLength === dateLength &&
      this.lastClockLength === clockLength &&
      sameRun(stamp, 0, data, dateStart, dateLength) &&
      sameRun(stamp, dateLength, data, clockStart, clockLength)
    ) {
      return this.lastTime;
    }

    const dateText = data.toString('utf8', dateStart, dateEnd);
    const clockText = data.toString('utf8', clockStart, clockEnd);
    this.lastTime = isPlainStamp(dateText, clockText)
      ? `${dateText}T${clockText}.000Z`
      : normaliseTime(`${dateText}T${clockText}`);
    if (dateLength + clockLength <= stamp.length) {
      data.copy(stamp, 0, dateStart, dateEnd);
      data.copy(stamp, dateLength, clockStart, clockEnd);
      this.lastDateLength = dateLength;
      this.lastClockLength = clockLength;
    } else this.lastDateLength = -1;
    return this.lastTime;
  }
}

function sameRun(key: Uint8Array, from: number, data: Buffer, start: number, length: number) {
  for (let at = 0; at < length; at += 1) if (key[from + at] !== data[start + at]) return false;
  return true;
}

/** `2026-11-02` and `03:00:00`: the only shape IIS writes, needing no regular expression. */
function isPlainStamp(date: string, clock: string): boolean {
  return (
    date.length === 10 &&
    clock.length === 8 &&
    isDigits(date, '####-##-##') &&
    isDigits(clock, '##:##:##')
  );
}

function isDigits(text: string, shape: string): boolean {
  for (let at = 0; at < shape.length; at += 1) {
    const code = text.charCodeAt(at);
    const digit = code >= DIGIT_0 && code <= DIGIT_9;
    if (shape[at] === '#' ? !digit : text[at] !== shape[at]) return false;
  }
  return true;
}

/**
 * Whether data[start..end) may start with `prefix` (lower-case ASCII) in any letter case; a
 * non-ASCII byte says maybe (Unicode lower-casing folds a few of them to ASCII letters).
 */
function mayStartWithFolded(data: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  for (let at = 0; at < prefix.length; at += 1) {
    const byte = data[start + at] ?? 0;
    if (byte >= 128) return true;
    const lower = byte >= 65 && byte <= 90 ? byte + 32 : byte;
    if (lower !== prefix[at]) return false;
  }
  return true;
}

function planOf(layout: FieldLayout, usageOnly: boolean): ColumnPlan | null {
  if (layout.format !== 'iis' && layout.format !== 'httpproxy') return null;
  const fields = usageOnly ? layout.usageFields : layout.names.length;
  if (fields === 0 || fields > MAX_FIELDS) return null;

  // Usage-only, readRecord splits no further than usageFields: later columns read as absent.
  const at = (...names: string[]): number[] =>
    names.flatMap((name) => {
      const position = layout.index.get(name);
      return position === undefined || position >= fields ? [] : [position];
    });
  const first = layout.names[0];
  // A header whose first name is not ASCII: the general reader's Unicode comparison decides.
  if (first !== undefined && !/^[\x20-\x7e]*$/.test(first)) return null;
  const iis = layout.format === 'iis';
  return {
    iis,
    usageOnly,
    separator: layout.separator.charCodeAt(0),
    fields,
    headerPrefix: first === undefined ? null : Buffer.from(first + layout.separator, 'utf8'),
    time: at('datetime', 'timestamp', 'date-time'),
    date: at('date'),
    clock: at('time'),
    clientIp: iis ? at('x-forwarded-for', 'c-ip') : at('clientipaddress', 'cip'),
    user: iis ? at('cs-username') : at('authenticateduser', 'user'),
    method: usageOnly ? [] : iis ? at('cs-method') : at('method'),
    stem: iis ? at('cs-uri-stem') : at('urlstem'),
    status: usageOnly ? [] : iis ? at('sc-status') : at('httpstatus'),
    userAgent: iis ? at('cs(user-agent)') : at('useragent'),
    protocol: at('protocol'),
    authenticationType: at('authenticationtype'),
    // The policy checks read none of these (nor method and status): usage-only leaves them out.
    query: usageOnly ? [] : iis ? at('cs-uri-query') : at('urlquery'),
    anchorMailbox: usageOnly ? [] : at('anchormailbox'),
    backEndCookie: usageOnly ? [] : at('backendcookie'),
    eventData: usageOnly ? [] : at('eventdata'),
  };
}
