/**
 * `npm run collector:table`: writes collector/ExztKinds.psd1 and the export table of
 * docs/collector.md from the registry, so the collector and the importers cannot drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COLLECTOR_TABLE_FILE,
  collectorTableMarkdown,
  collectorTablePsd1,
} from './collector/kind-table.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DOC_FILE = 'docs/collector.md';
const START = '<!-- collector-table:start -->';
const END = '<!-- collector-table:end -->';

/** The doc with its generated table replaced; the rest of the doc is left as written. */
export function withCollectorTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC_FILE} has no ${START} … ${END} section`);
  return `${doc.slice(0, start + START.length)}\n${collectorTableMarkdown()}\n${doc.slice(end)}`;
}

function main(): void {
  writeFileSync(path.join(REPO_ROOT, COLLECTOR_TABLE_FILE), collectorTablePsd1());
  const docPath = path.join(REPO_ROOT, DOC_FILE);
  writeFileSync(docPath, withCollectorTable(readFileSync(docPath, 'utf8')));
  console.log(`wrote ${COLLECTOR_TABLE_FILE} and the table in ${DOC_FILE}`);
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main();
}
