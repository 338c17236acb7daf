/**
 * One line per policy key: what it means and the Zero Trust reason for the default. `exzt
 * policy init` writes these as comments above each key; docs/policy.md says the same at length.
 */
export const POLICY_KEY_NOTES: Readonly<Record<string, string>> = {
  apiVersion: 'Policy format version; exzt/v1 is the only one so far.',
  kind: 'Marks this file as a Zero Trust policy (waivers and attestations live apart).',
  organization: 'Name of the Exchange organisation, shown in reports.',
  networks: 'Named CIDR sets (IPv4 or IPv6); the rest of the policy refers to them by name.',
  'networks.admin': 'Privileged access workstations: the only place administration comes from.',
  'networks.clients': 'User devices; never trusted for being inside, still verified per request.',
  'networks.backup': 'DAG replication and backup traffic, kept off the client network.',
  'networks.servers': 'Exchange and other servers; no user traffic should originate here.',
  admin: 'When and how administration happens.',
  'admin.hours': 'Admin work outside these hours stands out: least privilege for the least time.',
  'admin.hours.timeZone': 'IANA time zone the hours are in.',
  'admin.hours.days': 'Days admin work is expected (a list and/or ranges such as Mon-Fri).',
  'admin.hours.from': 'Start of admin hours, 24-hour HH:MM.',
  'admin.hours.to': 'End of admin hours, after from (hours do not span midnight).',
  identity: 'Verify explicitly: who may sign in to what, and who may administer.',
  'identity.mfaRequiredFor':
    'Endpoints that must sit behind MFA (observed or attested): a password alone proves little.',
  'identity.adminStandingAccess':
    'none: admin roles only through time-bound membership, so a stolen account holds no power.',
  'identity.maxOrganizationManagementMembers':
    'Most members of Organization Management, break-glass included: fewer keys to the kingdom.',
  'identity.breakGlassAccounts':
    'Accounts allowed to hold admin roles permanently, for emergencies.',
  'identity.serviceAccountPatterns':
    'Name patterns (glob) of service accounts, which must hold no admin role.',
  'identity.restrictedRoles': 'Roles nobody may hold outside a waiver: they read every mailbox.',
  'identity.forbiddenAuthMethods':
    'Authentication methods no virtual directory may offer: they send reusable secrets.',
  'identity.requireModernAuth':
    'Hybrid modern authentication (OAuth) for Outlook and mobile clients.',
  endpoints: 'Devices that hold mailbox data must prove they are healthy and managed.',
  'endpoints.minimumOs': 'Oldest OS version per platform allowed to sync mail; unset = no minimum.',
  'endpoints.minimumOs.windows': 'Windows build (10.0.19045 is Windows 10 22H2).',
  'endpoints.minimumOs.macos': 'macOS version.',
  'endpoints.minimumOs.ios': 'iOS and iPadOS version.',
  'endpoints.minimumOs.android': 'Android version.',
  'endpoints.blockJailbroken':
    'Jailbroken or rooted devices bypass the OS protections; block them.',
  'endpoints.requireEncryption':
    'Devices must encrypt their storage, so a lost phone leaks no mail.',
  'endpoints.maxDaysSinceSync':
    'Days without a sync after which a mobile partnership is stale and should be removed.',
  'endpoints.unknownDeviceAccess':
    'What ActiveSync does with a device no rule knows: quarantine until someone approves it.',
  'endpoints.requireDevicePassword': 'Devices must be locked with a password or PIN.',
  'endpoints.minimumPasswordLength': 'Shortest device password or PIN allowed.',
  apps: 'Which client applications and protocols may reach Exchange.',
  'apps.minimumOutlook': 'Oldest Outlook version per platform; old clients lack modern auth fixes.',
  'apps.minimumOutlook.windows': 'Outlook for Windows build (Microsoft 365 Apps).',
  'apps.minimumOutlook.mac': 'Outlook for Mac version.',
  'apps.minimumOutlook.ios': 'Outlook for iOS version.',
  'apps.minimumOutlook.android': 'Outlook for Android version.',
  'apps.minimumBrowser': 'Oldest browser major version for OWA and EAC, per browser.',
  'apps.minimumBrowser.edge': 'Microsoft Edge major version.',
  'apps.minimumBrowser.chrome': 'Google Chrome major version.',
  'apps.minimumBrowser.firefox': 'Mozilla Firefox major version (ESR counts).',
  'apps.minimumBrowser.safari': 'Apple Safari major version.',
  'apps.legacyProtocols':
    'POP3, IMAP4 and RPC over HTTP: deny, because they cannot do modern authentication.',
  'apps.basicAuth': 'Basic authentication sends the password with every request: deny.',
  'apps.adminFrom': 'Networks EAC and remote PowerShell may be used from (names under networks).',
  'apps.requireDownloadDomains':
    'Serve OWA attachments from a separate domain so a malicious file cannot act as the user.',
  data: 'Protect mail in transit and at rest, and keep the records to investigate with.',
  'data.minimumTls': 'Lowest TLS version anywhere, server, client and SMTP: 1.2 or 1.3.',
  'data.smtpTls': 'required: mail between servers and partners only over TLS.',
  'data.encryptionAtRest': 'required: database and log volumes encrypted (BitLocker).',
  'data.minimumKeyBits': 'Smallest RSA key in an Exchange certificate.',
  'data.allowSha1Certificates': 'SHA-1 signatures can be forged; do not accept them.',
  'data.certificateExpiryWarningDays': 'Days before expiry a certificate counts as expiring.',
  'data.auditLogging': 'required: mailbox and admin audit logging on, to see what happened.',
  'data.logRetentionDays':
    'Days logs must reach back (admin audit, IIS, HttpProxy): the window to hunt for a breach.',
  'data.requireExtendedProtection':
    'Extended Protection binds NTLM and Kerberos to the TLS channel, stopping relay attacks.',
  'data.requireSerializedDataSigning':
    'Signed PowerShell serialisation payloads, which closes a known deserialisation attack path.',
  infrastructure: 'Assume breach: keep servers patched, supported and recoverable.',
  'infrastructure.exchange': 'Exchange Server itself.',
  'infrastructure.exchange.requireLatestSu':
    'The newest Security Update installed and active: unpatched servers are how attacks get in.',
  'infrastructure.exchange.maxSuAgeDays': 'Days a released SU may stay uninstalled.',
  'infrastructure.exchange.supportedOnly':
    'Only versions and CUs still receiving Security Updates.',
  'infrastructure.windows': 'The Windows Server under Exchange.',
  'infrastructure.windows.supportedOnly': 'Only Windows Server versions still receiving updates.',
  'infrastructure.requireAmsi': 'AMSI lets anti-malware inspect requests to Exchange; leave it on.',
  'infrastructure.requireEmergencyMitigationService':
    'Emergency Mitigation Service applies Microsoft mitigations before an SU exists.',
  'infrastructure.maxBackupAgeHours':
    'Newest database backup must be younger than this: recovery after ransomware.',
  network: 'What may be reached from where: no network is trusted for being inside.',
  'network.internetFacing': 'Endpoints that may be reachable from the internet.',
  'network.neverInternetFacing':
    'Endpoints that must never be reachable from the internet or outside apps.adminFrom.',
  'network.zones': 'Which named networks play which part (names under networks).',
  'network.zones.admin': 'Admin networks.',
  'network.zones.clients': 'Client networks.',
  'network.zones.servers': 'Server networks.',
  'network.zones.backup': 'Backup and replication networks.',
  'network.separateBackupTraffic':
    'DAG replication only on backup networks, client traffic never from server networks.',
  'network.requireFirewall': 'Windows Firewall on in every profile: limit lateral movement.',
};
