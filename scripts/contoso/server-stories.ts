/**
 * What each Contoso server shows beyond its version: its addresses, certificates and the
 * weaknesses (or hardening) the Zero Trust controls should find. One row per server, so the
 * README and the exports are written from the same facts.
 */

export interface InterfaceAddress {
  alias: string;
  address: string;
  prefixLength: number;
}

/** Certificate files under scripts/contoso/certificates/ and what Exchange uses them for. */
export interface InstalledCertificate {
  file: string;
  friendlyName: string;
  services: string;
}

export interface ServerStory {
  interfaces: InterfaceAddress[];
  certificates: InstalledCertificate[];
  /** Schannel TLS 1.0/1.1 left enabled (no Enabled=0 values). */
  legacyTlsEnabled: boolean;
  /** SystemDefaultTlsVersions and SchUseStrongCrypto set for .NET. */
  dotNetStrongCrypto: boolean;
  /** NDP\v4\Full Release. */
  dotNetRelease: number;
  /** A volume whose BitLocker protection is off. */
  bitLockerOffVolume?: string;
  /** A Windows Firewall profile switched off. */
  firewallOffProfile?: string;
  mitigationServiceStopped: boolean;
  smb1: boolean;
  lmCompatibilityLevel: number;
  imapServiceRunning: boolean;
  /** Basic authentication left on the EWS virtual directory. */
  basicAuthOnEws: boolean;
  /** Extended Protection configured in applicationHost.config. */
  extendedProtection: boolean;
  /** RequireTLS on the connectors authenticated senders use. */
  connectorsRequireTls: boolean;
  /** An anonymous relay connector open to every address. */
  openRelayConnector: boolean;
  downloadDomains: boolean;
  /** Days of IIS and HttpProxy logs kept on disk. */
  logDays: number;
  logicalProcessors: number;
  physicalCores: number;
  memoryGib: number;
  /** What the controls should find, for the README. */
  summary: string;
}

const MAIL_CERTIFICATE: InstalledCertificate = {
  file: 'mail-contoso-com.der',
  friendlyName: 'mail.contoso.com 2026',
  services: 'IMAP, POP, IIS, SMTP',
};
const AUTH_CERTIFICATE: InstalledCertificate = {
  file: 'exchange-auth.der',
  friendlyName: 'Microsoft Exchange Server Auth Certificate',
  services: 'SMTP',
};

const HARDENED: Omit<ServerStory, 'interfaces' | 'summary'> = {
  certificates: [MAIL_CERTIFICATE, AUTH_CERTIFICATE],
  legacyTlsEnabled: false,
  dotNetStrongCrypto: true,
  dotNetRelease: 533320,
  mitigationServiceStopped: false,
  smb1: false,
  lmCompatibilityLevel: 5,
  imapServiceRunning: false,
  basicAuthOnEws: false,
  extendedProtection: true,
  connectorsRequireTls: true,
  openRelayConnector: false,
  downloadDomains: true,
  logDays: 120,
  logicalProcessors: 16,
  physicalCores: 16,
  memoryGib: 128,
};

function lan(last: number, replication?: number): InterfaceAddress[] {
  const mapi = { alias: 'MAPI', address: `10.40.0.${last}`, prefixLength: 24 };
  if (replication === undefined) return [mapi];
  return [mapi, { alias: 'Replication', address: `10.30.0.${replication}`, prefixLength: 24 }];
}

