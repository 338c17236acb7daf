/**
 * Writes an evidence bundle file by file, as the collector would: CliXml streamed in UTF-16 LE
 * with BOM and CRLF (Windows PowerShell 5.1's Export-Clixml), each file's SHA-256 taken as it is
 * written, and manifest.json at the end. Nothing holds a whole file, so 100,000 mailboxes fit.
 */
import { createHash, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { formatClixmlChunks } from '../../src/evidence/clixml/writer.js';
import type { WritableNode } from '../../src/evidence/clixml/writer-values.js';
import { findKind } from '../../src/evidence/kinds.js';

export interface BundleEntry {
  path: string;
  sha256: string;
  kind: string;
  subject: string;
  command: string;
  collectedAt: string;
}

export interface BundleHeader {
  tool: string;
  toolVersion: string;
  collectedAt: string;
  organization: string;
}

/** A command the collector ran that failed, as manifest.json lists it. */
export interface BundleFailure {
  subject: string;
  kind: string;
  command: string;
  error: string;
}

const UTF16_BOM = Buffer.from([0xff, 0xfe]);
/** Text gathered before one write: big enough for few system calls, small enough to stream. */
const FLUSH_CHARS = 1 << 20;

export class BundleWriter {
  private readonly entries: BundleEntry[] = [];
  private readonly failures: BundleFailure[] = [];
  private bytesWritten = 0;

  constructor(
    private readonly root: string,
    private readonly collectedAt: string,
  ) {}

  get totalBytes(): number {
    return this.bytesWritten;
  }

  /** Streams a CliXml export of `kind` for `subject` to `member` (a bundle path). */
  async writeClixml(
    member: string,
    kind: string,
    subject: string,
    objects: Iterable<WritableNode>,
  ): Promise<void> {
    const file = path.join(this.root, member);
    await mkdir(path.dirname(file), { recursive: true });
    const stream = createWriteStream(file);
    const hash = createHash('sha256');
    await this.put(stream, hash, UTF16_BOM);
    let pending = '';
    for (const chunk of formatClixmlChunks(objects)) {
      pending += chunk;
      if (pending.length < FLUSH_CHARS) continue;
      await this.put(stream, hash, Buffer.from(pending, 'utf16le'));
      pending = '';
    }
    await this.put(stream, hash, Buffer.from(pending, 'utf16le'));
    stream.end();
    await once(stream, 'finish');
    this.record(member, kind, subject, hash.digest('hex'));
  }

  /** A file written as it is (a raw config file). */
  async writeBytes(member: string, kind: string, subject: string, bytes: Buffer): Promise<void> {
    const file = path.join(this.root, member);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    this.bytesWritten += bytes.length;
    this.record(member, kind, subject, createHash('sha256').update(bytes).digest('hex'));
  }

  /** manifest.json, listing every file written, in the order written. */
  async writeManifest(header: BundleHeader): Promise<void> {
    const manifest = {
      schema: 'exzt-bundle/1',
      ...header,
      files: this.entries,
      failures: this.failures,
    };
    await writeFile(
      path.join(this.root, 'manifest.json'),
      `${JSON.stringify(manifest, null, 1)}\n`,
    );
  }

  private async put(
    stream: ReturnType<typeof createWriteStream>,
    hash: Hash,
    bytes: Buffer,
  ): Promise<void> {
    hash.update(bytes);
    this.bytesWritten += bytes.length;
    if (!stream.write(bytes)) await once(stream, 'drain');
  }

  /** A kind the collector could not export for `subject`, and its error. */
  recordFailure(subject: string, kind: string, error: string): void {
    const command = findKind(kind)?.command;
    if (command === undefined) throw new Error(`the kind registry has no ${kind}`);
    this.failures.push({ subject, kind, command, error });
  }

  private record(member: string, kind: string, subject: string, sha256: string): void {
    const command = findKind(kind)?.command;
    if (command === undefined) throw new Error(`the kind registry has no ${kind}`);
    this.entries.push({
      path: member,
      sha256,
      kind,
      subject,
      command,
      collectedAt: this.collectedAt,
    });
  }
}
