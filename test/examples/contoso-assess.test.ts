/**
 * `npm start` on the sample organisation, through the engine: the bundle holds every kind the
 * controls require, every area passes somewhere and fails somewhere, the waivers and attestations
 * behave as examples/contoso/README.md tells, and the story's findings appear by control id.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CONTROLS } from '../../src/controls/catalogue.js';
import { AREAS } from '../../src/controls/model.js';
import { assess, type Assessment } from '../../src/engine/assess/assessment.js';
import type { ControlResult } from '../../src/engine/assess/result.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { loadAttestations } from '../../src/policy/attestations.js';
import { loadPolicy } from '../../src/policy/load.js';
import { loadWaivers } from '../../src/policy/waivers.js';
import type { ManifestFailure, ManifestFile } from '../../scripts/contoso/bundle.js';
import { EXAMPLES_DIR } from '../helpers/paths.js';

const CONTOSO_DIR = path.join(EXAMPLES_DIR, 'contoso');
const BUNDLE_DIR = path.join(CONTOSO_DIR, 'bundle');
const ORGANIZATION = 'Contoso';
const SERVERS = ['EX01', 'EX02', 'EX03', 'EX04', 'EDGE01', 'EX2013'];

/** Kinds that by design come from elsewhere than the collector's bundle. */
const FROM_ELSEWHERE = /^(logs|probe)\./;

let assessment: Assessment;

before(async () => {
  const evidence = await loadEvidence([BUNDLE_DIR], { use: new Map(), allowModified: false });
  const { policy, hash } = await loadPolicy(path.join(CONTOSO_DIR, 'policy.yaml'));
  assert.ok(evidence.collectedAt !== undefined, 'the sample records when it was collected');
  assessment = assess({
    evidence,
    policy,
    policySource: { file: 'examples/contoso/policy.yaml', hash },
    waivers: await loadWaivers(path.join(CONTOSO_DIR, 'waivers.yaml')),
    attestations: await loadAttestations(path.join(CONTOSO_DIR, 'attestations.yaml')),
    asOf: evidence.collectedAt,
    asOfSource: 'collected-at',
    exztVersion: 'test',
  });
});

function resultOf(control: string, subject: string): ControlResult {
  const result = assessment.results.find(
    (r) => r.control === control && (r.subject.name === subject || r.subject.type === subject),
  );
  assert.ok(result !== undefined, `no result for ${control} on ${subject}`);
  return result;
}

/** "EX01 exchange.server" for every file and every recorded failure. */
function collectedKinds(): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'manifest.json'), 'utf8')) as {
    files: ManifestFile[];
    failures: ManifestFailure[];
  };
  return new Set(
    [...manifest.files, ...manifest.failures].map((entry) => `${entry.subject} ${entry.kind}`),
  );
}

