/**
 * The exzt side of the benchmark: streams one Export-Clixml file through the reader and prints
 * the number of top-level objects. Usage: node dist/bench/clixml/read.js <file>
 */
import { streamCliXml } from '../../src/evidence/clixml/index.js';

async function countObjects(file: string): Promise<number> {
  let count = 0;
  for await (const node of streamCliXml(file, { file })) {
    if (node.kind === 'object') count++;
  }
  return count;
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node dist/bench/clixml/read.js <file>');
  process.exitCode = 2;
} else {
  console.log(await countObjects(file));
}
