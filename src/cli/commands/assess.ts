/**
 * `exzt assess <evidence…>`: the whole pipeline — evidence, policy, waivers and attestations in;
 * one result per control and subject, scores, framework views and ZTMM stages out.
 */
import {
  assess,
  failsAt,
  SEVERITY_ORDER,
  type Assessment,
} from '../../engine/assess/assessment.js';
import { ExztError } from '../../errors.js';
import { DEFAULT_POLICY } from '../../policy/defaults.js';
import { loadAttestations } from '../../policy/attestations.js';
import { formatPolicyWarning, loadPolicy } from '../../policy/load.js';
import type { Attestation, Policy, Waiver } from '../../policy/model.js';
import type { EvidenceSet } from '../../evidence/evidence-set.js';
import { loadWaivers } from '../../policy/waivers.js';
import { ASSESSMENT_FORMATS, findFormat } from '../../report/assessment/formats.js';
import { writeAllFormats, writeChunks } from '../../report/assessment/write.js';
import { EXZT_VERSION } from '../../version.js';
import { withLogEvidence } from '../../logs/to-evidence.js';
import { listOption, stringOption, type Command, type CommandContext } from '../command.js';
import { scanFromContext } from './logs-scan.js';
import {
  EVIDENCE_OPTIONS,
  EVIDENCE_USAGE,
  asOfFromContext,
  loadEvidenceFromContext,
} from '../evidence-options.js';
import { withProbeEvidence } from '../probe-evidence.js';
import { PROBE_LIMIT_OPTIONS, PROBE_LIMIT_USAGE } from './probe.js';
import { REDACT_OPTIONS, REDACT_USAGE, keyFromContext } from '../redact-option.js';
import { redactInputs } from '../../redact/redact-inputs.js';

const FORMAT_NAMES = ASSESSMENT_FORMATS.map((format) => format.name);
const FAIL_ON = ['none', ...SEVERITY_ORDER] as const;

export const assessCommand: Command = {
  usage: [
    'Usage: exzt assess <evidence>... [--policy FILE] [--waivers FILE] [--attestations FILE]',
    '                   [--fail-on none|critical|high|medium|low|info] [--format FORMAT]',
    '                   [--out DIR] [--as-of DATE]',
    '',
    '  --policy FILE        the Zero Trust policy (YAML); without it the default policy',
    '                       (exzt policy init) is used',
    '  --waivers FILE       accepted risks (waivers.yaml)',
    '  --attestations FILE  facts the evidence cannot show (attestations.yaml)',
    '  --fail-on SEVERITY   exit 1 when a must-control fails at or above this severity',
    '                       (waived results and should-level warnings never do; default none)',
    `  --format FORMAT      one of ${FORMAT_NAMES.join(', ')} (default text)`,
    '  --out DIR            write every format into DIR (assessment.json, .html, …); stdout keeps',
    '                       the text summary',
    "  --as-of DATE         judge ages and expiries against this date, not the evidence's time",
    '  --logs PATH          also scan these IIS/Exchange logs (repeatable; files, folders, .gz,',
    '                       .zip): compromise indicators and the policy in practice',
    '  --probe HOST         probe HOST[:PORT] now and assess what it shows (repeatable;',
    '                       see exzt probe --help)',
    '  --probe-results FILE a saved exzt probe --format json report (repeatable); a positional',
    '                       .json probe report is recognised too',
    PROBE_LIMIT_USAGE,
    EVIDENCE_USAGE,
    REDACT_USAGE,
  ].join('\n'),
  options: {
    ...EVIDENCE_OPTIONS,
    ...REDACT_OPTIONS,
    policy: { type: 'string' },
    waivers: { type: 'string' },
    attestations: { type: 'string' },
    'fail-on': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    logs: { type: 'string', multiple: true },
    probe: { type: 'string', multiple: true },
    'probe-results': { type: 'string', multiple: true },
    ...PROBE_LIMIT_OPTIONS,
  },
  run: runAssess,
};

