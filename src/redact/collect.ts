/**
 * The first pass of redaction: the names the evidence holds, from the members the table of
 * sensitive properties marks (src/evidence/kinds/sensitive-properties.ts), from certificates,
 * and from the subjects (server names, the organisation).
 */
import { asString, asStringList } from '../evidence/clixml/access.js';
import type { CliDocument, CliNode, CliObject } from '../evidence/clixml/model.js';
import { cellAt, findColumn, parseCsv } from '../evidence/csv/csv-table.js';
import {
  SENSITIVE_COLUMNS,
  sensitiveMembersOf,
  type SensitiveClass,
  type SensitiveProperty,
} from '../evidence/kinds/sensitive-properties.js';
import { certificateOf } from './certificate.js';
import { addDomain, addHost, addUser, type Vocabulary } from './vocabulary.js';

export function addName(vocabulary: Vocabulary, holds: SensitiveClass, value: string): void {
  if (holds === 'host') addHost(vocabulary, value);
  else if (holds === 'domain') addDomain(vocabulary, value);
  else if (holds === 'user') addUser(vocabulary, value);
  else if (/^[0-9a-f]{40}$/i.test(value)) vocabulary.thumbprints.add(value.toLowerCase());
}

export function collectFromDocument(
  vocabulary: Vocabulary,
  kind: string,
  document: CliDocument,
): void {
  const table = sensitiveMembersOf(kind);
  const seen = new Set<CliObject>();
  for (const node of document.objects) visit(node, table, vocabulary, seen);
}

function visit(
  node: CliNode,
  table: Map<string, SensitiveProperty>,
  vocabulary: Vocabulary,
  seen: Set<CliObject>,
): void {
  if (node.kind !== 'object' || seen.has(node)) return;
  seen.add(node);
  for (const [name, value] of node.members) {
    const entry = table.get(name);
    if (entry !== undefined && applies(entry, node)) {
      for (const text of textsOf(value)) addName(vocabulary, entry.holds, text);
    }
    if (name === 'rawdata' && value.kind === 'bytes') collectCertificate(vocabulary, value.base64);
    visit(value, table, vocabulary, seen);
  }
  for (const item of node.items ?? []) visit(item, table, vocabulary, seen);
  for (const entry of node.entries ?? []) visit(entry.value, table, vocabulary, seen);
}

function applies(entry: SensitiveProperty, object: CliObject): boolean {
  if (entry.when === undefined) return true;
  const other = asString(object.members.get(entry.when.member.toLowerCase()));
  return other?.toLowerCase() === entry.when.equals.toLowerCase();
}

function textsOf(node: CliNode): string[] {
  const list = asStringList(node);
  if (list !== undefined) return list;
  const text = asString(node);
  return text === undefined ? [] : [text];
}

function collectCertificate(vocabulary: Vocabulary, base64: string): void {
  const facts = certificateOf(base64);
  if (facts === undefined) return;
  vocabulary.thumbprints.add(facts.thumbprint.toLowerCase());
  for (const name of facts.dnsNames) addHost(vocabulary, name);
}

/** CSV inventories: the columns the table names. */
export function collectFromCsv(
  vocabulary: Vocabulary,
  kind: string,
  text: string,
  file: string,
): void {
  const columns = SENSITIVE_COLUMNS.filter((entry) => entry.kind === kind);
  if (columns.length === 0) return;
  const table = parseCsv(text, file);
  for (const column of columns) {
    const index = findColumn(table, [column.column]);
    for (const row of table.rows) {
      const value = cellAt(row, index);
      if (value !== undefined) addName(vocabulary, column.holds, value);
    }
  }
}
