import assert from 'node:assert/strict';
import { ExztError } from '../../src/errors.js';
import { parseCliXml, type CliDocument } from '../../src/evidence/clixml/index.js';

export const POWERSHELL_NAMESPACE = 'http://schemas.microsoft.com/powershell/2004/04';

/** A CliXml document around `body`; the body starts on line 2. */
export function cliXml(body: string): string {
  return `<Objs Version="1.1.0.1" xmlns="${POWERSHELL_NAMESPACE}">\n${body}\n</Objs>`;
}

export function parseText(
  text: string,
  options: {
    maxDepth?: number;
    maxStringChars?: number;
    refWindow?: number;
    keepRefTargets?: boolean;
    countRefs?: boolean;
  } = {},
): CliDocument {
  return parseCliXml(Buffer.from(text, 'utf8'), { file: 'case.xml', ...options });
}

/** Asserts `action` throws an ExztError with this code, line:column and message. */
export function assertCliXmlError(
  action: () => unknown,
  expected: { code: string; line: number; column: number; message: RegExp },
): ExztError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof ExztError, `expected an ExztError, got ${String(thrown)}`);
  assert.equal(thrown.code, expected.code, thrown.message);
  assert.equal(thrown.position?.file, 'case.xml');
  assert.deepEqual(
    [thrown.position?.line, thrown.position?.column],
    [expected.line, expected.column],
    thrown.message,
  );
  assert.match(thrown.message, expected.message);
  return thrown;
}
