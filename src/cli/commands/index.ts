import type { Command } from '../command.js';

/**
 * A command as `exzt --help` lists it; its module is loaded only when it runs, so a command
 * starts without loading every other command's code (~390 modules for all of them).
 */
export interface CommandEntry {
  /** Words that select the command, e.g. ['evidence', 'inspect']. */
  path: string[];
  summary: string;
  load(): Promise<Command>;
}

/** Every command exzt has; `exzt --help` lists them in this order. */
export const COMMANDS: CommandEntry[] = [
  {
    path: ['assess'],
    summary: 'check the evidence against the Zero Trust policy, area by area',
    load: async () => (await import('./assess.js')).assessCommand,
  },
  {
    path: ['render'],
    summary: 're-render a saved assessment (JSON) in any report format',
    load: async () => (await import('./render.js')).renderCommand,
  },
  {
    path: ['diff'],
    summary: 'what changed between two saved assessments; exit 1 on a regression',
    load: async () => (await import('./diff.js')).diffCommand,
  },
  {
    path: ['version-report'],
    summary: 'builds, SU level and activation, and open CVEs per server',
    load: async () => (await import('./version-report.js')).versionReportCommand,
  },
  {
    path: ['evidence', 'inspect'],
    summary: 'show what evidence was found, its status and provenance',
    load: async () => (await import('./evidence-inspect.js')).evidenceInspectCommand,
  },
  {
    path: ['evidence', 'verify'],
    summary: 'check a bundle against its manifest and the manifest signature',
    load: async () => (await import('./evidence-verify.js')).evidenceVerifyCommand,
  },
  {
    path: ['evidence', 'redact'],
    summary: 'pseudonymise names and addresses in evidence under your key, to share it',
    load: async () => (await import('./evidence-redact.js')).evidenceRedactCommand,
  },
  {
    path: ['kb', 'info'],
    summary: 'show what the Exchange knowledge base holds and how old it is',
    load: async () => (await import('./kb-info.js')).kbInfoCommand,
  },
  {
    path: ['policy', 'init'],
    summary: 'write the default Zero Trust policy, every key commented',
    load: async () => (await import('./policy-init.js')).policyInitCommand,
  },
  {
    path: ['policy', 'validate'],
    summary: 'check a policy, waivers and attestations, reporting every mistake at once',
    load: async () => (await import('./policy-validate.js')).policyValidateCommand,
  },
  {
    path: ['policy', 'explain'],
    summary:
      'explain a control: why, how to fix it, evidence, mappings and the policy keys it reads',
    load: async () => (await import('./policy-explain.js')).policyExplainCommand,
  },
  {
    path: ['logs', 'scan'],
    summary: 'hunt IIS and Exchange logs for compromise; with --policy, check usage against it',
    load: async () => (await import('./logs-scan.js')).logsScanCommand,
  },
  {
    path: ['probe'],
    summary: 'look at Exchange from the network, without credentials (HTTPS, TLS, SMTP)',
    load: async () => (await import('./probe.js')).probeCommand,
  },
];
