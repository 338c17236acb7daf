/**
 * Builds CliNodes from the elements the parser reads: keeps the stack of open containers, checks
 * which element may stand where (MS-PSRP 2.2.5), resolves Ref/TNRef through the RefRegistry and
 * hands each finished child of <Objs> to `emit`.
 */
import type { ErrorCode } from '../../errors.js';
import type {
  CliDictionaryEntry,
  CliNode,
  CliObject,
  CliPrimitive,
  CollectionType,
  NodePosition,
} from './model.js';
import { detachedCopy, type MemberName } from './markup-names.js';
import type { RefRegistry } from './ref-registry.js';
import { describeAllowed, isAllowedChild, progressRecordField } from './element-rules.js';
import { TAG, type TagInfo, tagName } from './tags.js';

/** What the assembler needs from the parser; `at` is an absolute character index. */
export interface AssemblerHost {
  fail(code: ErrorCode, message: string, at: number): never;
  positionAt(at: number): NodePosition;
  /** Receives each finished child of <Objs>. */
  emit(node: CliNode): void;
}

const NO_TYPE_NAMES: readonly string[] = Object.freeze([]);
const PROGRESS_RECORD_TYPE_NAMES: readonly string[] = Object.freeze([
  'System.Management.Automation.ProgressRecord',
  'System.Object',
]);

const COLLECTIONS: Readonly<Record<number, CollectionType>> = {
  [TAG.LST]: 'list',
  [TAG.IE]: 'enumerable',
  [TAG.STK]: 'stack',
  [TAG.QUE]: 'queue',
};

/** One open container element. Frames are pooled per depth and reset on reuse. */
class Frame {
  tag = 0;
  at = 0;
  position: NodePosition | undefined = undefined;
  member: MemberName | undefined = undefined;
  object: CliObject | undefined = undefined;
  typeNameRefId: string | undefined = undefined;
  typeNames: string[] | undefined = undefined;
  items: CliNode[] | undefined = undefined;
  entries: CliDictionaryEntry[] | undefined = undefined;
  key: CliNode | undefined = undefined;
  value: CliNode | undefined = undefined;
}

/** The type of the stand-in a Ref hands out when its target is not kept (keepRefTargets). */
const UNHELD: readonly string[] = Object.freeze(['exzt.UnheldReference']);

export class DocumentAssembler {
  private readonly frames: Frame[] = [];
  private depth = 0;
  constructor(
    private readonly refs: RefRegistry,
    private readonly maxDepth: number,
    private readonly host: AssemblerHost,
  ) {}

  private fail(code: ErrorCode, message: string, at: number): never {
    return this.host.fail(code, message, at);
  }

  get openDepth(): number {
    return this.depth;
  }

  /** The innermost open element, for "expected </X> opened at" messages. */
  innermostName(): string | undefined {
    return this.depth === 0 ? undefined : `<${tagName(this.frames[this.depth - 1]!.tag)}>`;
  }

  /** "</Obj> opened at 3:5": what would close the innermost open element. */
  expectedEnd(): string | undefined {
    const frame = this.depth === 0 ? undefined : this.frames[this.depth - 1]!;
    if (frame === undefined) return undefined;

    const opened = frame.position
      ? ` opened at ${frame.position.line}:${frame.position.column}`
      : '';
    return `</${tagName(frame.tag)}>${opened}`;
  }

  /** Checks that `child` may stand inside the innermost open element, and the depth limit. */
  checkChild(child: TagInfo, at: number): void {
    if (this.depth + 1 > this.maxDepth) {
      this.fail(
        'CLIXML_LIMIT',
        `elements nest deeper than maxDepth (${this.maxDepth}) at <${child.name}>; raise maxDepth if the file is trusted`,
        at,
      );
    }

    const parent = this.frames[this.depth - 1];
    if (parent === undefined) return;
    if (!isAllowedChild(parent.tag, child.id)) {
      const parentName = tagName(parent.tag);
      this.fail(
        'CLIXML_SYNTAX',
        `unexpected <${child.name}> inside <${parentName}>; expected ${describeAllowed(parent.tag)}`,
        at,
      );
    }
  }

