import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frameworkViews } from '../../../src/engine/assess/framework-coverage.js';
import type { ControlResult } from '../../../src/engine/assess/result.js';
import type { Control } from '../../../src/controls/model.js';
import { handMadeControl, handMadeResult } from '../../helpers/hand-made-results.js';

const tls = handMadeControl({
  id: 'EXZT.DAT.1',
  mappings: { cisV8: ['3.10', '4.1'], iso27001: ['A.8.24'], disaStig: ['EX19-MB-000236'] },
});
const connectors = handMadeControl({
  id: 'EXZT.NET.1',
  mappings: { cisV8: ['3.10', '13.4'], disaStig: ['V-259710'] },
});
const logging = handMadeControl({ id: 'EXZT.DAT.2', mappings: { cisV8: ['8.2'] } });
const admins = handMadeControl({ id: 'EXZT.IDN.1', mappings: { cisV8: ['5.4'] } });
const mfa = handMadeControl({ id: 'EXZT.IDN.2', mappings: { cisV8: ['6.5'] } });
const patching = handMadeControl({ id: 'EXZT.INF.1', mappings: { cisV8: ['7.4'] } });
const CONTROLS = [tls, connectors, logging, admins, mfa, patching];

/** tls passes, connectors fail, logging never ran, admins waived, MFA half assessed. */
const RESULTS: ControlResult[] = [
  handMadeResult(tls, 'pass', { server: 'EX01' }),
  handMadeResult(tls, 'not-applicable', { server: 'EX02' }),
  handMadeResult(connectors, 'fail', { server: 'EX01' }),
  handMadeResult(admins, 'waived'),
  handMadeResult(mfa, 'pass', { server: 'EX01' }),
  handMadeResult(mfa, 'not-assessed', { server: 'EX02' }),
  handMadeResult(patching, 'error', { server: 'EX01' }),
];

function view(framework: string, results = RESULTS, controls: Control[] = CONTROLS) {
  const found = frameworkViews(results, controls).find((v) => v.framework === framework);
  assert.ok(found, framework);
  return found;
}

describe('framework views', () => {
  it('gives each mapped id a status from the results of the controls mapped to it', () => {
    assert.deepEqual(
      view('cisV8').ids.map((id) => [id.id, id.status, id.failing, id.waived, id.notAssessed]),
      [
        ['3.10', 'failing', ['EXZT.NET.1'], [], []],
        ['4.1', 'satisfied', [], [], []],
        ['5.4', 'waived', [], ['EXZT.IDN.1'], []],
        ['6.5', 'incomplete', [], [], ['EXZT.IDN.2']],
        ['7.4', 'not-assessed', [], [], ['EXZT.INF.1']],
        ['8.2', 'not-assessed', [], [], ['EXZT.DAT.2']],
        ['13.4', 'failing', ['EXZT.NET.1'], [], []],
      ],
    );
  });

  it('counts failing ids and coverage of the mapped ids, never claiming compliance', () => {
    const cis = view('cisV8');
    assert.equal(cis.mappedIds, 7);
    assert.equal(cis.assessedIds, 5);
    assert.equal(cis.failingIds, 2);
    assert.equal(cis.waivedIds, 1);
    assert.equal(cis.coveragePercent, 71);
    assert.equal(cis.summary, '2 ids with a failing control, 1 waived, coverage 71%');
    assert.ok(cis.catalogueIds > cis.mappedIds);
  });

  it('says "no failing mapped control" when nothing mapped fails', () => {
    const iso = view('iso27001');
    assert.equal(iso.summary, 'no failing mapped control, coverage 100%');
    assert.deepEqual(
      iso.ids.map((id) => [id.id, id.status, id.title]),
      [['A.8.24', 'satisfied', 'Use cryptography by rule']],
    );
  });

  it('merges a STIG rule named by its STIG id and by its V-id into one entry', () => {
    const stig = view('disaStig');
    assert.deepEqual(
      stig.ids.map((id) => [id.id, id.controls, id.status]),
      [['V-259710', ['EXZT.DAT.1', 'EXZT.NET.1'], 'failing']],
    );
    assert.equal(stig.summary, '1 id with a failing control, coverage 100%');
  });

  it('has no coverage figure for a framework no control maps to', () => {
    const tenets = view('nist800207');
    assert.equal(tenets.coveragePercent, null);
    assert.equal(tenets.summary, 'no failing mapped control, no control maps here');
  });

  it('never uses the word compliant in any summary', () => {
    for (const framework of frameworkViews(RESULTS, CONTROLS)) {
      assert.doesNotMatch(framework.summary, /complian/i, framework.framework);
    }
  });

  it('leaves out mapped ids the catalogue does not hold (the catalogue test refuses them)', () => {
    const stray = handMadeControl({ id: 'EXZT.APP.1', mappings: { cisV8: ['99.9'] } });
    assert.equal(view('cisV8', [], [stray]).mappedIds, 0);
  });
});
