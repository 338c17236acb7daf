/**
 * The fast-xml-parser side of the benchmark: reads the whole file into one string, parses it
 * into a JavaScript object and prints how many <Obj> children <Objs> has. It holds the whole
 * document in memory, so the benchmark runs it on the ~100 MB files only.
 * Usage: node dist/bench/clixml/read-fxp.js <file>
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

function decodeFile(file: string): string {
  const bytes = readFileSync(file);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

function countObjects(file: string): number {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'Obj' });
  const document = parser.parse(decodeFile(file)) as { Objs?: { Obj?: unknown[] } };
  return document.Objs?.Obj?.length ?? 0;
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node dist/bench/clixml/read-fxp.js <file>');
  process.exitCode = 2;
} else {
  console.log(countObjects(file));
}
