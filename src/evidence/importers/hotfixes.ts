/**
 * os.hotfixes: Get-HotFix (Win32_QuickFixEngineering). InstalledOn is a DateTime script property
 * in MS and a "M/d/yyyy" string in Props; either may be what survives the export.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, shapeError } from './read.js';

export interface HotFix {
  hotFixId: string;
  description?: string;
  /** ISO date, yyyy-mm-dd. */
  installedOn?: string;
}

export function importHotFixes(document: CliDocument): ImportedValue<HotFix[]> {
  const hotFixes: HotFix[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const hotFixId = asString(member(object, 'HotFixID'));
    if (hotFixId === undefined || hotFixId === '') {
      throw shapeError(document, object, 'a Win32_QuickFixEngineering object with a HotFixID');
    }

    const hotFix: HotFix = { hotFixId };
    assignDefined(hotFix, 'description', asString(member(object, 'Description')));
    assignDefined(hotFix, 'installedOn', installedOn(member(object, 'InstalledOn')));
    hotFixes.push(hotFix);
    anchors.push(objectAnchor(object, index));
  }

  return { value: hotFixes, anchors };
}

function installedOn(node: CliNode | undefined): string | undefined {
  if (node?.kind === 'datetime') return node.text.slice(0, 10);

  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(asString(node)?.trim() ?? '');
  if (match === null) return undefined;
  const [, month = '', day = '', year = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
