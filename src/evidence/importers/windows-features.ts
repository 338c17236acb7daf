/**
 * os.windows-features: Get-WindowsFeature (ServerManager Feature objects). HealthChecker reads
 * `Installed` of FS-SMB1 (reference healthchecker-checks.md §7); every feature is kept so later
 * controls can ask about others.
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, shapeError } from './read.js';

export interface WindowsFeature {
  /** The feature's short name, e.g. FS-SMB1. */
  name: string;
  displayName?: string;
  installed: boolean;
}

const EXPECTED = 'a Windows feature with Name and Installed (Get-WindowsFeature)';

export function importWindowsFeatures(document: CliDocument): ImportedValue<WindowsFeature[]> {
  const features: WindowsFeature[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const name = asString(member(object, 'Name'));
    const installed = asBoolean(member(object, 'Installed'));
    if (name === undefined || name === '' || installed === undefined) {
      throw shapeError(document, object, EXPECTED);
    }

    const feature: WindowsFeature = { name, installed };
    assignDefined(feature, 'displayName', asString(member(object, 'DisplayName')));
    features.push(feature);
    anchors.push(objectAnchor(object, index));
  }

  return { value: features, anchors };
}

/** The feature named `name` (case-insensitive, as Windows compares them). */
export function findFeature(
  features: readonly WindowsFeature[],
  name: string,
): WindowsFeature | undefined {
  return features.find((feature) => feature.name.toLowerCase() === name.toLowerCase());
}
