/**
 * Which build a server runs. ExSetup.exe's file version moves with every SU; AdminDisplayVersion
 * is written by setup and reflects the CU only, so an SU-level difference between them is normal
 * and a CU-level one means setup did not finish or the evidence is stale.
 */
import type { ExchangeServerInfo } from '../../evidence/importers/exchange-server.js';
import type { SetupVersion } from '../../evidence/importers/setup-version.js';
import { USABLE_STATUSES, type Fact, type Provenance } from '../../evidence/model.js';
import { identifyBuild, type BuildIdentity } from '../../knowledge/index.js';
import type { BuildPrecision, BuildSource } from './model.js';

export interface ResolvedBuild {
  identity: BuildIdentity | undefined;
  source: BuildSource;
  precision: BuildPrecision;
  adminDisplayVersion: string | null;
  provenance: Provenance[];
  notes: string[];
}

export function resolveBuild(
  server: Fact<ExchangeServerInfo>,
  setup: Fact<SetupVersion>,
): ResolvedBuild {
  const adminDisplayVersion = usable(server)?.adminDisplayVersion ?? null;
  const fromAdmin = adminDisplayVersion === null ? undefined : identifyBuild(adminDisplayVersion);
  const fileVersion = usable(setup)?.fileVersion;
  const fromSetup = fileVersion === undefined ? undefined : identifyBuild(fileVersion);
  const notes = missingNotes(setup, fileVersion, fromSetup);

  if (fromSetup !== undefined) {
    notes.push(...disagreement(fromSetup, fromAdmin));
    return result(fromSetup, 'ExSetup', 'build', adminDisplayVersion, setup.provenance, notes);
  }
  if (fromAdmin !== undefined) {
    notes.push('the SU level is unknown: only AdminDisplayVersion (CU level) was available');
    return result(
      fromAdmin,
      'AdminDisplayVersion',
      'cu',
      adminDisplayVersion,
      server.provenance,
      notes,
    );
  }

  if (adminDisplayVersion !== null) {
    notes.push(
      `AdminDisplayVersion "${adminDisplayVersion}" is not an Exchange 2013 or later build`,
    );
  }
  return result(undefined, 'none', 'none', adminDisplayVersion, [], notes);
}

function result(
  identity: BuildIdentity | undefined,
  source: BuildSource,
  precision: BuildPrecision,
  adminDisplayVersion: string | null,
  provenance: Provenance[],
  notes: string[],
): ResolvedBuild {
  return { identity, source, precision, adminDisplayVersion, provenance, notes };
}

function usable<T>(fact: Fact<T>): T | undefined {
  return USABLE_STATUSES.has(fact.status) ? fact.value : undefined;
}

function missingNotes(
  setup: Fact<SetupVersion>,
  fileVersion: string | undefined,
  identity: BuildIdentity | undefined,
): string[] {
  if (fileVersion !== undefined && identity === undefined) {
    return [`ExSetup.exe version ${fileVersion} is not an Exchange 2013 or later build`];
  }
  if (USABLE_STATUSES.has(setup.status)) return [];

  const why = setup.note === undefined ? '' : `: ${setup.note}`;
  return [`ExSetup.exe version ${setup.status.replace('-', ' ')}${why}`];
}

function disagreement(fromSetup: BuildIdentity, fromAdmin: BuildIdentity | undefined): string[] {
  if (fromAdmin === undefined) return [];
  if (fromAdmin.product === fromSetup.product && fromAdmin.cu.name === fromSetup.cu.name) return [];

  return [
    `ExSetup.exe says ${fromSetup.friendlyName} but AdminDisplayVersion says ` +
      `${fromAdmin.friendlyName}: setup may not have finished, or the exports are from different times`,
  ];
}
