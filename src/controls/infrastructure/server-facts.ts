/**
 * Facts several infrastructure rules read the same way: whether the server is an Edge server,
 * its exact build as a version, and which Windows Server build it runs.
 */
import type { ServerVersionRow } from '../../engine/version-report/model.js';
import { parseExchangeVersion, type ExchangeVersion } from '../../knowledge/index.js';
import type { RuleContext } from '../context.js';
import { optional } from '../outcomes.js';

/** True for an Edge Transport server, from Get-ExchangeServer or the version report's roles. */
export function isEdgeServer(context: RuleContext): boolean {
  const server = optional(context.fact('exchange.server'));
  return server?.isEdgeServer === true || context.version()?.isEdgeServer === true;
}

/** The server's build as a version, when the version report knows it. */
export function buildVersion(row: ServerVersionRow | undefined): ExchangeVersion | undefined {
  return row?.build === null || row?.build === undefined
    ? undefined
    : parseExchangeVersion(row.build);
}

/** The Windows build number (17763 for Windows Server 2019), from Win32_OperatingSystem. */
export function windowsBuild(context: RuleContext): number | undefined {
  const os = optional(context.fact('os.operating-system'));
  const text = os?.buildNumber ?? os?.version?.split('.')[2];
  const build = Number(text);
  return text === undefined || !Number.isInteger(build) ? undefined : build;
}

/** CU number of a CU name: "CU14" → 14, "RTM" → 0. */
export function cuNumber(cu: string | null | undefined): number | undefined {
  if (cu === 'RTM') return 0;
  const match = /^CU(\d+)$/.exec(cu ?? '');
  return match === null ? undefined : Number(match[1]);
}
