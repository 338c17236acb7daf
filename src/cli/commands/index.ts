import type { Command } from '../command.js';
import { assessCommand } from './assess.js';
import { kbInfoCommand } from './kb-info.js';
import { evidenceInspectCommand } from './evidence-inspect.js';
import { evidenceVerifyCommand } from './evidence-verify.js';
import { evidenceRedactCommand } from './evidence-redact.js';
import { versionReportCommand } from './version-report.js';
import { policyInitCommand } from './policy-init.js';
import { policyValidateCommand } from './policy-validate.js';
import { policyExplainCommand } from './policy-explain.js';
import { renderCommand } from './render.js';
import { diffCommand } from './diff.js';
import { logsScanCommand } from './logs-scan.js';
import { probeCommand } from './probe.js';

/** Every command exzt has; `exzt --help` lists them in this order. */
export const COMMANDS: Command[] = [
  assessCommand,
  renderCommand,
  diffCommand,
  versionReportCommand,
  evidenceInspectCommand,
  evidenceVerifyCommand,
  evidenceRedactCommand,
  kbInfoCommand,
  policyInitCommand,
  policyValidateCommand,
  policyExplainCommand,
  logsScanCommand,
  probeCommand,
];
