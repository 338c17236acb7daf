/**
 * os.dotnet-file-versions: the file versions of System.Data.dll and System.Configuration.dll in
 * the .NET Framework 4 folder, as HealthChecker exports them: a hashtable keyed by file name,
 * each entry with VersionInfo (File*Part numbers) and LastWriteTimeUtc.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asDate, asNumber, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, shapeError } from './read.js';

export interface DotNetFileVersion {
  file: string;
  /** "4.8.3761.0", from FileMajorPart … FilePrivatePart. */
  fileVersion: string;
  /** ISO 8601, UTC. */
  lastWriteTimeUtc?: string;
}

const EXPECTED =
  'a hashtable of file name → { VersionInfo, LastWriteTimeUtc } (.NET file versions)';

export function importDotNetFileVersions(
  document: CliDocument,
): ImportedValue<DotNetFileVersion[]> {
  const first = objectsOf(document)[0];
  if (first === undefined || first.object.entries === undefined) {
    throw shapeError(document, first?.object ?? document.objects[0], EXPECTED);
  }

  const files = first.object.entries.map((entry) =>
    readFile(document, asString(entry.key), entry.value),
  );
  return {
    value: files.sort((a, b) => a.file.localeCompare(b.file)),
    anchors: [objectAnchor(first.object, first.index)],
  };
}

function readFile(
  document: CliDocument,
  file: string | undefined,
  node: CliNode,
): DotNetFileVersion {
  const versionInfo = member(node, 'VersionInfo');
  const parts = ['FileMajorPart', 'FileMinorPart', 'FileBuildPart', 'FilePrivatePart'].map((part) =>
    asNumber(member(versionInfo, part)),
  );
  if (file === undefined || parts.some((part) => part === undefined)) {
    throw shapeError(document, node, `${file ?? 'an entry'} with VersionInfo File*Part numbers`);
  }

  const value: DotNetFileVersion = { file, fileVersion: parts.join('.') };
  const written = asDate(member(node, 'LastWriteTimeUtc'));
  assignDefined(value, 'lastWriteTimeUtc', written === undefined ? undefined : isoOf(written));
  return value;
}

function isoOf(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
