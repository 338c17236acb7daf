/**
 * os.performance-counters: Get-Counter samples (PerformanceCounterSample). Paths are kept as
 * exported, lower-cased by Windows and prefixed with the machine: `\\ex01\memory\available mbytes`.
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asNumber, asString, member } from '../clixml/index.js';
import { objectAnchor, objectsOf, shapeError } from './read.js';

export interface CounterSample {
  path: string;
  cookedValue: number;
}

export function importPerformanceCounters(document: CliDocument): ImportedValue<CounterSample[]> {
  const samples: CounterSample[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const path = asString(member(object, 'Path'));
    const cookedValue = asNumber(member(object, 'CookedValue'));
    if (path === undefined || cookedValue === undefined) {
      throw shapeError(document, object, 'a counter sample with Path and CookedValue');
    }

    samples.push({ path, cookedValue });
    anchors.push(objectAnchor(object, index));
  }

  return { value: samples, anchors };
}

/** The sample of `counter` (`\object\counter`, any machine), compared case-insensitively. */
export function findCounter(
  samples: readonly CounterSample[],
  counter: string,
): CounterSample | undefined {
  const wanted = counter.toLowerCase();
  return samples.find((sample) => {
    const path = sample.path.toLowerCase();
    return path === wanted || (path.startsWith('\\\\') && path.endsWith(wanted));
  });
}
