/**
 * os.smb-server-configuration: Get-SmbServerConfiguration (MSFT_SmbServerConfiguration). Only the
 * protocol switches HealthChecker reads are kept (reference healthchecker-checks.md §7).
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, member } from '../clixml/index.js';
import { assignDefined, memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';

export interface SmbServerConfiguration {
  /** False means the server refuses SMB1 even when the feature is installed. */
  enableSmb1Protocol: boolean;
  enableSmb2Protocol?: boolean;
  auditSmb1Access?: boolean;
}

export function importSmbServerConfiguration(
  document: CliDocument,
): ImportedValue<SmbServerConfiguration> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'MSFT_SmbServerConfiguration',
    member: 'EnableSMB1Protocol',
    description: 'an MSFT_SmbServerConfiguration object with EnableSMB1Protocol',
  });
  const enableSmb1Protocol = asBoolean(member(object, 'EnableSMB1Protocol'));
  if (enableSmb1Protocol === undefined) {
    throw shapeError(
      document,
      member(object, 'EnableSMB1Protocol'),
      'EnableSMB1Protocol as a boolean',
    );
  }

  const value: SmbServerConfiguration = { enableSmb1Protocol };
  assignDefined(value, 'enableSmb2Protocol', asBoolean(member(object, 'EnableSMB2Protocol')));
  assignDefined(value, 'auditSmb1Access', asBoolean(member(object, 'AuditSmb1Access')));
  const switchAnchor = memberAnchor(object, index, 'EnableSMB1Protocol');
  return {
    value,
    anchors: [objectAnchor(object, index), ...(switchAnchor === undefined ? [] : [switchAnchor])],
  };
}
