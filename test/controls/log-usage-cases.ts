/** Usage tallies as `exzt logs scan --policy` writes them, for the log-fed control tests. */
import type { UsageCount } from '../../src/logs/model.js';

export function usage(what: string, user: string, clientIp: string, reason: string): UsageCount {
  return {
    what,
    user,
    clientIp,
    reason,
    count: 7,
    first: '2026-11-28T02:10:00.000Z',
    last: '2026-11-28T02:40:00.000Z',
    sample: 'HttpProxy_2026112802-1.LOG:42',
  };
}
