/**
 * The Assessment as JSON, written piece by piece: an estate of 200 servers and 100,000 mailboxes
 * gives a document of a hundred megabytes or more, which should never sit in memory as one
 * string. The bytes are those of JSON.stringify(assessment, null, 2).
 */
import type { Assessment } from '../../engine/assess/assessment.js';

export function* assessmentJsonChunks(assessment: Assessment): Generator<string> {
  const entries = Object.entries(assessment);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    const separator = index < entries.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [position, item] of value.entries()) {
        const comma = position < value.length - 1 ? ',' : '';
        yield `    ${indented(JSON.stringify(item, null, 2), '    ')}${comma}\n`;
      }
      yield `  ]${separator}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indented(JSON.stringify(value, null, 2), '  ')}${separator}`;
    }
  }
  yield '}\n';
}

function indented(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
