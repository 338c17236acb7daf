/** Typed values of HealthChecker corpus exports, read through the registry's importers. */
import path from 'node:path';
import { readCliXmlFile, type CliDocument } from '../../../src/evidence/clixml/index.js';
import type { ImportedValue } from '../../../src/evidence/kinds/kind.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

export async function corpusValue<T>(
  relativePath: string,
  importer: (document: CliDocument) => ImportedValue<T>,
): Promise<T> {
  const document = await readCliXmlFile(path.join(CORPUS_DIR, relativePath));
  return importer(document).value;
}
