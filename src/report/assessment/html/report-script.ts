/**
 * The report's one inline script, assembled from the browser modules beside it: every exported
 * function of browser/*.ts is written out by its own source (Function.prototype.toString gives
 * the compiled text), inside one strict IIFE that ends by calling main(). The modules stay
 * TypeScript, type-checked and linted like the rest; csp.ts hashes exactly these bytes.
 */
import * as appState from './browser/app-state.js';
import * as dom from './browser/dom.js';
import * as findings from './browser/findings.js';
import * as frameworks from './browser/frameworks.js';
import * as entry from './browser/main.js';
import * as overview from './browser/overview.js';
import * as resultDetail from './browser/result-detail.js';

const MODULES = { appState, dom, findings, frameworks, entry, overview, resultDetail };

export function browserFunctions(): Array<[string, (...args: never[]) => unknown]> {
  const functions: Array<[string, (...args: never[]) => unknown]> = [];
  const seen = new Set<string>();
  for (const [moduleName, exported] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value !== 'function') {
        throw new Error(`browser/${moduleName}: export ${name} is not a function`);
      }
      // Names share one scope in the report: a second `el` would silently replace the first.
      if (seen.has(name)) throw new Error(`browser/${moduleName}: ${name} is exported twice`);
      seen.add(name);
      functions.push([name, value as (...args: never[]) => unknown]);
    }
  }
  return functions.sort(([a], [b]) => a.localeCompare(b));
}

export const REPORT_SCRIPT = [
  '(function () {',
  "'use strict';",
  ...browserFunctions().map(([, fn]) => fn.toString()),
  'main();',
  '})();',
].join('\n');
