/**
 * The data the HTML report embeds: the Assessment, made compact enough for a 200-server estate
 * (13,000 results) to stay a file a browser opens quickly. Controls and subjects are listed once
 * and referred to by index, and each evidence file's source, member, SHA-256 and command are
 * listed once and referred to by every fact read from it. Nothing is summarised away except
 * fixed CVEs, which the version report counts instead of listing.
 */
import type { Assessment, ControlEntry } from '../../../engine/assess/assessment.js';
import type { AppliedWaiver, ControlResult } from '../../../engine/assess/result.js';
import type { Finding } from '../../../controls/model.js';
import type { Provenance, SubjectRef } from '../../../evidence/model.js';
import type {
  CveCounts,
  CveRow,
  ServerVersionRow,
  VersionReport,
} from '../../../engine/version-report/model.js';
import { topRisks, type TopRisk } from './top-risks.js';

/** One evidence file, listed once. */
export interface EvidenceFile {
  source: string;
  member: string;
  sha256: string;
  command?: string;
  collectedAt?: string;
}

/** Where inside an evidence file a fact was read; `file` indexes HtmlReportData.files. */
export interface FactRef {
  file: number;
  line?: number;
  column?: number;
  offset?: number;
  objectPath?: string;
}

export interface HtmlFinding {
  object?: string;
  message: string;
  value?: unknown;
  evidence: FactRef[];
}

/** A ControlResult whose control and subject are indexes into the lists beside it. */
export interface HtmlResult {
  control: number;
  subject: number;
  outcome: ControlResult['outcome'];
  verdict: ControlResult['verdict'];
  basis?: ControlResult['basis'];
  message: string;
  findingCount: number;
  findings: HtmlFinding[];
  missing?: string[];
  error?: string;
  waiver?: AppliedWaiver;
  evidence: FactRef[];
}

export interface HtmlVersionRow {
  key: string;
  name: string;
  productName: string | null;
  cu: string | null;
  su: string | null;
  build: string | null;
  latestSu: string | null;
  suBehind: number | null;
  daysSinceMissingSu: number | null;
  status: ServerVersionRow['status'];
  suActivation: ServerVersionRow['reboot']['suActivation'];
  cveCounts: CveCounts;
  /** Exposed, mitigated and unknown CVEs; fixed ones are only counted. */
  openCves: CveRow[];
  nextStep: string;
}

export interface HtmlReportData {
  schemaVersion: number;
  metadata: Assessment['metadata'];
  summary: Assessment['summary'];
  waivers: Assessment['waivers'];
  attestations: Assessment['attestations'];
  scores: Assessment['scores'];
  controls: ControlEntry[];
  subjects: SubjectRef[];
  files: EvidenceFile[];
  results: HtmlResult[];
  versions: {
    kb: VersionReport['kb'];
    summary: VersionReport['summary'];
    servers: HtmlVersionRow[];
  };
  topRisks: TopRisk[];
}

export function htmlReportData(assessment: Assessment): HtmlReportData {
  const files = new FileTable();
  const controlIndex = new Map(assessment.controls.map((control, index) => [control.id, index]));
  const subjects = uniqueSubjects(assessment.results);
  const subjectIndex = new Map(subjects.map((subject, index) => [subject.key, index]));
  const results = assessment.results.map((result) =>
    compactResult(result, controlIndex, subjectIndex, files),
  );
  const { versionReport } = assessment;

  return {
    schemaVersion: assessment.schemaVersion,
    metadata: assessment.metadata,
    summary: assessment.summary,
    waivers: assessment.waivers,
    attestations: assessment.attestations,
    scores: assessment.scores,
    controls: assessment.controls,
    subjects,
    files: files.entries,
    results,
    versions: {
      kb: versionReport.kb,
      summary: versionReport.summary,
      servers: versionReport.servers.map(versionRow),
    },
    topRisks: topRisks(assessment),
  };
}

/** The organisation first, then servers by key, so the server filter reads in a stable order. */
function uniqueSubjects(results: readonly ControlResult[]): SubjectRef[] {
  const byKey = new Map(results.map((result) => [result.subject.key, result.subject]));
  return [...byKey.values()].sort(
    (a, b) =>
      Number(a.type !== 'organization') - Number(b.type !== 'organization') ||
      a.key.localeCompare(b.key),
  );
}

function compactResult(
  result: ControlResult,
  controlIndex: Map<string, number>,
  subjectIndex: Map<string, number>,
  files: FileTable,
): HtmlResult {
  const control = controlIndex.get(result.control);
  const subject = subjectIndex.get(result.subject.key);
  if (control === undefined || subject === undefined) {
    throw new Error(`result ${result.control} on ${result.subject.key} has no control entry`);
  }

  return {
    control,
    subject,
    outcome: result.outcome,
    verdict: result.verdict,
    ...(result.basis === undefined ? {} : { basis: result.basis }),
    message: result.message,
    findingCount: result.findingCount,
    findings: result.findings.map((finding) => compactFinding(finding, files)),
    ...(result.missing === undefined ? {} : { missing: result.missing }),
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.waiver === undefined ? {} : { waiver: result.waiver }),
    evidence: result.evidence.map((provenance) => files.factRef(provenance)),
  };
}

function compactFinding(finding: Finding, files: FileTable): HtmlFinding {
  return {
    ...(finding.object === undefined ? {} : { object: finding.object }),
    message: finding.message,
    ...(finding.value === undefined ? {} : { value: finding.value }),
    evidence: finding.evidence.map((provenance) => files.factRef(provenance)),
  };
}

function versionRow(row: ServerVersionRow): HtmlVersionRow {
  return {
    key: row.key,
    name: row.name,
    productName: row.productName,
    cu: row.cu,
    su: row.su,
    build: row.build,
    latestSu: row.latestSu.forCu?.name ?? null,
    suBehind: row.suBehind,
    daysSinceMissingSu: row.daysSinceMissingSu,
    status: row.status,
    suActivation: row.reboot.suActivation,
    cveCounts: row.cveCounts,
    openCves: row.cves.filter((cve) => cve.state !== 'fixed'),
    nextStep: row.nextStep,
  };
}

/** Evidence files in order of first use; the same file (source, member, hash) is one entry. */
class FileTable {
  readonly entries: EvidenceFile[] = [];
  private readonly index = new Map<string, number>();

  factRef(provenance: Provenance): FactRef {
    const ref: FactRef = { file: this.fileOf(provenance) };
    if (provenance.line !== undefined) ref.line = provenance.line;
    if (provenance.column !== undefined) ref.column = provenance.column;
    if (provenance.offset !== undefined) ref.offset = provenance.offset;
    if (provenance.objectPath !== undefined) ref.objectPath = provenance.objectPath;
    return ref;
  }

  private fileOf(provenance: Provenance): number {
    const key = [provenance.source, provenance.member, provenance.sha256].join('\u0000');
    const known = this.index.get(key);
    if (known !== undefined) return known;

    const { source, member, sha256, command, collectedAt } = provenance;
    this.entries.push({
      source,
      member,
      sha256,
      ...(command === undefined ? {} : { command }),
      ...(collectedAt === undefined ? {} : { collectedAt }),
    });
    this.index.set(key, this.entries.length - 1);
    return this.entries.length - 1;
  }
}
