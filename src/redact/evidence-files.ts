/**
 * The bytes of the files an EvidenceSet was read from, found again by source and member, so
 * redaction rewrites the very files the loader imported (folders, .zip files, loose files).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceFile } from '../evidence/evidence-set.js';
import { readZipTree } from '../evidence/zip-tree.js';
import type { SourceTree } from '../evidence/source-tree.js';
import { ExztError } from '../errors.js';

export class EvidenceFiles {
  private readonly zips = new Map<string, Promise<SourceTree>>();

  constructor(private readonly cwd: string) {}

  async read(file: EvidenceFile): Promise<Buffer> {
    const absolute = path.resolve(this.cwd, file.source);
    const info = await stat(absolute);
    if (info.isDirectory()) return readFile(path.join(absolute, ...file.member.split('/')));
    if (!absolute.toLowerCase().endsWith('.zip')) return readFile(absolute);

    let tree = this.zips.get(absolute);
    if (tree === undefined) {
      tree = readZipTree(file.source, absolute);
      this.zips.set(absolute, tree);
    }
    const member = (await tree).members.find((m) => m.path === file.member);
    if (member === undefined)
      throw new ExztError('INTERNAL', `${file.source}: ${file.member} is gone from the .zip`);
    return member.read();
  }
}
