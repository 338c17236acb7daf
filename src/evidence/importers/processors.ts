/**
 * hardware.processor: Win32_Processor, one object per socket. HealthChecker sums NumberOfCores
 * and NumberOfLogicalProcessors over the sockets (healthchecker-checks.md §14.5).
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asNumber, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, shapeError } from './read.js';

export interface Processor {
  name: string;
  numberOfCores: number;
  numberOfLogicalProcessors: number;
  /** MHz. */
  maxClockSpeed?: number;
}

const EXPECTED = 'a Win32_Processor object with NumberOfCores and NumberOfLogicalProcessors';

export function importProcessors(document: CliDocument): ImportedValue<Processor[]> {
  const processors: Processor[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const numberOfCores = asNumber(member(object, 'NumberOfCores'));
    const numberOfLogicalProcessors = asNumber(member(object, 'NumberOfLogicalProcessors'));
    if (numberOfCores === undefined || numberOfLogicalProcessors === undefined) {
      throw shapeError(document, object, EXPECTED);
    }

    const name = asString(member(object, 'Name'))?.trim() ?? '';
    const processor: Processor = { name, numberOfCores, numberOfLogicalProcessors };
    assignDefined(processor, 'maxClockSpeed', asNumber(member(object, 'MaxClockSpeed')));
    processors.push(processor);
    anchors.push(objectAnchor(object, index));
  }

  if (processors.length === 0) throw shapeError(document, document.objects[0], EXPECTED);
  return { value: processors, anchors };
}
