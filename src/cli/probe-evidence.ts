/**
 * Probe results as evidence for `exzt assess`: a live probe (--probe <host>), saved reports
 * (--probe-results FILE, or a positional .json file that is a probe report), added to the
 * organisation subject as probe.https and probe.smtp facts beside whatever the bundles hold.
 * With probe results and no bundle the assessment runs on the probe alone; every control that
 * needs server evidence is then "not assessed", which is the honest answer.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ORGANIZATION_KEY,
  organizationSubject,
  type EvidenceFile,
  type EvidenceSet,
  type KindEvidence,
  type SubjectEvidence,
} from '../evidence/evidence-set.js';
import type { ProbeObservation } from '../evidence/kinds/probe-kinds.js';
import type { Provenance } from '../evidence/model.js';
import type { ProbeReport, ProbeService } from '../probe/model.js';
import { parseLimits } from '../probe/options.js';
import { readProbeReport } from '../probe/read-report.js';
import { runProbe } from '../probe/run-probe.js';
import { parseTargets } from '../probe/targets.js';
import { EXZT_VERSION } from '../version.js';
import { listOption, type CommandContext } from './command.js';
import { limitOptions } from './commands/probe.js';

interface LoadedReport {
  report: ProbeReport;
  provenance: Provenance;
  file?: EvidenceFile;
}

/** Loads the bundles (when any are named) and adds every probe report to the evidence. */
export async function withProbeEvidence(
  context: CommandContext,
  loadBundles: (context: CommandContext) => Promise<EvidenceSet>,
): Promise<EvidenceSet> {
  const { reportFiles, others } = await splitPositionals(context);
  const files = [...listOption(context, 'probe-results'), ...reportFiles];
  const hosts = listOption(context, 'probe');
  if (files.length === 0 && hosts.length === 0) return loadBundles(context);

  const set =
    others.length === 0
      ? { sources: [], subjects: [], files: [], warnings: [] }
      : await loadBundles({ ...context, positionals: others });
  const reports = await Promise.all(files.map((file) => loadReportFile(file, context.cwd)));
  if (hosts.length > 0) reports.push(await liveReport(context, hosts));
  return addReports(set, reports);
}

/** Positional .json files that are probe reports go to the probe; the rest stay evidence. */
async function splitPositionals(
  context: CommandContext,
): Promise<{ reportFiles: string[]; others: string[] }> {
  const reportFiles: string[] = [];
  const others: string[] = [];
  for (const positional of context.positionals) {
    const isReport =
      positional.toLowerCase().endsWith('.json') &&
      /"tool":\s*"exzt"[\s\S]*"targets"/.test(
        await readFile(path.resolve(context.cwd, positional), 'utf8').catch(() => ''),
      );
    (isReport ? reportFiles : others).push(positional);
  }
  return { reportFiles, others };
}

async function loadReportFile(file: string, cwd: string): Promise<LoadedReport> {
  const { report, text } = await readProbeReport(path.resolve(cwd, file));
  const sha256 = createHash('sha256').update(text).digest('hex');
  const member = path.basename(file);
  return {
    report,
    provenance: {
      member,
      source: file,
      sha256,
      line: 1,
      command: 'exzt probe',
      collectedAt: report.startedAt,
    },
    file: {
      source: file,
      member,
      sha256,
      size: Buffer.byteLength(text),
      status: 'imported',
      kind: 'probe.https',
      subject: ORGANIZATION_KEY,
    },
  };
}

async function liveReport(context: CommandContext, hosts: string[]): Promise<LoadedReport> {
  const limits = parseLimits(limitOptions(context));
  const targets = parseTargets(hosts);
  context.logger.info(`probing ${targets.length} target(s) from ${limits.vantage}`);
  const report = await runProbe(targets, { ...limits, toolVersion: EXZT_VERSION });
  const sha256 = createHash('sha256').update(JSON.stringify(report)).digest('hex');
  return {
    report,
    provenance: {
      member: `probe of ${hosts.join(', ')}`,
      source: 'exzt assess --probe',
      sha256,
      command: 'exzt probe',
      collectedAt: report.startedAt,
    },
  };
}

function addReports(set: EvidenceSet, reports: LoadedReport[]): EvidenceSet {
  const organization = set.subjects.find((s) => s.subject.key === ORGANIZATION_KEY) ?? {
    subject: organizationSubject(),
    kinds: [],
  };
  for (const service of ['https', 'smtp'] as const) addKind(organization, service, reports);
  const subjects = [
    ...set.subjects.filter((s) => s.subject.key !== ORGANIZATION_KEY),
    organization,
  ].sort((a, b) => a.subject.key.localeCompare(b.subject.key));
  const files = [
    ...set.files,
    ...reports.flatMap((r) => (r.file === undefined ? [] : [r.file])),
  ].sort((a, b) => `${a.source}\u0000${a.member}`.localeCompare(`${b.source}\u0000${b.member}`));
  const latest = reports
    .map((r) => r.report.startedAt)
    .sort()
    .at(-1);
  const collectedAt = set.collectedAt ?? latest;
  return { ...set, subjects, files, ...(collectedAt === undefined ? {} : { collectedAt }) };
}

function addKind(
  organization: SubjectEvidence,
  service: ProbeService,
  reports: LoadedReport[],
): void {
  const kind = `probe.${service}`;
  const existing = organization.kinds.find((entry) => entry.kind === kind);
  const observations: ProbeObservation[] = [
    ...((existing?.fact.value as ProbeObservation[] | undefined) ?? []),
  ];
  const provenance = [...(existing?.fact.provenance ?? [])];
  for (const { report, provenance: where } of reports) {
    const mine = report.targets.filter((t) => t.target.service === service);
    if (mine.length === 0) continue;
    observations.push(
      ...mine.map((t) => ({ ...t, vantage: report.vantage, probedAt: report.startedAt })),
    );
    provenance.push(where);
  }
  if (observations.length === 0) return;

  const entry: KindEvidence = {
    kind,
    status: 'observed',
    files: existing?.files ?? [],
    fact: { status: 'observed', value: observations, provenance },
  };
  organization.kinds = [...organization.kinds.filter((e) => e.kind !== kind), entry].sort((a, b) =>
    a.kind.localeCompare(b.kind),
  );
}
