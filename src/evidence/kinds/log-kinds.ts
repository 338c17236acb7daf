/**
 * Evidence `exzt logs scan` produces (`exzt assess --logs`): compact aggregates of what the logs
 * showed, never the lines themselves — counts per hunt with bounded samples and the coverage of
 * every source, and per-user/per-address tallies of what the policy forbids. No bundle or
 * HealthChecker file carries these; logs.client-versions sits with the client kinds.
 */
import type { HuntTally, SourceCoverage, UsageCount } from '../../logs/model.js';
import { defineKind, type EvidenceKind } from './kind.js';

/** Value of logs.indicators: every hunt that ran, found or not, and what the logs covered. */
export interface LogIndicators {
  hunts: Array<HuntTally & { title: string; cves: readonly string[] }>;
  sources: SourceCoverage[];
  badLines: number;
  window: { since: string | null; until: string | null };
}

/** Value of logs.legacy-auth. */
export interface LegacyAuthUse {
  basicAuth: UsageCount[];
  legacyProtocols: UsageCount[];
}

const COMMAND = 'exzt logs scan (IIS W3C, HttpProxy, ECP server, POP3/IMAP4 logs)';

export const LOG_KINDS: readonly EvidenceKind[] = [
  defineKind({
    id: 'logs.indicators',
    title: 'Compromise indicators hunted in the logs, with the period they cover',
    scope: 'organization',
    command: COMMAND,
    format: 'text',
  }),
  defineKind({
    id: 'logs.admin-access',
    title: 'EAC and remote PowerShell use from outside the admin networks or hours',
    scope: 'organization',
    command: `${COMMAND} --policy`,
    format: 'text',
  }),
  defineKind({
    id: 'logs.legacy-auth',
    title: 'Basic authentication and legacy protocols in use, per user',
    scope: 'organization',
    command: `${COMMAND} --policy`,
    format: 'text',
  }),
  defineKind({
    id: 'logs.client-addresses',
    title: 'Client addresses outside the policy networks or inside server networks',
    scope: 'organization',
    command: `${COMMAND} --policy`,
    format: 'text',
  }),
];
