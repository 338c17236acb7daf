import type { Control } from '../model.js';
import { activeSyncDefaultAccess } from './activesync-default-access.js';
import { mdmDeviceCompliance } from './mdm-device-compliance.js';
import { mobileDeviceAccess } from './mobile-device-access.js';
import { mobileDeviceOs } from './mobile-device-os.js';
import { staleMobileDevices } from './mobile-device-stale.js';
import { mobilePolicyEncryption } from './mobile-policy-encryption.js';
import { mobilePolicyPassword } from './mobile-policy-password.js';
import { unmanagedMobileDevices } from './unmanaged-mobile-devices.js';

/** The endpoints controls, in id order; one module per control beside this file. */
export const ENDPOINTS_CONTROLS: Control[] = [
  mobileDeviceOs,
  mobileDeviceAccess,
  staleMobileDevices,
  mobilePolicyPassword,
  mobilePolicyEncryption,
  activeSyncDefaultAccess,
  mdmDeviceCompliance,
  unmanagedMobileDevices,
];