  openContainer(
    tag: number,
    member: MemberName | undefined,
    refId: string | undefined,
    position: NodePosition,
    at: number,
  ): void {
    const parent = this.frames[this.depth - 1];
    const frame = this.pushFrame(tag, member, position, at);
    switch (tag) {
      case TAG.Obj:
        frame.object = this.createObject(member?.name, refId, position, NO_TYPE_NAMES);
        return;
      case TAG.PR:
        frame.object = this.createObject(member?.name, refId, position, PROGRESS_RECORD_TYPE_NAMES);
        return;
      case TAG.TN:
        frame.typeNames = [];
        frame.typeNameRefId = refId;
        frame.object = parent?.object;
        return;
      case TAG.Props:
      case TAG.MS:
        frame.object = parent?.object;
        return;
      case TAG.DCT:
        frame.entries = [];
        this.ownerOf(parent, at).entries = frame.entries;
        return;
      case TAG.En:
        return;
      default:
        this.openCollection(tag, parent, frame, at);
    }
  }

  private openCollection(tag: number, parent: Frame | undefined, frame: Frame, at: number): void {
    const collection = COLLECTIONS[tag];
    if (collection === undefined) return;

    const owner = this.ownerOf(parent, at);
    if (owner.items !== undefined) {
      this.fail('CLIXML_SYNTAX', `a second collection element <${tagName(tag)}> in one <Obj>`, at);
    }
    frame.items = [];
    owner.items = frame.items;
    owner.collection = collection;
  }

  closeContainer(tag: number, at: number): void {
    const frame = this.frames[this.depth - 1];
    if (frame === undefined || frame.tag !== tag) this.failMismatchedEnd(tag, at);

    this.depth--;
    switch (tag) {
      case TAG.Obj:
      case TAG.PR:
        this.attach(frame.object!, frame.member, tag, frame.at);
        return;
      case TAG.TN:
        this.closeTypeNames(frame, at);
        return;
      case TAG.En:
        this.closeEntry(frame);
        return;
      case TAG.Objs:
        return;
    }
  }

  /** A primitive value element, complete. */
  primitive(node: CliPrimitive, member: MemberName | undefined, tag: number, at: number): void {
    this.attach(node, member, tag, at);
  }

  /** T, ToString or a progress-record field, with its decoded text. */
  text(tag: number, text: string, at: number): void {
    const frame = this.frames[this.depth - 1]!;
    if (frame.tag === TAG.TN) {
      // Type-name lists live as long as the document: keep no slice of a chunk.
      frame.typeNames!.push(detachedCopy(text));
    } else if (frame.tag === TAG.Obj) {
      frame.object!.toString = text;
    } else {
      this.progressField(frame.object!, tag, text, this.host.positionAt(at), at);
    }
  }

  nil(member: MemberName | undefined, position: NodePosition, at: number): void {
    this.attach({ kind: 'nil', name: member?.name, position }, member, TAG.Nil, at);
  }

  reference(member: MemberName | undefined, refId: string | undefined, at: number): void {
    const found = this.refs.resolveObject(refId ?? '');
    if (found === 'evicted') {
      const why = this.refs.counting
        ? 'an object let go because more than refWindow objects were waiting for later Refs'
        : 'an object outside the window of the objects last defined or referred to';
      this.fail(
        'CLIXML_LIMIT',
        `<Ref RefId="${refId}"> refers to ${why}; raise refWindow to read this file`,
        at,
      );
    }
    if (found === 'unknown') {
      this.fail(
        'CLIXML_SYNTAX',
        `<Ref RefId="${refId ?? ''}"> refers to an object never defined before it`,
        at,
      );
    }
    if (found === 'unheld') {
      // The caller never looks inside (keepRefTargets: false): an empty stand-in will do.
      const stand = this.createObject(member?.name, undefined, this.host.positionAt(at), UNHELD);
      this.attach(stand, member, TAG.Ref, at);
      return;
    }
    this.attach(found, member, TAG.Ref, at);
  }

  typeNameReference(refId: string | undefined, at: number): void {
    const typeNames = this.refs.typeNames(refId ?? '');
    if (typeNames === undefined) {
      this.fail(
        'CLIXML_SYNTAX',
        `<TNRef RefId="${refId ?? ''}"> refers to a type-name list <TN> never defined before it`,
        at,
      );
    }
    this.frames[this.depth - 1]!.object!.typeNames = typeNames;
  }

  private createObject(
    name: string | undefined,
    refId: string | undefined,
    position: NodePosition,
    typeNames: readonly string[],
  ): CliObject {
    const object: CliObject = {
      kind: 'object',
      name,
      position,
      refId,
      typeNames,
      // An own `toString` (the model's field) is always present, so every object has one shape.
      toString: undefined,
      members: new Map(),
      value: undefined,
      items: undefined,
      collection: undefined,
      entries: undefined,
      extendedMembers: undefined,
    };
    if (refId !== undefined) this.refs.defineObject(refId, object);
    return object;
  }

