/**
 * manifest.json of an evidence bundle (docs/evidence-bundle.md): what was collected, by what,
 * when, with each file's SHA-256, and every command that failed.
 */
import { ExztError } from '../errors.js';
import {
  JsonSyntaxError,
  parseJsonWithPositions,
  type JsonLocation,
  type JsonValue,
  type PositionedJson,
} from './json-positions.js';

export const MANIFEST_SCHEMA = 'exzt-bundle/1';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestFile {
  /** Bundle member path, forward slashes, e.g. `servers/EX01/exchange.server.xml`. */
  path: string;
  sha256: string;
  kind?: string;
  subject?: string;
  command?: string;
  collectedAt?: string;
}

export interface ManifestFailure {
  kind: string;
  subject?: string;
  command?: string;
  error: string;
}

export interface Manifest {
  schema: string;
  tool?: string;
  toolVersion?: string;
  collectedAt?: string;
  organization?: string;
  files: ManifestFile[];
  failures: ManifestFailure[];
}

type JsonObject = { [key: string]: JsonValue };

/** Parses and checks a manifest; every error is a MANIFEST error at the offending value. */
export function parseManifest(bytes: Uint8Array, file: string): Manifest {
  const parsed = parseJson(bytes, file);
  const reader = new ManifestReader(parsed, file);
  const root = reader.object('');
  const schema = reader.string(root, '', 'schema', true);
  if (schema !== MANIFEST_SCHEMA) {
    throw reader.error('schema', `schema is '${schema}', expected '${MANIFEST_SCHEMA}'`);
  }

  const manifest: Manifest = {
    schema,
    files: reader.array(root, '', 'files', true).map((_, i) => reader.file(`files[${i}]`)),
    failures: reader
      .array(root, '', 'failures', false)
      .map((_, i) => reader.failure(`failures[${i}]`)),
  };
  for (const key of ['tool', 'toolVersion', 'organization'] as const) {
    const text = reader.string(root, '', key, false);
    if (text !== undefined) manifest[key] = text;
  }
  const collectedAt = reader.timestamp(root, '', 'collectedAt');
  if (collectedAt !== undefined) manifest.collectedAt = collectedAt;
  return manifest;
}

/**
 * The manifest's value, read by JSON.parse (a collector's manifest lists every file, ~20,000 on
 * a large estate, and the positioned parser took 0.73 s on 19,561 of them, before any import
 * could start);
 * where each value stands is worked out only when an error needs it.
 */
interface ManifestJson {
  value: JsonValue;
  locations: () => Map<string, JsonLocation>;
}

function parseJson(bytes: Uint8Array, file: string): ManifestJson {
  const text = Buffer.from(bytes).toString('utf8');
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    // JSON.parse in Node 20 does not always say where it failed: the positioned parser does.
    positioned(text, file);
    throw new ExztError('MANIFEST', `${MANIFEST_FILE} is not valid JSON: ${String(error)}`, {
      position: { file },
      cause: error,
    });
  }
  let locations: Map<string, JsonLocation> | undefined;
  return { value, locations: () => (locations ??= positioned(text, file).locations) };
}

function positioned(text: string, file: string): PositionedJson {
  try {
    return parseJsonWithPositions(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ExztError('MANIFEST', `${MANIFEST_FILE} is not valid JSON: ${error.message}`, {
      position: { file, ...error.location },
      cause: error,
    });
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

class ManifestReader {
  constructor(
    private readonly parsed: ManifestJson,
    private readonly manifestFile: string,
  ) {}

  error(path: string, message: string): ExztError {
    const location: JsonLocation | undefined = this.parsed.locations().get(path);
    return new ExztError('MANIFEST', `${MANIFEST_FILE}: ${message}`, {
      position: { file: this.manifestFile, ...location },
    });
  }

  object(path: string): JsonObject {
    const value = this.valueAt(path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw this.error(path, `${path || 'the document'} must be a JSON object`);
    }
    return value;
  }

  string(owner: JsonObject, path: string, key: string, required: true): string;
  string(owner: JsonObject, path: string, key: string, required: boolean): string | undefined;
  string(owner: JsonObject, path: string, key: string, required: boolean): string | undefined {
    const value = owner[key];
    const at = join(path, key);
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string') {
      const where = value === undefined ? path : at;
      throw this.error(
        where,
        `${at} must be a string${value === undefined ? ' and is missing' : ''}`,
      );
    }
    return value;
  }

  array(owner: JsonObject, path: string, key: string, required: boolean): JsonValue[] {
    const value = owner[key];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value))
      throw this.error(join(path, key), `${join(path, key)} must be an array`);
    return value;
  }

  timestamp(owner: JsonObject, path: string, key: string): string | undefined {
    const text = this.string(owner, path, key, false);
    if (text !== undefined && Number.isNaN(Date.parse(text))) {
      throw this.error(join(path, key), `${join(path, key)} '${text}' is not an ISO 8601 time`);
    }
    return text;
  }

  file(path: string): ManifestFile {
    const entry = this.object(path);
    const memberPath = this.string(entry, path, 'path', true);
    const sha256 = this.string(entry, path, 'sha256', true).toLowerCase();
    if (!SHA256.test(sha256)) {
      throw this.error(`${path}.sha256`, `${path}.sha256 must be 64 hexadecimal digits`);
    }

    const file: ManifestFile = { path: memberPath.replace(/\\/g, '/'), sha256 };
    for (const key of ['kind', 'subject', 'command'] as const) {
      const text = this.string(entry, path, key, false);
      if (text !== undefined) file[key] = text;
    }
    const collectedAt = this.timestamp(entry, path, 'collectedAt');
    if (collectedAt !== undefined) file.collectedAt = collectedAt;
    return file;
  }

  failure(path: string): ManifestFailure {
    const entry = this.object(path);
    const failure: ManifestFailure = {
      kind: this.string(entry, path, 'kind', true),
      error: this.string(entry, path, 'error', true),
    };
    for (const key of ['subject', 'command'] as const) {
      const text = this.string(entry, path, key, false);
      if (text !== undefined) failure[key] = text;
    }
    return failure;
  }

  private valueAt(path: string): JsonValue | undefined {
    let value: JsonValue | undefined = this.parsed.value;
    for (const step of path.match(/[^.[\]]+/g) ?? []) {
      if (value === null || typeof value !== 'object') return undefined;
      value = Array.isArray(value) ? value[Number(step)] : value[step];
    }
    return value;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
