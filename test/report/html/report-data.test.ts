/**
 * The data the HTML report embeds: compact (controls, subjects and evidence files once, by
 * index), yet every result, finding and fact of the Assessment can be read back from it; top
 * risks put known-exploited exposure first.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import {
  htmlReportData,
  type HtmlReportData,
} from '../../../src/report/assessment/html/report-data.js';
import { topRisks, TOP_RISK_LIMIT } from '../../../src/report/assessment/html/top-risks.js';
import { contosoAssessment } from '../../helpers/contoso-assessment.js';

let assessment: Assessment;
let data: HtmlReportData;
before(async () => {
  assessment = await contosoAssessment();
  data = htmlReportData(assessment);
});

describe('htmlReportData', () => {
  it('keeps every result in order, pointing at its control and subject', () => {
    assert.equal(data.results.length, assessment.results.length);
    data.results.forEach((result, index) => {
      const original = assessment.results[index];
      assert.equal(data.controls[result.control]?.id, original?.control);
      assert.deepEqual(data.subjects[result.subject], original?.subject);
      assert.equal(result.verdict, original?.verdict);
      assert.equal(result.message, original?.message);
      assert.deepEqual(result.waiver, original?.waiver);
    });
  });

  it('lists each evidence file once, and every fact reads back to its provenance', () => {
    const keys = data.files.map((file) => `${file.source}/${file.member}/${file.sha256}`);
    assert.equal(new Set(keys).size, keys.length);

    data.results.forEach((result, index) => {
      const original = assessment.results[index];
      result.findings.forEach((finding, position) => {
        const provenance = original?.findings[position]?.evidence ?? [];
        const back = finding.evidence.map(({ file, ...at }) => ({ ...data.files[file], ...at }));
        assert.deepEqual(
          back.map((fact) => JSON.stringify(Object.entries(fact).sort())),
          provenance.map((fact) => JSON.stringify(Object.entries(fact).sort())),
        );
      });
    });
  });

  it('puts the organisation first, then servers by key', () => {
    assert.equal(data.subjects[0]?.type, 'organization');
    const servers = data.subjects.slice(1).map((subject) => subject.key);
    assert.deepEqual(servers, [...servers].sort());
    assert.ok(servers.length >= 6);
  });

  it('lists open CVEs per server and only counts the fixed ones', () => {
    for (const row of data.versions.servers) {
      const original = assessment.versionReport.servers.find((server) => server.key === row.key);
      assert.ok(row.openCves.every((cve) => cve.state !== 'fixed'));
      assert.equal(row.openCves.length, original?.cves.filter((c) => c.state !== 'fixed').length);
      assert.deepEqual(row.cveCounts, original?.cveCounts);
    }
  });
});

describe('topRisks', () => {
  it('lists known-exploited exposure first, then critical, then high must failures', () => {
    const risks = topRisks(assessment);
    const kinds = risks.map((risk) => risk.kind);
    const rank = { 'known-exploited': 0, 'critical-failure': 1, 'high-failure': 2 };

    assert.ok(risks.length > 0 && risks.length <= TOP_RISK_LIMIT);
    assert.equal(kinds[0], 'known-exploited');
    assert.deepEqual(
      kinds,
      [...kinds].sort((a, b) => rank[a] - rank[b]),
    );
  });

  it('names every server a known-exploited CVE is open on, and never a waived result', () => {
    const risks = topRisks(assessment);
    for (const risk of risks.filter((r) => r.kind === 'known-exploited')) {
      const open = assessment.versionReport.servers
        .filter((server) =>
          server.cves.some((c) => c.id === risk.id && c.knownExploited && c.state !== 'fixed'),
        )
        .map((server) => server.name)
        .sort();
      assert.deepEqual(risk.subjects, open);
    }
    const waived = assessment.results.filter((r) => r.verdict === 'waived').map((r) => r.control);
    assert.ok(waived.length > 0, 'the sample has a waived result');
    assert.ok(risks.every((risk) => !waived.includes(risk.id) || risk.kind === 'known-exploited'));
  });
});
