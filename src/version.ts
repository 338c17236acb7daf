import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package version, read once from package.json (two levels up from dist/src). */
export const EXZT_VERSION: string = (() => {
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const manifest = require(candidate) as { name?: string; version?: string };
      if (manifest.name === 'exzt' && manifest.version !== undefined) return manifest.version;
    } catch {
      // try the next layout (source vs compiled)
    }
  }
  return '0.0.0';
})();