describe('examples/contoso assessed as npm start does', () => {
  it('holds every kind a control requires, for every subject, except logs and probes', () => {
    const collected = collectedKinds();
    const missing = new Set<string>();
    for (const control of CONTROLS) {
      const own = control.scope === 'server' ? SERVERS : [ORGANIZATION];
      const wanted = [
        ...(control.requires.subject ?? []).flatMap((kind) => own.map((s) => `${s} ${kind}`)),
        ...(control.requires.organization ?? []).map((kind) => `${ORGANIZATION} ${kind}`),
      ];
      for (const entry of wanted) {
        const kind = entry.split(' ')[1] ?? '';
        if (!collected.has(entry) && !FROM_ELSEWHERE.test(kind)) missing.add(entry);
      }
    }

    assert.deepEqual([...missing].sort(), []);
  });

  it('has at least one pass and one fail in every area', () => {
    for (const area of AREAS) {
      const outcomes = new Set(
        assessment.results.filter((r) => r.area === area).map((r) => r.outcome),
      );
      assert.ok(outcomes.has('pass'), `${area} has no pass`);
      assert.ok(outcomes.has('fail'), `${area} has no fail`);
    }
  });

  it('applies the IDN.4 waiver, reports the APP.2 one as expired and refuses the INF.4 one', () => {
    const waived = resultOf('EXZT.IDN.4', 'organization');
    assert.equal(waived.outcome, 'fail');
    assert.equal(waived.verdict, 'waived');
    assert.equal(waived.waiver?.expires, '2027-03-31');

    assert.deepEqual(
      assessment.waivers.expired.map((w) => w.control),
      ['EXZT.APP.2'],
    );
    assert.equal(resultOf('EXZT.APP.2', 'organization').verdict, 'fail');

    assert.deepEqual(
      assessment.waivers.refused.map((w) => w.control),
      ['EXZT.INF.4'],
    );
    const refused = resultOf('EXZT.INF.4', 'EX03');
    assert.equal(refused.outcome, 'fail');
    assert.equal(refused.verdict, 'fail');
    assert.equal(assessment.waivers.applied, 1);
    assert.deepEqual(assessment.waivers.unused, []);
  });

  it('says "attested" where a pass rests on an attestation', () => {
    const attested = [
      resultOf('EXZT.IDN.2', 'organization'),
      ...['EX01', 'EX02', 'EX03', 'EX04', 'EX2013'].map((server) => resultOf('EXZT.IDN.7', server)),
    ];
    for (const result of attested) {
      assert.equal(result.outcome, 'pass', `${result.control} ${result.subject.name}`);
      assert.equal(result.basis, 'attested', `${result.control} ${result.subject.name}`);
      assert.match(result.message, /attested/);
    }
    assert.equal(assessment.attestations.inForce, 7);
  });

  const story: [control: string, subject: string, outcome: 'pass' | 'fail', finding?: RegExp][] = [
    ['EXZT.IDN.1', 'organization', 'fail', /member of Organization Management/],
    ['EXZT.IDN.3', 'organization', 'fail', /svc-archive: assigned the ApplicationImpersonation/],
    ['EXZT.IDN.5', 'organization', 'pass'],
    ['EXZT.IDN.6', 'EX02', 'fail', /EWS \(Default Web Site\): offers basic/],
    ['EXZT.IDN.6', 'EX01', 'pass'],
    ['EXZT.IDN.8', 'organization', 'pass'],
    ['EXZT.END.1', 'organization', 'fail', /SM-G973F: android 11 is below 13/],
    ['EXZT.END.3', 'organization', 'fail', /iPhone 11: last synced 168 days ago/],
    ['EXZT.END.7', 'organization', 'fail', /CON-LT-0177 .*not encrypted/],
    ['EXZT.END.8', 'organization', 'pass'],
    ['EXZT.APP.1', 'EX2013', 'fail', /MSExchangeImap4: Running/],
    ['EXZT.APP.2', 'organization', 'fail', /IMAP4 enabled/],
    ['EXZT.APP.4', 'organization', 'pass'],
    ['EXZT.APP.5', 'EX02', 'fail', /DownloadHostName is not configured/],
    ['EXZT.DAT.1', 'EX2013', 'fail', /TLS 1\.0: enabled, below the minimum/],
    ['EXZT.DAT.1', 'EX01', 'pass'],
    ['EXZT.DAT.4', 'organization', 'pass'],
    ['EXZT.DAT.5', 'EDGE01', 'fail', /CN=smtp\.contoso\.com.*expires in 18 day/],
    ['EXZT.DAT.5', 'EX2013', 'fail', /signed with SHA1/],
    ['EXZT.DAT.5', 'EX03', 'fail', /1024-bit RSA key/],
    ['EXZT.DAT.5', 'EX01', 'pass'],
    ['EXZT.DAT.6', 'EX01', 'pass'],
    ['EXZT.DAT.7', 'EX01', 'pass'],
    ['EXZT.DAT.10', 'EX03', 'fail', /^D:: volume is FullyDecrypted/],
    ['EXZT.INF.8', 'EX02', 'fail', /MSExchangeMitigation: service Stopped/],
    ['EXZT.INF.9', 'EX2013', 'fail', /FS-SMB1: SMB1 feature installed/],
    ['EXZT.INF.18', 'organization', 'fail', /^DB03: newest backup/],
    ['EXZT.NET.3', 'EX03', 'fail', /Relay EX03: ANONYMOUS LOGON holds ms-Exch-SMTP-Accept-Any/],
    ['EXZT.NET.3', 'EX01', 'pass'],
    ['EXZT.NET.4', 'EX03', 'fail', /10\.0\.0\.0\/8 lies outside/],
    ['EXZT.NET.5', 'EX04', 'fail', /Public/],
    ['EXZT.NET.6', 'EX2013', 'fail', /10\.20\.5\.30 lies in network clients/],
    ['EXZT.NET.7', 'organization', 'fail', /MapiDagNetwork: carries both/],
    ['EXZT.NET.9', 'EDGE01', 'pass'],
  ];

  for (const [control, subject, outcome, finding] of story) {
    it(`${control} on ${subject}: ${outcome}${finding === undefined ? '' : ` (${finding.source})`}`, () => {
      const result = resultOf(control, subject);
      assert.equal(result.outcome, outcome, result.message);
      if (finding === undefined) return;

      const texts = result.findings.map((f) => `${f.object ?? ''}: ${f.message}`);
      assert.ok(
        texts.some((text) => finding.test(text)),
        `no finding matches ${finding}: ${texts.join(' | ')}`,
      );
    });
  }
});