async function runAssess(context: CommandContext): Promise<number> {
  const formatName = oneOf('--format', stringOption(context, 'format') ?? 'text', FORMAT_NAMES);
  const format = findFormat(formatName);
  if (format === undefined) throw new ExztError('USAGE', `--format ${formatName}: unknown`);
  const outDir = stringOption(context, 'out');
  const failOn = oneOf('--fail-on', stringOption(context, 'fail-on') ?? 'none', FAIL_ON);
  const key = await keyFromContext(context);
  const fromPolicy = await policyFrom(context);
  const withSources = await withLogs(
    context,
    // No control reads a kind without an importer: such files are hashed, not parsed.
    await withProbeEvidence(context, (bundles) =>
      loadEvidenceFromContext(bundles, { parseUnreadKinds: false }),
    ),
    fromPolicy.policy,
  );
  if (key !== undefined) refuseUnredactableFacts(withSources);
  const loaded = {
    policy: fromPolicy.policy,
    policySource: fromPolicy.policySource,
    waivers: await optionalFile(context, 'waivers', (file) => loadWaivers(file)),
    attestations: await optionalFile(context, 'attestations', (file) => loadAttestations(file)),
    evidence: withSources,
  };
  // One step redacts everything the engine reads, so no format can show an original name.
  const { evidence, policy, policySource, waivers, attestations } =
    key === undefined ? loaded : await redactInputs(loaded, key, context.cwd);
  const assessment = assess({
    evidence,
    policy,
    policySource,
    waivers,
    attestations,
    ...asOfFromContext(context, evidence),
    exztVersion: EXZT_VERSION,
  });
  warnAbout(assessment, context);
  if (outDir !== undefined) {
    const written = await writeAllFormats(assessment, outDir, context.cwd);
    for (const file of written) context.logger.info(`wrote ${file}`);
  }
  await writeChunks(context.stdout, format.render(assessment, { colour: context.colour }));
  return failsAt(assessment, failOn) ? 1 : 0;
}

/** `--logs`: the scan's aggregates join the organisation's evidence (src/logs/to-evidence.ts). */
/**
 * Redaction knows the properties of the collector's exports that hold names; probe and log
 * results carry host names, addresses and users in shapes it does not know yet.
 */
// TODO(#5): redact probe reports and log-scan results too, so --redact can go with them.
function refuseUnredactableFacts(evidence: EvidenceSet): void {
  const made = evidence.subjects.flatMap((subject) =>
    subject.kinds.filter((kind) => /^(probe|logs)\./.test(kind.kind)).map((kind) => kind.kind),
  );
  if (made.length > 0) {
    throw new ExztError(
      'USAGE',
      `--redact cannot yet redact probe or log-scan results (${[...new Set(made)].sort().join(', ')}); ` +
        'assess them without --redact, or redact the bundle alone',
    );
  }
}

async function withLogs(
  context: CommandContext,
  evidence: EvidenceSet,
  policy: Policy,
): Promise<EvidenceSet> {
  const paths = listOption(context, 'logs');
  if (paths.length === 0) return evidence;
  const result = await scanFromContext(context, paths, policy);
  return withLogEvidence(evidence, result, paths);
}

async function policyFrom(
  context: CommandContext,
): Promise<{ policy: Policy; policySource: { file: string | null; hash: string | null } }> {
  const file = stringOption(context, 'policy');
  if (file === undefined) {
    context.logger.info(
      'no --policy given: assessing against the default policy (exzt policy init)',
    );
    return { policy: DEFAULT_POLICY, policySource: { file: null, hash: null } };
  }

  const loaded = await loadPolicy(file);
  for (const warning of loaded.warnings) context.logger.warn(formatPolicyWarning(warning));
  if (loaded.defaulted.length > 0) {
    context.logger.debug(`policy keys left at their defaults: ${loaded.defaulted.join(', ')}`);
  }
  return { policy: loaded.policy, policySource: { file, hash: loaded.hash } };
}

async function optionalFile<T extends Waiver | Attestation>(
  context: CommandContext,
  option: string,
  load: (file: string) => Promise<T[]>,
): Promise<T[]> {
  const file = stringOption(context, option);
  return file === undefined ? [] : load(file);
}

function warnAbout(assessment: Assessment, context: CommandContext): void {
  const { versionReport, waivers } = assessment;
  if (versionReport.kb.warning !== null) context.logger.warn(versionReport.kb.warning);
  if (assessment.metadata.asOfSource === 'clock') {
    context.logger.warn(
      'the evidence has no collection time: ages are judged against today; pass --as-of',
    );
  }
  for (const notice of [...waivers.expired, ...waivers.refused]) {
    context.logger.warn(notice.message);
  }
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ExztError('USAGE', `${option} ${value}: expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}
