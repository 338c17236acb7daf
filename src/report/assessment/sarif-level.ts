/**
 * The one place a severity and verdict become a SARIF level and kind (SARIF 2.1.0 §3.27.9,
 * §3.27.10) and a `security-severity` score, which code-scanning dashboards rank by (GitHub reads
 * it as a CVSS-like number: 9.0 and above is critical, 7.0 high, 4.0 medium, above 0 low).
 */
import type { Severity } from '../../controls/model.js';
import type { Verdict } from '../../engine/assess/result.js';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';
export type SarifKind = 'fail' | 'open' | 'review' | 'pass' | 'notApplicable';

/** What a failed must-control of each severity is. */
const FAIL_LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** A failed should-control warns: one step below a failed must-control, never an error. */
const WARN_LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  critical: 'warning',
  high: 'warning',
  medium: 'note',
  low: 'note',
  info: 'note',
};

const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

export function sarifLevel(severity: Severity, verdict: Verdict): SarifLevel {
  if (verdict === 'fail' || verdict === 'waived') return FAIL_LEVEL[severity];
  if (verdict === 'warn') return WARN_LEVEL[severity];

  // §3.27.10: a result whose kind is not "fail" has level "none".
  return 'none';
}

/** not-assessed and error are "open": the tool could not tell, and says so. */
export function sarifKind(verdict: Verdict): SarifKind {
  switch (verdict) {
    case 'fail':
    case 'warn':
    case 'waived':
      return 'fail';
    case 'pass':
      return 'pass';
    case 'not-applicable':
      return 'notApplicable';
    case 'not-assessed':
    case 'error':
      return 'open';
  }
}

export function securitySeverity(severity: Severity): string {
  return SECURITY_SEVERITY[severity];
}
