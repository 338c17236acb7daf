/**
 * The Evidence model: what importers produce and rules read. Rules never see files; they see
 * facts, each with a status and the provenance that lets a reader find it again.
 */

/** How exzt knows a fact (DESIGN.md "Evidence"). */
export type FactStatus =
  /** Read from a raw export (a cmdlet's output, a registry value, a config file). */
  | 'observed'
  /** A value the source tool computed, such as HealthChecker's stored TLS verdicts. */
  | 'derived'
  /** Declared by the organisation in an attestation file. */
  | 'attested'
  /** The export exists but does not carry the value; a documented default applies. */
  | 'absent'
  /** No export of this kind was found for the subject. */
  | 'not-collected'
  /** The collector tried and failed (manifest.json records the error). */
  | 'collection-failed'
  /** Two exports of the same kind for one subject. */
  | 'conflicting';

/** Statuses a rule may evaluate; any other makes the rule "not assessed". */
export const USABLE_STATUSES: ReadonlySet<FactStatus> = new Set([
  'observed',
  'derived',
  'attested',
  'absent',
]);

/** Where a fact came from, precise enough to open the file at the right place. */
export interface Provenance {
  /** Path of the file inside its bundle or folder, with forward slashes. */
  member: string;
  /** The bundle or folder the member belongs to, as the user named it. */
  source: string;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** 1-based line and column of the element the fact was read from, where the file has lines. */
  line?: number;
  column?: number;
  /** Byte offset of that element in the file. */
  offset?: number;
  /** Object path inside the CliXml document, e.g. `Objs[0].Props.AdminDisplayVersion`. */
  objectPath?: string;
  /** The command that produced the file, from the registry or the manifest. */
  command?: string;
  /** When the evidence was collected (ISO 8601), from the manifest when it has one. */
  collectedAt?: string;
}

export interface Fact<T> {
  status: FactStatus;
  /** Present for observed, derived, attested and (with the default) absent facts. */
  value?: T;
  provenance: Provenance[];
  /** Why a fact is absent, failed or conflicting, in words for the report. */
  note?: string;
}

export type SubjectType = 'server' | 'organization';

/** A server or the organisation; `key` is stable across runs (`server:ex01`, `organization`). */
export interface SubjectRef {
  key: string;
  type: SubjectType;
  name: string;
}
