/**
 * os.firewall-profiles: Get-NetFirewallProfile -PolicyStore ActiveStore, the profiles Windows
 * Firewall actually enforces (group policy merged in). Enabled is a GpoBoolean and
 * DefaultInboundAction an Action enum; NotConfigured means Windows' default (enabled, block).
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import { asBoolean, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { importObjectList, textOf } from './object-list.js';

export interface FirewallProfile {
  /** Domain, Private or Public. */
  name: string;
  /** True, False or NotConfigured. */
  enabled: string;
  /** Block, Allow or NotConfigured. */
  defaultInboundAction: string;
}

const EXPECTED =
  'an MSFT_NetFirewallProfile object with Name, Enabled and DefaultInboundAction (Get-NetFirewallProfile)';

export function importFirewallProfiles(document: CliDocument): ImportedValue<FirewallProfile[]> {
  return importObjectList(
    document,
    { typeSuffix: 'MSFT_NetFirewallProfile', expected: EXPECTED },
    (object) => {
      const name = textOf(member(object, 'Name'));
      const enabled = switchOf(member(object, 'Enabled'));
      const defaultInboundAction = textOf(member(object, 'DefaultInboundAction'));
      if (name === undefined || enabled === undefined || defaultInboundAction === undefined) {
        return undefined;
      }
      return { name, enabled, defaultInboundAction };
    },
  );
}

/** A GpoBoolean enum's name, or a plain boolean as "True"/"False" (Select-Object flattens it). */
function switchOf(node: CliNode | undefined): string | undefined {
  const flag = asBoolean(node);
  if (flag !== undefined) return flag ? 'True' : 'False';
  return textOf(node);
}
