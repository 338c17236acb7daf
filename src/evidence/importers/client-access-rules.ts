/**
 * exchange.client-access-rules: Get-ClientAccessRule. Rules are applied in Priority order and the
 * first match wins; AnyOf… conditions must all match, Except… conditions exempt.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import { asBoolean, asNumber, asStringList, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { importObjectList, textOf } from './object-list.js';

export interface ClientAccessRule {
  name: string;
  priority: number;
  enabled: boolean;
  /** AllowAccess or DenyAccess. */
  action: string;
  /** ExchangeAdminCenter, RemotePowerShell, OutlookWebApp, … ; empty: every protocol. */
  anyOfProtocols: string[];
  /** Addresses, ranges or CIDR blocks; empty: any address. */
  anyOfClientIPAddressesOrRanges: string[];
  exceptAnyOfClientIPAddressesOrRanges: string[];
  /** Conditions that narrow the rule to some users; any of them makes it partial. */
  usernameMatchesAnyOfPatterns: string[];
  userRecipientFilter?: string;
  anyOfAuthenticationTypes: string[];
}

const LIST_MEMBERS = [
  ['anyOfProtocols', 'AnyOfProtocols'],
  ['anyOfClientIPAddressesOrRanges', 'AnyOfClientIPAddressesOrRanges'],
  ['exceptAnyOfClientIPAddressesOrRanges', 'ExceptAnyOfClientIPAddressesOrRanges'],
  ['usernameMatchesAnyOfPatterns', 'UsernameMatchesAnyOfPatterns'],
  ['anyOfAuthenticationTypes', 'AnyOfAuthenticationTypes'],
] as const;

export function importClientAccessRules(document: CliDocument): ImportedValue<ClientAccessRule[]> {
  return importObjectList(
    document,
    {
      typeSuffix: 'ClientAccessRule',
      expected: 'a ClientAccessRule object with Name, Priority and Action (Get-ClientAccessRule)',
    },
    (object) => {
      const name = textOf(member(object, 'Name'));
      const priority = asNumber(member(object, 'Priority'));
      const action = textOf(member(object, 'Action'));
      if (name === undefined || priority === undefined || action === undefined) return undefined;

      const rule: ClientAccessRule = {
        name,
        priority,
        enabled: asBoolean(member(object, 'Enabled')) ?? true,
        action,
        anyOfProtocols: [],
        anyOfClientIPAddressesOrRanges: [],
        exceptAnyOfClientIPAddressesOrRanges: [],
        usernameMatchesAnyOfPatterns: [],
        anyOfAuthenticationTypes: [],
      };
      for (const [key, memberName] of LIST_MEMBERS) rule[key] = listOf(member(object, memberName));
      assignDefined(rule, 'userRecipientFilter', textOf(member(object, 'UserRecipientFilter')));
      return rule;
    },
  );
}

/** A multi-valued property; a remote session may flatten it to "a, b" text. */
function listOf(node: CliNode | undefined): string[] {
  const items = asStringList(node) ?? [];
  return items
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
