/**
 * The probe's limits as the user sets them (--concurrency, --rate, --timeout, --deadline,
 * --from), checked once for `exzt probe` and `exzt assess --probe` alike.
 */
import { ExztError } from '../errors.js';

export interface ProbeLimits {
  vantage: string;
  concurrency: number;
  ratePerSecond: number;
  timeoutMs: number;
  deadlineS: number;
}

export const DEFAULT_LIMITS: ProbeLimits = {
  vantage: 'unspecified',
  concurrency: 8,
  ratePerSecond: 20,
  timeoutMs: 5000,
  deadlineS: 300,
};

export interface LimitOptions {
  from?: string;
  concurrency?: string;
  rate?: string;
  timeout?: string;
  deadline?: string;
}

export function parseLimits(options: LimitOptions): ProbeLimits {
  const vantage = options.from ?? DEFAULT_LIMITS.vantage;
  if (!/^[A-Za-z0-9_.-]+$/.test(vantage)) {
    throw new ExztError(
      'USAGE',
      `--from ${vantage}: expected "internet" or a network name of the policy`,
    );
  }
  return {
    vantage,
    concurrency: number('--concurrency', options.concurrency, DEFAULT_LIMITS.concurrency, 1, 256),
    ratePerSecond: number(
      '--rate',
      options.rate?.replace(/\/s$/, ''),
      DEFAULT_LIMITS.ratePerSecond,
      0.1,
      1000,
    ),
    timeoutMs: number('--timeout', options.timeout, DEFAULT_LIMITS.timeoutMs, 50, 120_000),
    deadlineS: number('--deadline', options.deadline, DEFAULT_LIMITS.deadlineS, 1, 86_400),
  };
}

function number(
  option: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ExztError('USAGE', `${option} ${text}: expected a number from ${min} to ${max}`);
  }
  return value;
}
