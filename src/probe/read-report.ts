/**
 * Reads a saved probe report (`exzt probe --format json --out probe.json`) back, so an admin can
 * probe from the internet vantage and assess later. Checked enough that a wrong file is refused
 * with its name and what was expected, never half-read.
 */
import { readFile } from 'node:fs/promises';
import { ExztError } from '../errors.js';
import { PROBE_SCHEMA_VERSION, type ProbeReport } from './model.js';

export async function readProbeReport(
  file: string,
): Promise<{ report: ProbeReport; text: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ExztError('INPUT', `${file}: cannot read the probe report`, { cause: error });
  }
  return { report: parseProbeReport(text, file), text };
}

export function parseProbeReport(text: string, file: string): ProbeReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ExztError(
      'INPUT',
      `${file}: not JSON (${(error as Error).message}); expected the output of exzt probe --format json`,
      { position: { file }, cause: error },
    );
  }
  return checkShape(parsed, file);
}

function checkShape(value: unknown, file: string): ProbeReport {
  const report = value as Partial<ProbeReport> | null;
  const problem =
    typeof report !== 'object' || report === null
      ? 'expected an object'
      : report.tool !== 'exzt' || !Array.isArray(report.targets)
        ? 'expected "tool": "exzt" and a "targets" list (the output of exzt probe --format json)'
        : report.schemaVersion !== PROBE_SCHEMA_VERSION
          ? `schemaVersion ${String(report.schemaVersion)} is not ${PROBE_SCHEMA_VERSION}`
          : typeof report.vantage !== 'string' || typeof report.startedAt !== 'string'
            ? 'expected "vantage" and "startedAt" strings'
            : badTarget(report.targets);
  if (problem !== undefined)
    throw new ExztError('INPUT', `${file}: not a probe report: ${problem}`, { position: { file } });
  return report as ProbeReport;
}

function badTarget(targets: unknown[]): string | undefined {
  const index = targets.findIndex((entry) => {
    const target = (
      entry as { target?: { host?: unknown; port?: unknown; service?: unknown } } | null
    )?.target;
    return (
      typeof target?.host !== 'string' ||
      typeof target.port !== 'number' ||
      (target.service !== 'https' && target.service !== 'smtp')
    );
  });
  return index < 0
    ? undefined
    : `targets[${index}] lacks target.host, target.port or target.service`;
}
