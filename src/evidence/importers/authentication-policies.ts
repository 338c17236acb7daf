/**
 * exchange.authentication-policies: Get-AuthenticationPolicy (Exchange 2019 CU2 and later). On
 * premises a policy blocks legacy (Basic) authentication per protocol with eight
 * BlockLegacyAuth* switches (New-AuthenticationPolicy, learn.microsoft.com).
 */
import type { CliDocument } from '../clixml/model.js';
import { asBoolean, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { importObjectList, textOf } from './object-list.js';

export const LEGACY_AUTH_PROTOCOLS = [
  'ActiveSync',
  'Autodiscover',
  'Imap',
  'Mapi',
  'OfflineAddressBook',
  'Pop',
  'Rpc',
  'WebServices',
] as const;

export type LegacyAuthProtocol = (typeof LEGACY_AUTH_PROTOCOLS)[number];

export interface AuthenticationPolicy {
  name: string;
  /** Per protocol: true when the policy blocks legacy authentication; absent reads as false. */
  blockLegacyAuth: Record<LegacyAuthProtocol, boolean>;
}

export function importAuthenticationPolicies(
  document: CliDocument,
): ImportedValue<AuthenticationPolicy[]> {
  return importObjectList(
    document,
    {
      typeSuffix: 'AuthPolicy',
      expected: 'an AuthPolicy object with a Name (Get-AuthenticationPolicy)',
    },
    (object) => {
      const name = textOf(member(object, 'Name'));
      if (name === undefined) return undefined;

      const blockLegacyAuth = Object.fromEntries(
        LEGACY_AUTH_PROTOCOLS.map((protocol) => [
          protocol,
          asBoolean(member(object, `BlockLegacyAuth${protocol}`)) ?? false,
        ]),
      ) as Record<LegacyAuthProtocol, boolean>;
      return { name, blockLegacyAuth };
    },
  );
}
