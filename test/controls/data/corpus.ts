/**
 * Typed values of real HealthChecker exports, read in place, for the data controls' corpus cases.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCliXml, type CliDocument } from '../../../src/evidence/clixml/index.js';
import { importApplicationHost } from '../../../src/evidence/importers/application-host.js';
import type { ImportedValue } from '../../../src/evidence/kinds/kind.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

export function corpusValue<T>(
  relativePath: string,
  importer: (document: CliDocument) => ImportedValue<T>,
): T {
  const file = path.join(CORPUS_DIR, relativePath);
  return importer(parseCliXml(readFileSync(file), { file })).value;
}

export function corpusApplicationHost(relativePath: string) {
  const file = path.join(CORPUS_DIR, relativePath);
  return importApplicationHost(readFileSync(file, 'utf8'), file).value;
}

/** An Exchange server's identity and build, as the version report reads them. */
export function exchangeServer(build: string, extra: Record<string, unknown> = {}) {
  return {
    'exchange.server': {
      name: 'EX01',
      serverRoles: ['Mailbox'],
      isEdgeServer: false,
      mitigationsApplied: [],
    },
    'exchange.setup-version': { fileVersion: build },
    ...extra,
  };
}
