import type { Control } from '../model.js';
import { dedicatedHybridApp } from './dedicated-hybrid-app.js';
import { endpointMfa } from './endpoint-mfa.js';
import { exchangeAdPermissions } from './exchange-ad-permissions.js';
import { hybridModernAuth } from './hybrid-modern-auth.js';
import { organizationManagementSize } from './organization-management-size.js';
import { restrictedRoles } from './restricted-roles.js';
import { serviceAccountAdmins } from './service-account-admins.js';
import { standingAdminAccess } from './standing-admin-access.js';
import { virtualDirectoryAuth } from './virtual-directory-auth.js';
import { adminAccessInPractice } from './admin-access-in-practice.js';

/** The identity controls, in id order; one module per control beside this file. */
export const IDENTITY_CONTROLS: Control[] = [
  organizationManagementSize,
  standingAdminAccess,
  serviceAccountAdmins,
  restrictedRoles,
  exchangeAdPermissions,
  virtualDirectoryAuth,
  endpointMfa,
  hybridModernAuth,
  dedicatedHybridApp,
  adminAccessInPractice,
];
