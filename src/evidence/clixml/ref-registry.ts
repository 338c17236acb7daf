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
 * - With the Refs counted beforehand (ref-counts.ts: a first pass over the bytes, when the whole
 *   input is at hand) the windows give way to the counts: an object is kept from its definition
 *   to its last Ref, and not at all when no Ref names it. At most `refWindow` objects are kept so
 *   at once; past that the one kept longest is let go, and a Ref to it is a CLIXML_LIMIT error.
 *
 * The two id spaces are separate and document-wide (exchange-builds.md §5.4, pitfall 4). PowerShell
 * numbers both from 0 upwards, so an evicted decimal id is recognised by being at or below the
 * highest decimal id evicted; other ids that leave the window are remembered in a set.
 */
import type { CliObject } from './model.js';
import type { RefCounts } from './ref-counts.js';

export const MAX_TYPE_NAME_LISTS = 100_000;

/** `unheld`: defined, but only its id was kept (keepObjects false). */
export type RefLookup = CliObject | 'evicted' | 'unknown' | 'unheld';

/** Decimal ids below this are remembered in a bitmap when objects are not kept (8 MiB at most). */
const ID_BITMAP_LIMIT = 1 << 26;

/** An object with a RefId and when it was defined and last referred to (counts of each). */
interface KeptObject {
  object: CliObject;
  definedAt: number;
  /** -1 until a Ref names it. */
  referencedAt: number;
}

export class RefRegistry {
  private readonly typeNameLists = new Map<string, readonly string[]>();
  /** Keyed by idKey: the number for a decimal id (hashing a Smi is cheaper), else the text. */
  private readonly objects = new Map<IdKey, KeptObject>();
  private readonly window: number;
  // Ids in definition and in reference order, as rings: slot n % window holds the id of event n.
  // Evicting through a Map's own order would rescan the holes its deletions leave at the front.
  private readonly definedIds: (IdKey | undefined)[];
  private readonly referencedIds: (IdKey | undefined)[];
  private definitions = 0;
  private references = 0;
  private highestEvictedNumber = -1;
  private readonly evictedOtherIds = new Set<string>();
  /** With keepObjects false: the ids defined, as bits for small decimal ids, else in a set. */
  private definedBits = new Uint8Array(0);
  private readonly definedOtherIds = new Set<IdKey>();

  /**
   * keepObjects false: the caller never looks inside a Ref's target, so only ids are kept and no
   * object stays alive for a Ref's sake (a read-through of 30 server exports took 5-13 % less
   * time so), and no Ref is ever too far back to check.
   */
  /** Counted policy: Refs still to come per id, used up as they are read. */
  private readonly refCounts: RefCounts | undefined;
  /** Counted policy: objects kept for the Refs still to come, oldest first. */
  private readonly counted = new Map<IdKey, CliObject>();

  constructor(
    refWindow: number,
    private readonly keepObjects = true,
    /** Refs per id, counted beforehand: the counted policy. */
    refCounts?: RefCounts,
  ) {
    // A copy: the counts are used up as Refs are read, and the caller may read the file again.
    this.refCounts = refCounts === undefined ? undefined : new Map(refCounts);
    this.window = Math.max(1, refWindow);
    this.definedIds = new Array<IdKey | undefined>(this.window).fill(undefined);
    this.referencedIds = new Array<IdKey | undefined>(this.window).fill(undefined);
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
    const key = idKey(refId);
    if (!this.keepObjects) {
      this.defineId(key);
      return;
    }
    if (this.refCounts !== undefined) {
      this.defineCounted(key, object, this.refCounts);
      return;
    }
    const definedAt = this.definitions++;
    const slot = definedAt % this.window;
    const leaving = this.definedIds[slot];
    this.definedIds[slot] = key;
    // A RefId defined again maps to its newer object; the older one's slots no longer count.
    this.objects.set(key, { object, definedAt, referencedAt: -1 });

    const kept = leaving === undefined ? undefined : this.objects.get(leaving);
    if (kept?.definedAt === definedAt - this.window && !this.isRecentlyReferenced(kept)) {
      this.evict(leaving!);
    }
  }

  resolveObject(refId: string): RefLookup {
    const key = idKey(refId);
    if (!this.keepObjects) return this.isDefinedId(key) ? 'unheld' : 'unknown';
    if (this.refCounts !== undefined) return this.resolveCounted(key, this.refCounts);
    const kept = this.objects.get(key);
    if (kept !== undefined) {
      this.noteReference(key, kept);
      return kept.object;
    }

    const evicted =
      typeof key === 'string' ? this.evictedOtherIds.has(key) : key <= this.highestEvictedNumber;
    return evicted ? 'evicted' : 'unknown';
  }

  /** Whether the policy is the counted one (a Ref to an object not kept is then said so). */
  get counting(): boolean {
    return this.keepObjects && this.refCounts !== undefined;
  }

  private defineCounted(key: IdKey, object: CliObject, refCounts: RefCounts): void {
    this.defineId(key);
    // A RefId defined again maps to its newer object, which takes the Refs still to come.
    this.counted.delete(key);
    if (refCounts.get(key) === undefined) return;
    this.counted.set(key, object);
    if (this.counted.size > this.window) {
      const longest = this.counted.keys().next().value!;
      this.counted.delete(longest);
    }
  }

  private resolveCounted(key: IdKey, refCounts: RefCounts): RefLookup {
    const remaining = refCounts.get(key) ?? 0;
    if (remaining > 1) refCounts.set(key, remaining - 1);
    else refCounts.delete(key);
    const object = this.counted.get(key);
    if (object === undefined) return this.isDefinedId(key) ? 'evicted' : 'unknown';
    if (remaining <= 1) this.counted.delete(key);
    return object;
  }

  private defineId(key: IdKey): void {
    if (typeof key === 'string' || key >= ID_BITMAP_LIMIT) {
      this.definedOtherIds.add(key);
      return;
    }
    const byte = key >>> 3;
    if (byte >= this.definedBits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.definedBits.length * 2, 1024));
      grown.set(this.definedBits);
      this.definedBits = grown;
    }
    this.definedBits[byte]! |= 1 << (key & 7);
  }

  private isDefinedId(key: IdKey): boolean {
    if (typeof key === 'string' || key >= ID_BITMAP_LIMIT) return this.definedOtherIds.has(key);
    return ((this.definedBits[key >>> 3] ?? 0) & (1 << (key & 7))) !== 0;
  }

  private noteReference(key: IdKey, kept: KeptObject): void {
    const referencedAt = this.references++;
    kept.referencedAt = referencedAt;
    const slot = referencedAt % this.window;
    const leaving = this.referencedIds[slot];
    this.referencedIds[slot] = key;

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

  private evict(key: IdKey): void {
    this.objects.delete(key);
    if (typeof key === 'string') this.evictedOtherIds.add(key);
    else if (key > this.highestEvictedNumber) this.highestEvictedNumber = key;
  }
}

/** A RefId as a map key: a decimal id without leading zeros (up to 15 digits) is its number. */
export type IdKey = number | string;

export function idKey(refId: string): IdKey {
  const length = refId.length;
  if (length === 0 || length > 15 || (length > 1 && refId.charCodeAt(0) === 0x30)) return refId;

  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = refId.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return refId;
    value = value * 10 + digit;
  }
  return value;
}
