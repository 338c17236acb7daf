import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, found from this compiled file (dist/test/helpers/paths.js). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Microsoft's sanitised HealthChecker test exports, read in place (never copied in). */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpora/healthchecker');

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
