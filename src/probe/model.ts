/**
 * What a probe run records: for each target the endpoints and the authentication they offer, the
 * build they leak, the NTLM names, the TLS versions and suites accepted, the certificate, the
 * SMTP dialogue, and what stands in front of Exchange. Plain data: `exzt probe --format json`
 * writes it, `exzt assess --probe-results` reads it back as evidence.
 */

export const PROBE_SCHEMA_VERSION = 1;

/** Where the probe ran: "internet", a network name of the policy, or unspecified. */
export type Vantage = string;

export type ProbeService = 'https' | 'smtp';

export interface ProbeTarget {
  /** As the user wrote it (`mail.contoso.com`, `127.0.0.1:8443`, `smtp://127.0.0.1:2525`). */
  spec: string;
  host: string;
  port: number;
  service: ProbeService;
}

/** Why a target or a check could not be assessed, in words for the report. */
export interface NotAssessed {
  reason: string;
}

export type AuthScheme = 'Basic' | 'NTLM' | 'Negotiate' | 'Bearer' | 'Digest' | 'other';

export interface AuthChallenge {
  scheme: AuthScheme;
  /** The header value as sent, one WWW-Authenticate header each. */
  raw: string;
}

export interface EndpointResult {
  /** Stable name: owa, ecp, ews, autodiscover, autodiscover-json, mapi, eas, oab, rpc, powershell. */
  endpoint: string;
  path: string;
  /** False when the request got no HTTP answer (reason says why). */
  reachable: boolean;
  status?: number;
  /** Every scheme offered, each WWW-Authenticate header read on its own; `forms` for OWA FBA. */
  auth: Array<AuthScheme | 'forms'>;
  challenges: AuthChallenge[];
  /** A Location header; `offHost` when it points to another host (recorded, never followed). */
  redirect?: { location: string; offHost: boolean };
  reason?: string;
}

export type BuildPrecision = 'build' | 'cu';

export interface BuildObservation {
  /** 15.2.1544.4 (build precision) or 15.2.1544 (CU precision). */
  version: string;
  precision: BuildPrecision;
  source: 'X-OWA-Version' | 'ECP export tool manifest' | 'OWA asset path';
  path: string;
}

export interface NtlmDisclosure {
  endpoint: string;
  netbiosComputer?: string;
  netbiosDomain?: string;
  dnsComputer?: string;
  dnsDomain?: string;
  dnsForest?: string;
  /** Windows version from the challenge's Version field (10.0.17763). */
  osVersion?: string;
}

export type IntermediaryVerdict = 'direct-to-iis' | 'intermediary' | 'unknown';

export interface IntermediaryResult {
  verdict: IntermediaryVerdict;
  /** What led to the verdict: headers and pages seen. */
  signs: string[];
}

export type TlsVersionName = 'TLS 1.0' | 'TLS 1.1' | 'TLS 1.2' | 'TLS 1.3';

export interface TlsVersionResult {
  version: TlsVersionName;
  accepted: boolean;
  /** The suite the server chose from the full offer, IANA name. */
  suite?: string;
  /** Why the check has no answer (timeout, connection closed); absent when it has one. */
  reason?: string;
}

export interface TlsResult {
  versions: TlsVersionResult[];
  /** Weak suites (RC4, 3DES, DES, export, NULL, anonymous) the server accepted, per version. */
  weakSuites: Array<{ version: TlsVersionName; suite: string }>;
  /** Handshakes sent for this check (each a TCP connection). */
  handshakes: number;
}

export interface CertificateResult {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  /** The name checked against the certificate (the target host), and whether it matched. */
  checkedName: string;
  nameMatches: boolean;
  /** Chain verification against Node's trusted roots: null when trusted, else OpenSSL's code. */
  chainError: string | null;
  selfSigned: boolean;
  keyType: string;
  keyBits: number | null;
  signatureAlgorithm: string;
  /** SHA-256 fingerprint, as OpenSSL prints it. */
  fingerprint256: string;
}

export interface HttpsResult {
  endpoints: EndpointResult[];
  builds: BuildObservation[];
  ntlm?: NtlmDisclosure;
  intermediary: IntermediaryResult;
  /** Strict-Transport-Security as sent on the OWA answer, or null when absent. */
  hsts: string | null;
  /** Server, X-FEServer, X-BEServer, X-Powered-By as seen on any answer. */
  headers: Record<string, string[]>;
}

export interface SmtpResult {
  banner: string;
  /** The banner names a host or a product and version. */
  bannerDisclosure: string[];
  ehlo: string[];
  starttls: boolean;
  /** AUTH mechanisms offered before TLS. */
  authBeforeTls: string[];
  /** AUTH mechanisms offered after STARTTLS. */
  authAfterTls: string[];
}

export interface TargetResult {
  target: ProbeTarget;
  /** Addresses the host name resolved to (a literal address resolves to itself). */
  addresses: string[];
  status: 'assessed' | 'not-assessed';
  reason?: string;
  https?: HttpsResult;
  /** Why the HTTP checks have no answer while the TLS checks do (a legacy-only TLS server). */
  httpsReason?: string;
  smtp?: SmtpResult;
  tls?: TlsResult;
  certificate?: CertificateResult | NotAssessed;
  /** Requests, handshakes and SMTP sessions sent to this target. */
  sent: { requests: number; connections: number };
}

export interface ProbeReport {
  schemaVersion: number;
  tool: 'exzt';
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  vantage: Vantage;
  settings: { concurrency: number; ratePerSecond: number; timeoutMs: number; deadlineS: number };
  /** Sorted by target spec. */
  targets: TargetResult[];
  /** The deadline ended the run before every check finished. */
  deadlineReached: boolean;
  /** Most connections the probe had open at once (never above settings.concurrency). */
  peakConnections: number;
}
