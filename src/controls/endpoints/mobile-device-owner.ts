/** How mobile devices are named in findings and matched to the people whose mail they hold. */
import type { MobileDevice } from '../../evidence/importers/mobile-devices.js';

/** "ann@contoso.com iPhone15,2": the owner and the model, short enough for a counted finding. */
export function deviceLabel(device: MobileDevice): string {
  const owner = device.userPrincipalName ?? device.primarySmtpAddress ?? ownerFromIdentity(device);
  const model = device.deviceModel ?? device.deviceType ?? device.deviceId ?? 'device';
  return `${owner} ${model}`;
}

/** Lower-case UPN and primary address of the owner, the keys an MDM export can match. */
export function ownerKeys(device: MobileDevice): string[] {
  return [device.userPrincipalName, device.primarySmtpAddress]
    .filter((key): key is string => key !== undefined)
    .map((key) => key.toLowerCase());
}

/** "contoso.com/Users/Ann/ExchangeActiveSyncDevices/…" → "Ann". */
function ownerFromIdentity(device: MobileDevice): string {
  const parts = device.identity.split('/');
  const devicesAt = parts.findIndex((part) => part === 'ExchangeActiveSyncDevices');
  return devicesAt > 0 ? (parts[devicesAt - 1] ?? device.identity) : device.identity;
}
