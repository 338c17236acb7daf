/**
 * os.reboot-pending: the registry keys that mean Windows waits for a reboot, with the same
 * members as HealthChecker's GetServerRebootPending (reference/healthchecker-checks.md §7).
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, asStringList, member } from '../clixml/index.js';
import { objectAnchor, shapeError, singleObject } from './read.js';

export interface RebootPending {
  pendingFileRenameOperations: boolean;
  componentBasedServicing: boolean;
  autoUpdate: boolean;
  updateExeVolatile: boolean;
  ccmRebootPending: boolean;
  pendingReboot: boolean;
  locations: string[];
}

/** Value field → the export's member. */
const FLAGS = {
  pendingFileRenameOperations: 'PendingFileRenameOperations',
  componentBasedServicing: 'ComponentBasedServicingPendingReboot',
  autoUpdate: 'AutoUpdatePendingReboot',
  updateExeVolatile: 'UpdateExeVolatileValue',
  ccmRebootPending: 'CcmRebootPending',
  pendingReboot: 'PendingReboot',
} as const;

export function importRebootPending(document: CliDocument): ImportedValue<RebootPending> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'PSCustomObject',
    member: 'PendingReboot',
    description: 'an object with a PendingReboot member (the reboot-pending probe)',
  });

  const flags = {} as Record<keyof typeof FLAGS, boolean>;
  for (const [field, memberName] of Object.entries(FLAGS) as [keyof typeof FLAGS, string][]) {
    const node = member(object, memberName);
    const flag = asBoolean(node);
    if (node !== undefined && node.kind !== 'nil' && flag === undefined) {
      throw shapeError(document, node, `${memberName} as a boolean`);
    }
    flags[field] = flag ?? false;
  }

  const locations = asStringList(member(object, 'PendingRebootLocations')) ?? [];
  return { value: { ...flags, locations }, anchors: [objectAnchor(object, index)] };
}
