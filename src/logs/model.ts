/**
 * What a log scan yields, as plain mergeable data: counts and bounded samples per hunt, per
 * user, per address and per source, never every line. Workers each build one of these for a
 * byte range; the scan merges them (merge.ts), so memory stays flat in the input size.
 */

/** Formats recognised from a file's content (formats.ts). */
export type LogFormat = 'iis' | 'httpproxy' | 'ecp-server' | 'pop-imap' | 'text';

/** One indicator found: where, when, from whom, and the matched line (bounded). */
export interface LogFinding {
  hunt: string;
  file: string;
  line: number;
  /** ISO 8601 UTC, or null when the line has no readable time. */
  time: string | null;
  clientIp: string | null;
  user: string | null;
  status: string | null;
  /** The line as found, cut at MAX_SAMPLE_CHARS; never interpreted as markup anywhere. */
  text: string;
}

export interface HuntTally {
  hunt: string;
  count: number;
  /** The first findings in file and line order, at most MAX_FINDINGS_PER_HUNT. */
  findings: LogFinding[];
}

/** What one source (a file, or a member of a .zip) covered. */
export interface SourceCoverage {
  file: string;
  format: LogFormat;
  lines: number;
  bytes: number;
  oldest: string | null;
  newest: string | null;
  /**
   * IIS fields some hunt needs that this log did not record in some part of it (absent when it
   * recorded them all): the hunts needing them could not look there (hunts.ts, iisFields).
   */
  missingFields?: string[];
}

export interface BadLineSample {
  file: string;
  line: number;
  reason: 'too-long' | 'binary' | 'truncated';
  text: string;
}

export interface BadLines {
  count: number;
  samples: BadLineSample[];
}

/** A counted use seen in the logs, keyed by who and from where (policy checks, usage.ts). */
export interface UsageCount {
  /** What was used: `ecp`, `powershell`, `pop3`, `imap4`, `rpc-http`, `basic:<protocol>`, … */
  what: string;
  user: string;
  clientIp: string;
  /** Why it breaks the policy, in words. */
  reason: string;
  count: number;
  first: string | null;
  last: string | null;
  /** file:line of the first line counted. */
  sample: string;
}

export interface ClientUse {
  client: string;
  version: string;
  user: string;
  count: number;
}

export interface PolicyUsage {
  adminAccess: UsageCount[];
  basicAuth: UsageCount[];
  legacyProtocols: UsageCount[];
  /** Client addresses outside every policy network, or inside a server network. */
  clientAddresses: UsageCount[];
  clientVersions: ClientUse[];
  /** Distinct keys dropped once a table reached MAX_USAGE_KEYS (counted, never silent). */
  dropped: number;
}

export interface LogScanResult {
  sources: SourceCoverage[];
  hunts: HuntTally[];
  badLines: BadLines;
  /** Present when a policy was given. */
  usage: PolicyUsage | null;
  window: { since: string | null; until: string | null };
}

export const MAX_FINDINGS_PER_HUNT = 200;
export const MAX_SAMPLE_CHARS = 600;
export const MAX_BAD_LINE_SAMPLES = 20;
export const MAX_USAGE_KEYS = 50_000;
