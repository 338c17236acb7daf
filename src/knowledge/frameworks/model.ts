/**
 * Framework catalogues as exzt holds them: ids as each framework publishes them, short titles in
 * exzt's own words, the version and the source. Control mappings must name ids from here.
 */
import type { FrameworkMappings, ZtmmPillar } from '../../controls/model.js';

/** The frameworks a control maps to; the keys of FrameworkMappings. */
export type FrameworkId = keyof FrameworkMappings;

export const FRAMEWORK_IDS: readonly FrameworkId[] = [
  'cisV8',
  'nist800207',
  'iso27001',
  'nist80053',
  'disaStig',
  'ztmm',
];

export interface FrameworkEntry {
  /** The id as the framework writes it: "4.1", "T5", "A.8.8", "AC-6(5)", "V-259645". */
  id: string;
  /** exzt's own short title, never the framework's text. */
  title: string;
  /** Other ids the framework uses for the same entry (a STIG's EX19-… id beside its V-… id). */
  aliases?: string[];
}

export interface FrameworkCatalogue {
  framework: FrameworkId;
  name: string;
  version: string;
  source: string;
  entries: readonly FrameworkEntry[];
}

export type ZtmmStage = 'traditional' | 'initial' | 'advanced' | 'optimal';

/** Oldest first: a pillar reaches a stage only when it meets every stage below it too. */
export const ZTMM_STAGES: readonly ZtmmStage[] = ['traditional', 'initial', 'advanced', 'optimal'];

export interface ZtmmFunction {
  name: string;
  title: string;
}

export interface ZtmmPillarEntry {
  id: ZtmmPillar;
  name: string;
  functions: readonly ZtmmFunction[];
}

/** The CISA ZTMM structure: pillars and their functions, capabilities shared by every pillar. */
export interface ZtmmModel {
  name: string;
  version: string;
  source: string;
  stages: ReadonlyArray<{ id: ZtmmStage; name: string; title: string }>;
  crossCutting: readonly ZtmmFunction[];
  pillars: readonly ZtmmPillarEntry[];
}