  private pushFrame(
    tag: number,
    member: MemberName | undefined,
    position: NodePosition,
    at: number,
  ): Frame {
    let frame = this.frames[this.depth];
    if (frame === undefined) {
      frame = new Frame();
      this.frames.push(frame);
    }
    frame.tag = tag;
    frame.at = at;
    frame.position = position;
    frame.member = member;
    frame.object = frame.typeNameRefId = frame.typeNames = frame.items = frame.entries = undefined;
    frame.key = frame.value = undefined;
    this.depth++;
    return frame;
  }

  private ownerOf(parent: Frame | undefined, at: number): CliObject {
    if (parent?.object === undefined) this.fail('INTERNAL', 'collection outside an object', at);
    return parent.object;
  }

  /** Puts a finished node where its parent wants it. */
  private attach(node: CliNode, member: MemberName | undefined, tag: number, at: number): void {
    const parent = this.frames[this.depth - 1];
    if (parent === undefined) {
      this.host.emit(node);
      return;
    }

    switch (parent.tag) {
      case TAG.Objs:
        this.host.emit(node);
        return;
      case TAG.Props:
      case TAG.MS:
        this.addMember(parent, node, member, tag, at);
        return;
      case TAG.En:
        this.setEntryPart(parent, node, member?.name, tag, at);
        return;
      case TAG.Obj:
        this.setObjectValue(parent.object!, node, tag, at);
        return;
      case TAG.PR:
        parent.object!.members.set('currentoperation', node);
        return;
      default:
        parent.items!.push(node);
    }
  }

  private addMember(
    parent: Frame,
    node: CliNode,
    member: MemberName | undefined,
    tag: number,
    at: number,
  ): void {
    if (member === undefined) {
      this.fail(
        'CLIXML_SYNTAX',
        `<${tagName(tag)}> inside <${tagName(parent.tag)}> has no N attribute (member name)`,
        at,
      );
    }

    const members = parent.object!.members;
    const key = member.key;
    // Adapted (Props) members come first in the file; the first of two same-named members wins.
    if (members.has(key)) return;

    members.set(key, node);
    if (parent.tag === TAG.MS) (parent.object!.extendedMembers ??= new Set()).add(key);
  }

  private setEntryPart(
    parent: Frame,
    node: CliNode,
    name: string | undefined,
    tag: number,
    at: number,
  ): void {
    if (name === 'Key' && parent.key === undefined) parent.key = node;
    else if (name === 'Value' && parent.value === undefined) parent.value = node;
    else {
      this.fail(
        'CLIXML_SYNTAX',
        `<${tagName(tag)} N="${name ?? ''}"> inside <En>; expected one N="Key" and one N="Value"`,
        at,
      );
    }
  }

  private setObjectValue(object: CliObject, node: CliNode, tag: number, at: number): void {
    if (node.kind === 'object' || node.kind === 'nil' || object.value !== undefined) {
      this.fail(
        'CLIXML_SYNTAX',
        `unexpected <${tagName(tag)}> inside <Obj>; an object holds at most one primitive value`,
        at,
      );
    }
    object.value = node;
  }

  private closeTypeNames(frame: Frame, at: number): void {
    const typeNames = Object.freeze(frame.typeNames!);
    if (
      frame.typeNameRefId !== undefined &&
      !this.refs.defineTypeNames(frame.typeNameRefId, typeNames)
    ) {
      this.fail(
        'CLIXML_LIMIT',
        'the document defines more type-name lists <TN> than the reader keeps (100000)',
        at,
      );
    }
    frame.object!.typeNames = typeNames;
  }

  private closeEntry(frame: Frame): void {
    if (frame.key === undefined || frame.value === undefined) {
      this.fail(
        'CLIXML_SYNTAX',
        `<En> needs a member N="Key" and a member N="Value"; found ${frame.key === undefined ? 'no Key' : 'no Value'}`,
        frame.at,
      );
    }
    this.frames[this.depth - 1]!.entries!.push({ key: frame.key, value: frame.value });
  }

  private progressField(
    record: CliObject,
    tag: number,
    text: string,
    position: NodePosition,
    at: number,
  ): void {
    const field = progressRecordField(tag, text, position);
    if (field === undefined) {
      this.fail(
        'CLIXML_SYNTAX',
        `expected an integer in <${tagName(tag)}>, found "${text.slice(0, 40)}"`,
        at,
      );
    }
    record.members.set(field.name!.toLowerCase(), field);
  }

  private failMismatchedEnd(tag: number, at: number): never {
    const expected = this.expectedEnd() ?? 'no end tag (nothing is open)';
    return this.fail('CLIXML_SYNTAX', `expected ${expected}, found </${tagName(tag)}>`, at);
  }
}
