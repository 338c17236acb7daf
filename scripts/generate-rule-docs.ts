/** Writes docs/rules/<id>.md for every control: `npm run docs:rules`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTROLS } from '../src/controls/catalogue.js';
import { renderRuleDoc } from '../src/controls/rule-doc.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folder = path.join(REPO_ROOT, 'docs', 'rules');
mkdirSync(folder, { recursive: true });
for (const control of CONTROLS) {
  writeFileSync(path.join(folder, `${control.id}.md`), renderRuleDoc(control));
}
console.log(`wrote ${CONTROLS.length} rule pages to ${folder}`);
