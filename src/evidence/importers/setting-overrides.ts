/**
 * exchange.setting-overrides: Get-SettingOverride, the overrides stored in AD
 * (ConfigurationSettings.SettingOverride objects). An organisation without overrides exports an
 * empty document, which is an observed empty list. Parameters are "Name=Value" strings
 * (New-SettingOverride -Parameters).
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, asStringList, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, plainTypeNames, shapeError } from './read.js';

export interface SettingOverrideParameter {
  name: string;
  value: string;
}

export interface SettingOverride {
  name: string;
  component: string;
  section: string;
  parameters: SettingOverrideParameter[];
  /** Server names the override is scoped to; empty means every server. */
  servers: string[];
  /** System.Version text, e.g. "15.2.1748.0". */
  minVersion?: string;
  maxVersion?: string;
  reason?: string;
  /** SettingOverrideStatus as the session saw it: "Accepted", "Rejected", ... */
  status?: string;
}

const TYPE_SUFFIX = 'ConfigurationSettings.SettingOverride';
const EXPECTED =
  'a SettingOverride object with Name, ComponentName and SectionName (Get-SettingOverride)';

export function importSettingOverrides(document: CliDocument): ImportedValue<SettingOverride[]> {
  const overrides: SettingOverride[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    overrides.push(readOverride(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: overrides, anchors };
}

function readOverride(document: CliDocument, object: CliObject): SettingOverride {
  const typeNames = plainTypeNames(object);
  const name = asString(member(object, 'Name'));
  const component = asString(member(object, 'ComponentName'));
  const section = asString(member(object, 'SectionName'));
  const typeMatches = typeNames.length === 0 || typeNames.some((t) => t.endsWith(TYPE_SUFFIX));
  if (!typeMatches || !name || !component || !section) {
    throw shapeError(document, object, EXPECTED);
  }

  const override: SettingOverride = {
    name,
    component,
    section,
    parameters: parametersOf(member(object, 'Parameters')),
    servers: asStringList(member(object, 'Server')) ?? [],
  };
  assignDefined(override, 'minVersion', asString(member(object, 'MinVersion')));
  assignDefined(override, 'maxVersion', asString(member(object, 'MaxVersion')));
  assignDefined(override, 'reason', asString(member(object, 'Reason')));
  assignDefined(override, 'status', asString(member(object, 'Status')));
  return override;
}

/** "Enabled=False" → { name: "Enabled", value: "False" }; text without "=" has an empty value. */
function parametersOf(node: CliNode | undefined): SettingOverrideParameter[] {
  return (asStringList(node) ?? []).map((text) => {
    const separator = text.indexOf('=');
    if (separator < 0) return { name: text.trim(), value: '' };

    return { name: text.slice(0, separator).trim(), value: text.slice(separator + 1).trim() };
  });
}
