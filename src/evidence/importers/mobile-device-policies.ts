/**
 * exchange.mobile-device-policies: Get-MobileDeviceMailboxPolicy. Limits such as
 * MinPasswordLength are nullable integers; MaxPasswordFailedAttempts is Unlimited<int>, which a
 * remote session writes as the text "Unlimited" or the number.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import { asBoolean, asNumber, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { importObjectList, textOf } from './object-list.js';

export interface MobileDevicePolicy {
  name: string;
  isDefault: boolean;
  passwordEnabled?: boolean;
  /** Undefined when not set: any length is accepted. */
  minPasswordLength?: number;
  allowSimplePassword?: boolean;
  alphanumericPasswordRequired?: boolean;
  requireDeviceEncryption?: boolean;
  /** Devices that cannot apply the policy may still sync. */
  allowNonProvisionableDevices?: boolean;
  /** Undefined when Unlimited. */
  maxPasswordFailedAttempts?: number;
}

const FLAGS = [
  ['passwordEnabled', 'PasswordEnabled'],
  ['allowSimplePassword', 'AllowSimplePassword'],
  ['alphanumericPasswordRequired', 'AlphanumericPasswordRequired'],
  ['requireDeviceEncryption', 'RequireDeviceEncryption'],
  ['allowNonProvisionableDevices', 'AllowNonProvisionableDevices'],
] as const;

export function importMobileDevicePolicies(
  document: CliDocument,
): ImportedValue<MobileDevicePolicy[]> {
  return importObjectList(
    document,
    {
      typeSuffix: 'MobileMailboxPolicy',
      expected: 'a MobileMailboxPolicy object with a Name (Get-MobileDeviceMailboxPolicy)',
    },
    (object) => {
      const name = textOf(member(object, 'Name'));
      if (name === undefined) return undefined;

      const policy: MobileDevicePolicy = {
        name,
        isDefault: asBoolean(member(object, 'IsDefault')) ?? false,
      };
      for (const [key, memberName] of FLAGS) {
        assignDefined(policy, key, asBoolean(member(object, memberName)));
      }
      assignDefined(policy, 'minPasswordLength', countOf(member(object, 'MinPasswordLength')));
      assignDefined(
        policy,
        'maxPasswordFailedAttempts',
        countOf(member(object, 'MaxPasswordFailedAttempts')),
      );
      return policy;
    },
  );
}

/** A number, or the digits of an Unlimited<int> written as text; "Unlimited" reads as undefined. */
function countOf(node: CliNode | undefined): number | undefined {
  const number = asNumber(node);
  if (number !== undefined) return number;

  const text = textOf(node);
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}
