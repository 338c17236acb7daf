/**
 * Typed access to the framework catalogues in ./data. Ids are compared exactly as the framework
 * writes them (a STIG rule also answers to its EX19-… id); ZTMM ids are "<pillar>: <function>".
 */
import type { FrameworkMappings, ZtmmPillar } from '../../controls/model.js';
import cisV8 from './data/cis-controls-v8.json' with { type: 'json' };
import ztmmData from './data/cisa-ztmm-v2.json' with { type: 'json' };
import disaStig from './data/disa-stig-exchange-2019.json' with { type: 'json' };
import iso27001 from './data/iso-27001-2022.json' with { type: 'json' };
import nist80053 from './data/nist-sp-800-53-r5.json' with { type: 'json' };
import nist800207 from './data/nist-sp-800-207.json' with { type: 'json' };
import {
  FRAMEWORK_IDS,
  type FrameworkCatalogue,
  type FrameworkEntry,
  type FrameworkId,
  type ZtmmModel,
} from './model.js';

export * from './model.js';

export const ZTMM_MODEL = ztmmData as ZtmmModel;

// TODO(#3): the CIS v8 and 800-53 catalogues are selections, not the whole frameworks, so a
// framework view's coverage is relative to the mapped ids; CIS Exchange Benchmark ids are no
// mapping target yet (their text is not public, the recoverable ids uncertain).

const CATALOGUES: Readonly<Record<FrameworkId, FrameworkCatalogue>> = {
  cisV8: cisV8 as FrameworkCatalogue,
  nist800207: nist800207 as FrameworkCatalogue,
  iso27001: iso27001 as FrameworkCatalogue,
  nist80053: nist80053 as FrameworkCatalogue,
  disaStig: disaStig as FrameworkCatalogue,
  ztmm: ztmmCatalogue(ZTMM_MODEL),
};

/** Every id (and alias) of each catalogue, pointing at its entry. */
const INDEX: ReadonlyMap<FrameworkId, ReadonlyMap<string, FrameworkEntry>> = new Map(
  FRAMEWORK_IDS.map((framework) => [framework, indexEntries(CATALOGUES[framework].entries)]),
);

export function frameworkCatalogue(framework: FrameworkId): FrameworkCatalogue {
  return CATALOGUES[framework];
}

export function hasFrameworkId(framework: FrameworkId, id: string): boolean {
  return frameworkEntry(framework, id) !== undefined;
}

/** The entry an id or alias names, or undefined when the catalogue does not hold it. */
export function frameworkEntry(framework: FrameworkId, id: string): FrameworkEntry | undefined {
  return INDEX.get(framework)?.get(id);
}

/** The id of a ZTMM pillar function or cross-cutting capability, as the catalogue keys it. */
export function ztmmEntryId(pillar: ZtmmPillar, functionName: string): string {
  return `${pillar}: ${functionName}`;
}

export function hasZtmmFunction(pillar: ZtmmPillar, functionName: string): boolean {
  return hasFrameworkId('ztmm', ztmmEntryId(pillar, functionName));
}

/** The mapped ids of one control, per framework, in the catalogue's id form. */
export function mappedIds(mappings: FrameworkMappings, framework: FrameworkId): string[] {
  if (framework === 'ztmm') {
    return mappings.ztmm.map((entry) => ztmmEntryId(entry.pillar, entry.function));
  }
  return mappings[framework];
}

/** "<framework> <id>" for every mapped id the catalogues do not hold; empty when all exist. */
export function unknownMappingIds(mappings: FrameworkMappings): string[] {
  return FRAMEWORK_IDS.flatMap((framework) =>
    mappedIds(mappings, framework)
      .filter((id) => !hasFrameworkId(framework, id))
      .map((id) => `${framework} ${id}`),
  );
}

/** Flattens pillars × (functions + cross-cutting capabilities) into catalogue entries. */
function ztmmCatalogue(model: ZtmmModel): FrameworkCatalogue {
  const entries = model.pillars.flatMap((pillar) =>
    [...pillar.functions, ...model.crossCutting].map((fn) => ({
      id: ztmmEntryId(pillar.id, fn.name),
      title: `${pillar.name}: ${fn.title}`,
    })),
  );
  const { name, version, source } = model;
  return { framework: 'ztmm', name, version, source, entries };
}

function indexEntries(entries: readonly FrameworkEntry[]): Map<string, FrameworkEntry> {
  const index = new Map<string, FrameworkEntry>();
  for (const entry of entries) {
    for (const id of [entry.id, ...(entry.aliases ?? [])]) index.set(id, entry);
  }
  return index;
}
