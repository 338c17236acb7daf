import type { Control } from '../model.js';
import { amsiIntegration } from './amsi.js';
import { credentialGuardOff } from './credential-guard.js';
import { recentDatabaseBackups } from './database-backups.js';
import { validatedDotNetFramework } from './dotnet-framework.js';
import { staticVirtualMemory } from './dynamic-memory.js';
import { emergencyMitigationService } from './emergency-mitigation.js';
import { fipFsEngineHealthy } from './fipfs-engine.js';
import { processorLayout } from './hardware-layout.js';
import { iisModulesSignedByMicrosoft } from './iis-module-signatures.js';
import { noKnownExploitedCves } from './known-exploited-cves.js';
import { latestSecurityUpdate } from './latest-su.js';
import { ntlmV2Only } from './lm-compatibility.js';
import { noPendingReboot } from './pending-reboot.js';
import { productWithinLifecycle } from './product-lifecycle.js';
import { noProtectionSwitchedOff } from './protection-overrides.js';
import { smb1Disabled } from './smb1.js';
import { supportedCumulativeUpdate } from './supported-cu.js';
import { supportedWindowsServer } from './supported-windows.js';
import { logIndicators } from './log-indicators.js';

/** The infrastructure controls, in id order; one module per control beside this file. */
export const INFRASTRUCTURE_CONTROLS: Control[] = [
  latestSecurityUpdate,
  supportedCumulativeUpdate,
  productWithinLifecycle,
  noKnownExploitedCves,
  supportedWindowsServer,
  noPendingReboot,
  amsiIntegration,
  emergencyMitigationService,
  smb1Disabled,
  ntlmV2Only,
  credentialGuardOff,
  iisModulesSignedByMicrosoft,
  noProtectionSwitchedOff,
  fipFsEngineHealthy,
  validatedDotNetFramework,
  processorLayout,
  staticVirtualMemory,
  recentDatabaseBackups,
  logIndicators,
];
