/**
 * The RefId policy of the streaming reader (also in docs/clixml.md):
 *
 * - Type-name lists (`TN RefId`) are kept for the whole document; they are few and small. More
 *   than MAX_TYPE_NAME_LISTS of them is a CLIXML_LIMIT error.
 * - Objects with a RefId (`Obj RefId`) are kept while they are among the `refWindow` most
 *   recently defined objects, or while they are among the objects of the `refWindow` most recent
 *   `Ref`s: an object once referred to stays reachable as long as it is referred to again within
 *   that many references. PowerShell writes a Ref only for an instance it serialises again, and
 *   the first Ref comes soon (in the HealthChecker corpus at most 92 objects after the
 *   definition), while a shared instance such as a RuntimeType is referred to across the whole
 *   file (2,046 objects after it in GetExchangeDomainsAclPermissions.xml). A `Ref` to an object
 *   kept by neither is a CLIXML_LIMIT error that names the option to raise; a `Ref` to an id
 *   never defined is a CLIXML_SYNTAX error.
 *
 * The two id spaces are separate and document-wide (exchange-builds.md §5.4, pitfall 4). PowerShell
 * numbers both from 0 upwards, so an evicted decimal id is recognised by being at or below the
 * highest decimal id evicted; other ids that leave the window are remembered in a set.
 */
import type { CliObject } from './model.js';

export const MAX_TYPE_NAME_LISTS = 100_000;

export type RefLookup = CliObject | 'evicted' | 'unknown';

/** An object with a RefId and when it was defined and last referred to (counts of each). */
interface KeptObject {
  object: CliObject;
  definedAt: number;
  /** -1 until a Ref names it. */
  referencedAt: number;
}

export class RefRegistry {
  private readonly typeNameLists = new Map<string, readonly string[]>();
  private readonly objects = new Map<string, KeptObject>();
  private readonly window: number;
  // Ids in definition and in reference order, as rings: slot n % window holds the id of event n.
  // Evicting through a Map's own order would rescan the holes its deletions leave at the front.
  private readonly definedIds: (string | undefined)[];
  private readonly referencedIds: (string | undefined)[];
  private definitions = 0;
  private references = 0;
  private highestEvictedNumber = -1;
  private readonly evictedOtherIds = new Set<string>();

  constructor(refWindow: number) {
    this.window = Math.max(1, refWindow);
    this.definedIds = new Array<string | undefined>(this.window).fill(undefined);
    this.referencedIds = new Array<string | undefined>(this.window).fill(undefined);
  }

  /** False when the document has more type-name lists than the reader keeps. */
  defineTypeNames(refId: string, typeNames: readonly string[]): boolean {
    if (!this.typeNameLists.has(refId) && this.typeNameLists.size >= MAX_TYPE_NAME_LISTS) {
      return false;
    }
    this.typeNameLists.set(refId, typeNames);
    return true;
  }

  typeNames(refId: string): readonly string[] | undefined {
    return this.typeNameLists.get(refId);
  }

  defineObject(refId: string, object: CliObject): void {
    const definedAt = this.definitions++;
    const slot = definedAt % this.window;
    const leaving = this.definedIds[slot];
    this.definedIds[slot] = refId;
    // A RefId defined again maps to its newer object; the older one's slots no longer count.
    this.objects.set(refId, { object, definedAt, referencedAt: -1 });

    const kept = leaving === undefined ? undefined : this.objects.get(leaving);
    if (kept?.definedAt === definedAt - this.window && !this.isRecentlyReferenced(kept)) {
      this.evict(leaving!);
    }
  }

  resolveObject(refId: string): RefLookup {
    const kept = this.objects.get(refId);
    if (kept !== undefined) {
      this.noteReference(refId, kept);
      return kept.object;
    }

    const number = decimalId(refId);
    const evicted =
      number === undefined ? this.evictedOtherIds.has(refId) : number <= this.highestEvictedNumber;
    return evicted ? 'evicted' : 'unknown';
  }

  private noteReference(refId: string, kept: KeptObject): void {
    const referencedAt = this.references++;
    kept.referencedAt = referencedAt;
    const slot = referencedAt % this.window;
    const leaving = this.referencedIds[slot];
    this.referencedIds[slot] = refId;

    const other = leaving === undefined ? undefined : this.objects.get(leaving);
    if (other?.referencedAt === referencedAt - this.window && !this.isRecentlyDefined(other)) {
      this.evict(leaving!);
    }
  }

  private isRecentlyDefined(kept: KeptObject): boolean {
    return kept.definedAt >= this.definitions - this.window;
  }

  private isRecentlyReferenced(kept: KeptObject): boolean {
    return kept.referencedAt >= 0 && kept.referencedAt >= this.references - this.window;
  }

  private evict(refId: string): void {
    this.objects.delete(refId);
    const number = decimalId(refId);
    if (number === undefined) this.evictedOtherIds.add(refId);
    else if (number > this.highestEvictedNumber) this.highestEvictedNumber = number;
  }
}

const DECIMAL_ID = /^(?:0|[1-9][0-9]{0,14})$/;

function decimalId(refId: string): number | undefined {
  return DECIMAL_ID.test(refId) ? Number(refId) : undefined;
}
