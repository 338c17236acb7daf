/**
 * Writes the sample organisation's evidence bundle: `node dist/scripts/generate-contoso.js
 * [output folder]`, by default examples/contoso in the repository.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildContosoBundle } from './contoso/bundle.js';

/** The repository root, found from this compiled file (dist/scripts/generate-contoso.js). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function writeContosoBundle(outputDir: string): string[] {
  const written: string[] = [];
  for (const [member, bytes] of buildContosoBundle()) {
    const target = path.join(outputDir, ...member.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    written.push(member);
  }
  return written;
}

function main(): void {
  const outputDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'examples', 'contoso'));
  const written = writeContosoBundle(outputDir);
  console.log(`wrote ${written.length} files to ${outputDir}`);
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main();
}
