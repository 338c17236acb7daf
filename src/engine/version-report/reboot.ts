/**
 * Is the installed SU active? An SU replaces files that are in use; until the server restarts
 * the old code runs. Installed after the last boot, or a servicing restart pending, means a
 * restart is still needed. PendingFileRenameOperations alone is set by much else on Windows and
 * is not taken as a sign.
 */
import type { InstalledUpdate } from '../../evidence/importers/installed-updates.js';
import type { OperatingSystemInfo } from '../../evidence/importers/operating-system.js';
import type { RebootPending } from '../../evidence/importers/reboot-pending.js';
import { USABLE_STATUSES, type Fact } from '../../evidence/model.js';
import type { RebootState } from './model.js';

const RESTART_SIGNS: Array<[keyof RebootPending, string]> = [
  ['componentBasedServicing', 'Component Based Servicing RebootPending'],
  ['autoUpdate', 'Windows Update RebootRequired'],
  ['updateExeVolatile', 'Updates UpdateExeVolatile'],
  ['ccmRebootPending', 'Configuration Manager client'],
  ['pendingReboot', 'PendingReboot'],
];

// Exchange SUs and HUs register as "Security Update for Exchange Server …" and
// "Hotfix Update for Exchange Server …" under the product's uninstall key.
const EXCHANGE_UPDATE_NAME = /^(security|hotfix) update for (microsoft )?exchange server/i;

export interface RebootInputs {
  reboot: Fact<RebootPending>;
  os: Fact<OperatingSystemInfo>;
  installedUpdates: Fact<InstalledUpdate[]>;
  /** Whether the build has an SU or HU at all; a bare CU has nothing to activate. */
  hasUpdate: boolean;
}

export function evaluateReboot(inputs: RebootInputs): RebootState {
  const reboot = value(inputs.reboot);
  const reasons = reboot === undefined ? [] : restartReasons(reboot);
  const pending = reboot === undefined ? null : reasons.length > 0;
  const lastBootUpTime = value(inputs.os)?.lastBootUpTime ?? null;
  const suInstallDate = latestInstallDate(value(inputs.installedUpdates));
  const activation = activationOf(inputs, pending, lastBootUpTime, suInstallDate);

  return { pending, reasons, lastBootUpTime, suInstallDate, ...activation };
}

function restartReasons(reboot: RebootPending): string[] {
  const signs = RESTART_SIGNS.filter(([field]) => reboot[field] === true).map(([, text]) => text);
  const locations = reboot.locations.filter((location) => !/PendingFileRename/i.test(location));
  return [...new Set([...signs, ...locations])];
}

function latestInstallDate(updates: InstalledUpdate[] | undefined): string | null {
  const dates = (updates ?? [])
    .filter((update) => EXCHANGE_UPDATE_NAME.test(update.displayName))
    .map((update) => update.installDate)
    .filter((date): date is string => date !== undefined)
    .sort();
  return dates.at(-1) ?? null;
}

function activationOf(
  inputs: RebootInputs,
  pending: boolean | null,
  lastBootUpTime: string | null,
  suInstallDate: string | null,
): Pick<RebootState, 'suActivation' | 'suActivationReason'> {
  if (!inputs.hasUpdate) {
    return { suActivation: 'not-applicable', suActivationReason: 'no SU installed since the CU' };
  }

  const bootDate = lastBootUpTime === null ? null : localDate(lastBootUpTime);
  if (suInstallDate !== null && bootDate !== null && suInstallDate > bootDate) {
    return restartNeeded(`SU installed ${suInstallDate}, after the last boot ${lastBootUpTime}`);
  }
  if (pending === true) {
    return restartNeeded('a restart is pending, so the installed SU may not be active yet');
  }
  if (suInstallDate !== null && bootDate !== null && suInstallDate < bootDate) {
    return {
      suActivation: 'active',
      suActivationReason: `restarted ${lastBootUpTime}, after the SU was installed ${suInstallDate}`,
    };
  }

  return {
    suActivation: 'unknown',
    suActivationReason: unknownReason(inputs, suInstallDate, bootDate),
  };
}

function restartNeeded(reason: string): Pick<RebootState, 'suActivation' | 'suActivationReason'> {
  return { suActivation: 'restart-needed', suActivationReason: reason };
}

function unknownReason(
  inputs: RebootInputs,
  suInstallDate: string | null,
  bootDate: string | null,
): string {
  if (suInstallDate !== null && suInstallDate === bootDate) {
    return `SU installed on ${suInstallDate}, the day of the last boot: the order cannot be told`;
  }

  const missing = [
    [inputs.installedUpdates, 'installed updates'],
    [inputs.os, 'last boot time'],
  ] as const;
  const lacking = missing
    .filter(([fact]) => !USABLE_STATUSES.has(fact.status))
    .map(([, what]) => what);
  return lacking.length > 0
    ? `not collected: ${lacking.join(', ')}`
    : 'no install date for an Exchange update in the evidence';
}

/** The calendar date in the server's own offset, as InstallDate is written in local time. */
function localDate(isoWithOffset: string): string {
  return isoWithOffset.slice(0, 10);
}

function value<T>(fact: Fact<T>): T | undefined {
  return USABLE_STATUSES.has(fact.status) ? fact.value : undefined;
}
