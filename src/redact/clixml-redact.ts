/**
 * The second pass over a CliXml document: every string, URI, XML and script-block value, every
 * ToString and dictionary key goes through the text redactor; certificates' RawData is replaced
 * by their parsed fields; an IPAddress object's numeric Address follows its redacted text. The
 * document is then written again with the CliXml writer.
 */
import type { CliDocument } from '../evidence/clixml/model.js';
import { writableFromDocument } from '../evidence/clixml/writer-from-document.js';
import {
  i64,
  nil,
  type WritableMember,
  type WritableNode,
  type WritableObject,
  type WritablePrimitive,
} from '../evidence/clixml/writer-values.js';
import { encodeClixml } from '../evidence/clixml/writer.js';
import { parseAddress } from './address-text.js';
import { certificateOf, REDACTED_CERTIFICATE_MEMBER, redactedCertificate } from './certificate.js';
import type { TextRedactor } from './text-redactor.js';

/** Member names whose dotted numbers are versions, never addresses. */
const VERSION_MEMBER = /version|build/i;

export function redactClixml(document: CliDocument, redactor: TextRedactor): Buffer {
  const nodes = writableFromDocument(document);
  const walker = new Walker(redactor);
  const redacted = nodes.map((node) => walker.node(node, ''));
  return encodeClixml(redacted, { encoding: document.encoding, bom: document.bom });
}

class Walker {
  private readonly seen = new Set<WritableObject>();

  constructor(private readonly redactor: TextRedactor) {}

  node(node: WritableNode, name: string): WritableNode {
    if (node.kind === 'object') {
      this.object(node);
      return node;
    }
    return this.primitive(node, name);
  }

  private primitive(node: WritablePrimitive, name: string): WritablePrimitive {
    const noAddresses = VERSION_MEMBER.test(name);
    switch (node.kind) {
      case 'string':
        return node.tag === 'C' ? node : { ...node, value: this.text(node.value, noAddresses) };
      case 'uri':
      case 'xml':
      case 'scriptblock':
        return { ...node, value: this.text(node.value, noAddresses) };
      default:
        return node;
    }
  }

  private object(object: WritableObject): void {
    if (this.seen.has(object)) return;
    this.seen.add(object);
    const target = object as {
      -readonly [K in keyof WritableObject]: WritableObject[K];
    };
    if (object.toStringText !== undefined)
      target.toStringText = this.text(object.toStringText, false);
    if (object.value !== undefined) target.value = this.primitive(object.value, '');
    if (object.items !== undefined) target.items = object.items.map((item) => this.node(item, ''));
    if (object.entries !== undefined)
      target.entries = object.entries.map((entry) => ({
        key: this.node(entry.key, ''),
        value: this.node(entry.value, ''),
      }));
    const added: WritableMember[] = [];
    target.adapted = this.members(object.adapted, added);
    target.extended = [...this.members(object.extended, added), ...added];
    fixNumericAddress(target);
  }

  private members(members: readonly WritableMember[], added: WritableMember[]): WritableMember[] {
    return members.map((member) => {
      if (member.name.toLowerCase() === 'rawdata' && member.value.kind === 'bytes') {
        const facts = certificateOf(member.value.base64);
        if (facts !== undefined) {
          const replacement = redactedCertificate(facts, this.redactor);
          added.push({ name: REDACTED_CERTIFICATE_MEMBER, value: replacement });
          return { name: member.name, value: nil() };
        }
        // TODO(#5): other binary members (a RawData that is no certificate, SIDs, ACLs) are
        // kept as they are; they hold no names exzt reads, but could hold names.
      }
      return { name: member.name, value: this.node(member.value, member.name) };
    });
  }

  private text(value: string, noAddresses: boolean): string {
    return this.redactor.redact(value, { noAddresses });
  }
}

/** System.Net.IPAddress carries the IPv4 address as a number too: recompute it. */
function fixNumericAddress(object: { adapted: readonly WritableMember[] }): void {
  const text = object.adapted.find((m) => m.name === 'IPAddressToString')?.value;
  const index = object.adapted.findIndex((m) => m.name === 'Address');
  if (text?.kind !== 'string' || index < 0) return;
  const parsed = parseAddress(text.value);
  if (parsed?.version !== 4) return;
  const number = parsed.bytes.readUInt32LE(0);
  const members = object.adapted as WritableMember[];
  members[index] = { name: 'Address', value: i64(number) };
}
