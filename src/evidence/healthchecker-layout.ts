/**
 * The HealthChecker layout (as microsoft/CSS-Exchange keeps its test exports): one folder per
 * server with Exchange/, OS/ and Hardware/ subfolders. Only canonical names are imported; the
 * numbered and suffixed alternates the upstream tests swap in are listed, never merged.
 */
import { ExztError } from '../errors.js';
import { EVIDENCE_KINDS, kindOfHealthCheckerFile, type EvidenceKind } from './kinds.js';

export const HEALTHCHECKER_FOLDERS = ['exchange', 'os', 'hardware'];

export type MemberClass =
  | { status: 'canonical'; kind: EvidenceKind }
  | { status: 'alternate'; kind: EvidenceKind; alternateOf: string }
  | { status: 'unrecognised' };

/** True when the relative paths include one of the layout's top folders. */
export function isHealthCheckerLayout(relativePaths: readonly string[]): boolean {
  return relativePaths.some((relative) => {
    const top = relative.split('/')[0]?.toLowerCase() ?? '';
    return relative.includes('/') && HEALTHCHECKER_FOLDERS.includes(top);
  });
}

export function classifyMember(relative: string): MemberClass {
  const kind = kindOfHealthCheckerFile(relative);
  if (kind !== undefined) return { status: 'canonical', kind };

  return alternateByPattern(relative) ?? alternateByName(relative) ?? { status: 'unrecognised' };
}

function alternateByPattern(relative: string): MemberClass | undefined {
  for (const kind of EVIDENCE_KINDS) {
    const canonical = kind.healthCheckerFiles[0];
    const patterns = kind.healthCheckerAlternates ?? [];
    if (canonical !== undefined && patterns.some((pattern) => globMatches(pattern, relative))) {
      return { status: 'alternate', kind, alternateOf: canonical };
    }
  }
  return undefined;
}

/**
 * Numbered (ExSetup1.xml), suffixed (GetAcceptedDomain_Bad.xml, GetIISModulesNoTokenCacheModule.xml)
 * or prefixed (BadApplicationHost.config) names of a canonical file in the same folder.
 */
function alternateByName(relative: string): MemberClass | undefined {
  const { folder, stem, extension } = splitPath(relative);
  const bare = stem.replace(/\d+$/, '');
  let best: { kind: EvidenceKind; canonical: string; score: number } | undefined;
  for (const kind of EVIDENCE_KINDS) {
    for (const canonical of kind.healthCheckerFiles) {
      const other = splitPath(canonical);
      if (other.folder !== folder || other.extension !== extension) continue;

      const score = relationScore(bare, stem, other.stem);
      if (score > (best?.score ?? 0)) best = { kind, canonical, score };
    }
  }
  return best && { status: 'alternate', kind: best.kind, alternateOf: best.canonical };
}

/** How strongly a stem is related to a canonical stem: exact after digits > longest affix. */
function relationScore(bare: string, stem: string, canonical: string): number {
  if (bare === canonical) return Number.MAX_SAFE_INTEGER;
  if (stem.startsWith(canonical) || stem.endsWith(canonical)) return canonical.length;
  return 0;
}

function splitPath(relative: string): { folder: string; stem: string; extension: string } {
  const lower = relative.toLowerCase();
  const slash = lower.lastIndexOf('/');
  const name = lower.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return {
    folder: lower.slice(0, slash + 1),
    stem: dot === -1 ? name : name.slice(0, dot),
    extension: dot === -1 ? '' : name.slice(dot),
  };
}

/** `*` matches within one segment; case-insensitive, as Windows names are. */
function globMatches(pattern: string, relative: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`, 'i').test(relative);
}

/** `--use CANONICAL=ALTERNATE`, resolved against the registry. */
export interface UseRule {
  /** As given on the command line, for messages. */
  given: string;
  canonical: string;
  kind: EvidenceKind;
  /** Path of the alternate relative to the server folder. */
  alternate: string;
}

/**
 * The left side is a canonical path (`OS/GetAllTlsSettings.xml`) or, when unique, its file name
 * (`ExSetup.xml`). The right side is a file name in the canonical file's folder, or a path from
 * the server folder when it has a slash.
 */
export function resolveUseRules(use: ReadonlyMap<string, string>): UseRule[] {
  return [...use].map(([left, right]) => {
    const given = `${left}=${right}`;
    const canonical = resolveCanonical(left.replace(/\\/g, '/'), given);
    const kind = kindOfHealthCheckerFile(canonical);
    if (kind === undefined) throw new ExztError('INTERNAL', `no kind for ${canonical}`);

    const rightPath = right.replace(/\\/g, '/');
    const folder = canonical.slice(0, canonical.lastIndexOf('/') + 1);
    const alternate = rightPath.includes('/') ? rightPath : `${folder}${rightPath}`;
    return { given, canonical, kind, alternate };
  });
}

function resolveCanonical(left: string, given: string): string {
  const all = EVIDENCE_KINDS.flatMap((kind) => kind.healthCheckerFiles);
  const lower = left.toLowerCase();
  const matches = all.filter(
    (file) => file.toLowerCase() === lower || file.toLowerCase().endsWith(`/${lower}`),
  );
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];

  const why =
    matches.length === 0
      ? `'${left}' is not a canonical HealthChecker file name (for example Exchange/ExSetup.xml)`
      : `'${left}' is ambiguous: ${matches.join(', ')}; give the folder too`;
  throw new ExztError('USAGE', `--use ${given}: ${why}`);
}
