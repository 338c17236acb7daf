import type { Control } from '../model.js';
import { aes256CbcContent } from './aes256-cbc-content.js';
import { auditLogging } from './audit-logging.js';
import { authCertificate } from './auth-certificate.js';
import { bitLockerVolumes } from './bitlocker-volumes.js';
import { certificateStrength } from './certificate-strength.js';
import { dotNetStrongCrypto } from './dotnet-strong-crypto.js';
import { extendedProtection } from './extended-protection.js';
import { logRetention } from './log-retention.js';
import { receiveConnectorTls } from './receive-connector-tls.js';
import { sendConnectorTls } from './send-connector-tls.js';
import { serializedDataSigning } from './serialized-data-signing.js';
import { tlsProtocols } from './tls-protocols.js';

/** The data controls, in id order; one module per control beside this file. */
export const DATA_CONTROLS: Control[] = [
  tlsProtocols,
  dotNetStrongCrypto,
  receiveConnectorTls,
  sendConnectorTls,
  certificateStrength,
  authCertificate,
  extendedProtection,
  serializedDataSigning,
  aes256CbcContent,
  bitLockerVolumes,
  auditLogging,
  logRetention,
];