export const SERVER_STORIES: Readonly<Record<string, ServerStory>> = {
  EX01: {
    ...HARDENED,
    interfaces: lan(11, 11),
    summary: 'the reference server: every server-level control it can answer passes.',
  },
  EX02: {
    ...HARDENED,
    interfaces: lan(12, 12),
    dotNetRelease: 533325,
    basicAuthOnEws: true,
    mitigationServiceStopped: true,
    downloadDomains: false,
    summary:
      'Basic authentication left on EWS (EXZT.IDN.6), the Emergency Mitigation Service stopped ' +
      '(EXZT.INF.8) and no Download Domains on OWA (EXZT.APP.5).',
  },
  EX03: {
    ...HARDENED,
    interfaces: lan(13, 13),
    certificates: [
      MAIL_CERTIFICATE,
      AUTH_CERTIFICATE,
      { file: 'relay-contoso-com-rsa1024.der', friendlyName: 'relay', services: 'SMTP' },
    ],
    dotNetRelease: 461814,
    bitLockerOffVolume: 'D:',
    connectorsRequireTls: false,
    openRelayConnector: true,
    logDays: 45,
    summary:
      'a receive connector "Relay EX03" that lets anonymous senders anywhere in 10.0.0.0/8 relay ' +
      '(EXZT.NET.3, EXZT.NET.4), an RSA 1024 certificate for it (EXZT.DAT.5), BitLocker off ' +
      'on the database volume D: (EXZT.DAT.10), .NET 4.7.2 below the validated 4.8 (EXZT.INF.15), ' +
      'client connectors without RequireTLS (EXZT.DAT.3) and 45 days of IIS logs (EXZT.DAT.12).',
  },
  EX04: {
    ...HARDENED,
    interfaces: lan(14, 14),
    firewallOffProfile: 'Public',
    summary: 'Windows Firewall off in the Public profile (EXZT.NET.5).',
  },
  EDGE01: {
    ...HARDENED,
    interfaces: [
      { alias: 'Internet', address: '172.16.10.21', prefixLength: 24 },
      { alias: 'Internal', address: '10.40.0.21', prefixLength: 24 },
    ],
    certificates: [
      { file: 'smtp-contoso-com.der', friendlyName: 'smtp.contoso.com 2026', services: 'SMTP' },
    ],
    dotNetRelease: 533325,
    extendedProtection: false,
    downloadDomains: false,
    logicalProcessors: 8,
    physicalCores: 4,
    memoryGib: 32,
    summary:
      'the smtp.contoso.com certificate expires on 2026-12-18, inside the 30-day warning ' +
      '(EXZT.DAT.5); outside the domain and subscribed through EdgeSync (EXZT.NET.9 passes). ' +
      'EXZT.DAT.12 judges only its audit log: an Edge server has no IIS or HttpProxy logs.',
  },
  EX2013: {
    ...HARDENED,
    interfaces: [{ alias: 'Ethernet', address: '10.20.5.30', prefixLength: 16 }],
    certificates: [
      {
        file: 'ex2013-self-signed-sha1.der',
        friendlyName: 'Microsoft Exchange',
        services: 'IMAP, POP, IIS, SMTP',
      },
      AUTH_CERTIFICATE,
    ],
    legacyTlsEnabled: true,
    dotNetStrongCrypto: false,
    dotNetRelease: 528049,
    smb1: true,
    lmCompatibilityLevel: 3,
    imapServiceRunning: true,
    extendedProtection: false,
    connectorsRequireTls: false,
    downloadDomains: false,
    logDays: 30,
    logicalProcessors: 24,
    physicalCores: 12,
    memoryGib: 64,
    summary:
      'TLS 1.0 and 1.1 still enabled and .NET without strong crypto (EXZT.DAT.1, EXZT.DAT.2), a ' +
      'SHA-1 self-signed certificate (EXZT.DAT.5), SMB1 installed (EXZT.INF.9), NTLMv1 accepted ' +
      '(EXZT.INF.10), the IMAP4 service running (EXZT.APP.1), no Extended Protection ' +
      '(EXZT.DAT.7), hyper-threading on a physical host (EXZT.INF.16) and an address in the ' +
      'client network 10.20.0.0/16 (EXZT.NET.6, EXZT.NET.8).',
  },
};

export function storyOf(serverName: string): ServerStory {
  const story = SERVER_STORIES[serverName];
  if (story === undefined) throw new Error(`Contoso has no story for ${serverName}`);
  return story;
}
