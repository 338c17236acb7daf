/**
 * Object paths for provenance (`Objs[0].Props.AdminDisplayVersion`). The value model merges a
 * CliXml object's adapted (`Props`) and extended (`MS`) members, so which of the two held a member
 * is read back from the file between the owner's start tag and the member's.
 */
import type { CliNode, CliObject } from './clixml/model.js';

/** One step from the document root: an index into `Objs`, or a member of an object. */
export type AnchorStep = { index: number } | { owner: CliObject; member: string };

/** A node a fact was read from, with the way to it. */
export interface FactAnchor {
  node: CliNode;
  steps: AnchorStep[];
}

/** The file's bytes and encoding, so members can be placed in Props or MS. */
export interface AnchorSource {
  bytes: Uint8Array;
  encoding: 'utf-8' | 'utf-16le';
}

export function describeObjectPath(anchor: FactAnchor, source?: AnchorSource): string {
  let text = 'Objs';
  for (const step of anchor.steps) {
    if ('index' in step) {
      text += `[${step.index}]`;
      continue;
    }

    const container = source === undefined ? undefined : memberContainer(step, source);
    text += container === undefined ? `.${step.member}` : `.${container}.${step.member}`;
  }
  return text;
}

const TAG = /<(\/?)([A-Za-z][\w.]*)[^>]*?(\/?)>/g;

/** `Props` or `MS`: the element that was open at the owner's level where the member starts. */
function memberContainer(
  step: { owner: CliObject; member: string },
  source: AnchorSource,
): string | undefined {
  const child = step.owner.members.get(step.member.toLowerCase());
  if (child === undefined) return undefined;

  const slice = source.bytes.subarray(step.owner.position.offset, child.position.offset);
  const text = Buffer.from(slice).toString(source.encoding === 'utf-8' ? 'utf8' : 'utf16le');
  const open: string[] = [];
  for (const match of text.matchAll(TAG)) {
    const [, closing, name, selfClosing] = match;
    if (name === undefined || selfClosing === '/') continue;
    if (closing === '/') open.pop();
    else open.push(name);
  }

  const container = open[1];
  return container === 'Props' || container === 'MS' ? container : undefined;
}
