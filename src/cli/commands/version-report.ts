/**
 * `exzt version-report <evidence…>`: which build each server runs, whether the latest SU is
 * installed and active, and which CVEs are still open.
 */
import { DEFAULT_POLICY } from '../../policy/defaults.js';
import type { RedactionKey } from '../../redact/key.js';
import { redactInputs } from '../../redact/redact-inputs.js';
import { REDACT_OPTIONS, REDACT_USAGE, keyFromContext } from '../redact-option.js';
import { ExztError } from '../../errors.js';
import {
  buildVersionReport,
  type ServerVersionRow,
  type VersionReport,
} from '../../engine/version-report/index.js';
import type { EvidenceSet } from '../../evidence/evidence-set.js';
import {
  renderVersionReportCsv,
  renderVersionReportJson,
  renderVersionReportMarkdown,
  renderVersionReportText,
} from '../../report/version-report/index.js';
import { ansiPaint, noPaint } from '../../report/text-table.js';
import { stringOption, type Command, type CommandContext } from '../command.js';
import {
  EVIDENCE_OPTIONS,
  EVIDENCE_USAGE,
  asOfFromContext,
  loadEvidenceFromContext,
} from '../evidence-options.js';

const FORMATS = ['text', 'json', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];

/** What makes the command exit 1, for CI; `none` never does. */
const FAIL_ON: Record<string, (server: ServerVersionRow) => boolean> = {
  none: () => false,
  'known-exploited': (server) => server.cveCounts.knownExploitedOpen > 0,
  exposed: (server) => server.cveCounts.exposed > 0 || server.cveCounts.knownExploitedOpen > 0,
  'out-of-date': (server) =>
    server.status !== 'supported' || server.reboot.suActivation === 'restart-needed',
  'end-of-life': (server) => server.status === 'end-of-life',
};

export const versionReportCommand: Command = {
  usage: [
    'Usage: exzt version-report <evidence>... [--format text|json|csv|md] [--as-of DATE]',
    '                           [--fail-on none|known-exploited|exposed|out-of-date|end-of-life]',
    '',
    'Evidence: bundles (folder or .zip), HealthChecker-layout folders, or loose CliXml exports.',
    '  --format FORMAT   text (a table; colour on a terminal), json (docs/version-report.md),',
    '                    csv or md (default text)',
    "  --as-of DATE      judge ages against this date instead of the evidence's collected-at",
    '  --fail-on LEVEL   exit 1 when any server is at this level (default none)',
    EVIDENCE_USAGE,
    REDACT_USAGE,
  ].join('\n'),
  options: {
    ...REDACT_OPTIONS,
    ...EVIDENCE_OPTIONS,
    format: { type: 'string' },
    'as-of': { type: 'string' },
    'fail-on': { type: 'string' },
  },
  run: runVersionReport,
};

/** The same redaction as assess's, with the default policy's service-account patterns. */
async function redactedEvidence(
  evidence: EvidenceSet,
  key: RedactionKey,
  cwd: string,
): Promise<EvidenceSet> {
  const policySource = { file: null, hash: null };
  const inputs = { evidence, policy: DEFAULT_POLICY, waivers: [], attestations: [], policySource };
  return (await redactInputs(inputs, key, cwd)).evidence;
}

async function runVersionReport(context: CommandContext): Promise<number> {
  const format = chosenFormat(stringOption(context, 'format'));
  const failOn = stringOption(context, 'fail-on') ?? 'none';
  const failing = FAIL_ON[failOn];
  if (failing === undefined) {
    throw new ExztError(
      'USAGE',
      `--fail-on ${failOn}: expected one of ${Object.keys(FAIL_ON).join(', ')}`,
    );
  }

  const key = await keyFromContext(context);
  // The report reads typed kinds only: files of kinds no importer reads are hashed, not parsed.
  const loaded = await loadEvidenceFromContext(context, { parseUnreadKinds: false });
  const evidence = key === undefined ? loaded : await redactedEvidence(loaded, key, context.cwd);
  const report = buildVersionReport(evidence, asOfFromContext(context, evidence));
  warnAbout(report, evidence, context);
  context.stdout.write(render(report, format, context.colour));
  return report.servers.some(failing) ? 1 : 0;
}

function chosenFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ExztError('USAGE', `--format ${format}: expected one of ${FORMATS.join(', ')}`);
  }
  return format as Format;
}

function warnAbout(report: VersionReport, evidence: EvidenceSet, context: CommandContext): void {
  if (report.kb.warning !== null) context.logger.warn(report.kb.warning);
  if (report.asOfSource === 'clock') {
    context.logger.warn(
      'the evidence has no collection time: ages are judged against today; pass --as-of to fix them',
    );
  }
  if (report.servers.length === 0) {
    const found = evidence.files.length;
    context.logger.warn(
      `no Exchange server found in the evidence (${found} file(s) read); see 'exzt evidence inspect'`,
    );
  }
}

function render(report: VersionReport, format: Format, colour: boolean): string {
  if (format === 'json') return renderVersionReportJson(report);
  if (format === 'csv') return renderVersionReportCsv(report);
  if (format === 'md') return renderVersionReportMarkdown(report);
  return renderVersionReportText(report, colour ? ansiPaint : noPaint);
}
