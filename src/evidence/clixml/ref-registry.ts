/**
 * The RefId policy of the streaming reader (also in docs/clixml.md):
 *
 * - Type-name lists (`TN RefId`) are kept for the whole document; they are few and small. More
 *   than MAX_TYPE_NAME_LISTS of them is a CLIXML_LIMIT error.
 * - Objects with a RefId (`Obj RefId`) are kept in a window of the `refWindow` most recently
 *   opened ones. A `Ref` to an object that has left the window is a CLIXML_LIMIT error that
 *   names the option to raise; a `Ref` to an id never defined is a CLIXML_SYNTAX error.
 *
 * The two id spaces are separate and document-wide (exchange-builds.md §5.4, pitfall 4). PowerShell numbers both
 * from 0 upwards, so an evicted decimal id is recognised by being at or below the highest
 * decimal id evicted; other ids that leave the window are remembered in a set.
 */
import type { CliObject } from './model.js';

export const MAX_TYPE_NAME_LISTS = 100_000;

export type RefLookup = CliObject | 'evicted' | 'unknown';

export class RefRegistry {
  private readonly typeNameLists = new Map<string, readonly string[]>();
  private readonly objects = new Map<string, CliObject>();
  // The window in definition order, as a ring: evicting through the Map's own order would scan
  // the holes its deletions leave at the front on every eviction.
  private readonly ringIds: (string | undefined)[];
  private readonly ringObjects: (CliObject | undefined)[];
  private ringNext = 0;
  private highestEvictedNumber = -1;
  private readonly evictedOtherIds = new Set<string>();

  constructor(refWindow: number) {
    this.ringIds = new Array<string | undefined>(Math.max(1, refWindow)).fill(undefined);
    this.ringObjects = new Array<CliObject | undefined>(this.ringIds.length).fill(undefined);
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
    const slot = this.ringNext;
    this.evict(this.ringIds[slot], this.ringObjects[slot]);
    this.ringIds[slot] = refId;
    this.ringObjects[slot] = object;
    this.ringNext = slot + 1 === this.ringIds.length ? 0 : slot + 1;
    this.objects.set(refId, object);
  }

  resolveObject(refId: string): RefLookup {
    const object = this.objects.get(refId);
    if (object !== undefined) return object;

    const number = decimalId(refId);
    const evicted =
      number === undefined ? this.evictedOtherIds.has(refId) : number <= this.highestEvictedNumber;
    return evicted ? 'evicted' : 'unknown';
  }

  private evict(refId: string | undefined, object: CliObject | undefined): void {
    // A RefId defined twice maps to its newer object; the older slot must not remove that.
    if (refId === undefined || this.objects.get(refId) !== object) return;

    this.objects.delete(refId);
    const number = decimalId(refId);
    if (number === undefined) this.evictedOtherIds.add(refId);
    else if (number > this.highestEvictedNumber) this.highestEvictedNumber = number;
  }
}

function decimalId(refId: string): number | undefined {
  const number = Number(refId);
  return Number.isSafeInteger(number) && number >= 0 && String(number) === refId
    ? number
    : undefined;
}
