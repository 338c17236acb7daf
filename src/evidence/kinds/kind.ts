/**
 * What the registry says about one evidence kind. Kept as plain data: the collector, the loader,
 * `evidence inspect` and the controls all read these entries, and a test holds them to the
 * corpus.
 */
import type { CliDocument } from '../clixml/model.js';
import type { FactAnchor } from '../object-path.js';

export type KindScope = 'server' | 'organization';

/**
 * clixml: Export-Clixml output; xml-config: a raw XML file (web.config); csv: an inventory export
 * (an MDM's device list); text: anything else.
 */
export type KindFormat = 'clixml' | 'xml-config' | 'csv' | 'text';

/** A typed importer's result: the value and where in the document it was read. */
export interface ImportedValue<T> {
  value: T;
  /** The first anchor is the object; later ones the members the value chiefly rests on. */
  anchors: FactAnchor[];
}

export type KindImporter<T> = (document: CliDocument) => ImportedValue<T>;

/** A text importer's result (CSV): the value and the 1-based lines it was read from. */
export interface ImportedText<T> {
  value: T;
  lines: number[];
}

/** Reads a text-format kind (csv); `file` is the path errors name. */
export type TextKindImporter<T> = (text: string, file: string) => ImportedText<T>;

/**
 * How a loose CliXml file is recognised: its first object's type name (without `Deserialized.`),
 * optionally a member it must have and a suffix that member's text must end with.
 */
export interface LooseFileRule {
  typeName: string;
  member?: string;
  endsWith?: string;
}

export interface EvidenceKind {
  /** Stable id, `<area>.<what>`, e.g. `exchange.server`. */
  id: string;
  title: string;
  scope: KindScope;
  /** The PowerShell that produces the file. */
  command: string;
  format: KindFormat;
  /** File name inside a bundle's server or organization folder. */
  bundleFile: string;
  /** Canonical paths in a HealthChecker-layout folder, relative, forward slashes. */
  healthCheckerFiles: readonly string[];
  /**
   * Alternates that no generic rule (numbered, suffixed or prefixed name) would relate to the
   * canonical file; `*` matches within one path segment.
   */
  healthCheckerAlternates?: readonly string[];
  /** The source tool computed the value (HealthChecker's verdicts): facts are `derived`. */
  derived?: boolean;
  looseFileRules?: readonly LooseFileRule[];
  importer?: KindImporter<unknown>;
  /**
   * The importer reads each top-level object on its own and returns one list entry per object
   * (Get-CASMailbox, Get-MobileDevice), so the loader hands it a long export in batches and never
   * holds 100,000 parsed objects at once.
   */
  objectByObject?: boolean;
  /** The typed importer of a text-format kind (csv). */
  textImporter?: TextKindImporter<unknown>;
}

/** The fields a registry entry states; the rest follows from the id and format. */
export type KindSpec = Omit<EvidenceKind, 'bundleFile' | 'format' | 'healthCheckerFiles'> & {
  format?: KindFormat;
  /** One canonical HealthChecker-layout path, when the kind has one. */
  healthChecker?: string;
};

/** Fills in the bundle file name (`<id>.xml`, `<id>.csv`, or `<id>.config` for raw config files). */
export function defineKind(spec: KindSpec): EvidenceKind {
  const { healthChecker, format = 'clixml', ...rest } = spec;
  const extension =
    format === 'csv'
      ? 'csv'
      : format === 'clixml' || healthChecker?.endsWith('.xml')
        ? 'xml'
        : 'config';

  return {
    ...rest,
    format,
    bundleFile: `${spec.id}.${extension}`,
    healthCheckerFiles: healthChecker === undefined ? [] : [healthChecker],
  };
}
