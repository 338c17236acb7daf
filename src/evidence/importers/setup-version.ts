/**
 * exchange.setup-version: ExSetup.exe's FileVersionInfo, the authoritative installed build
 * (reference/healthchecker-checks.md §1.1). FileVersionRaw is a Version; FileVersion is text with
 * zero padding ("15.02.0986.005").
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asNumber, asString, member } from '../clixml/index.js';
import { memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';

export interface SetupVersion {
  /** Normalised "15.2.1544.39". */
  fileVersion: string;
}

const VERSION_MEMBERS = ['FileVersionRaw', 'FileVersion', 'ProductVersionRaw'];

export function importSetupVersion(document: CliDocument): ImportedValue<SetupVersion> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'FileVersionInfo',
    member: 'FileName',
    description: 'a FileVersionInfo object of ExSetup.exe (Get-Command ExSetup.exe)',
  });
  const fileName = asString(member(object, 'FileName')) ?? '';
  if (!/(^|[\\/])exsetup\.exe$/i.test(fileName)) {
    throw shapeError(document, member(object, 'FileName'), 'the FileName of ExSetup.exe');
  }

  for (const memberName of VERSION_MEMBERS) {
    const fileVersion = normaliseVersion(member(object, memberName));
    const anchor = memberAnchor(object, index, memberName);
    if (fileVersion === undefined || anchor === undefined) continue;

    const anchors: FactAnchor[] = [objectAnchor(object, index), anchor];
    return { value: { fileVersion }, anchors };
  }

  throw shapeError(document, object, `a version in one of ${VERSION_MEMBERS.join(', ')}`);
}

/** A Version, a deserialised System.Version object, or padded text, as "a.b.c.d" without zeros. */
export function normaliseVersion(node: CliNode | undefined): string | undefined {
  if (node?.kind === 'object' && node.value === undefined) {
    const parts = ['Major', 'Minor', 'Build', 'Revision'].map((part) =>
      asNumber(member(node, part)),
    );
    if (parts.some((part) => part === undefined || part < 0)) return undefined;
    return parts.join('.');
  }

  const text = asString(node)?.trim();
  if (text === undefined || !/^\d+(\.\d+){2,3}$/.test(text)) return undefined;
  return text
    .split('.')
    .map((part) => String(Number(part)))
    .join('.');
}
