/**
 * Catalogue-wide rules every control must keep: stable unique ids in its area's form, its page in
 * docs/rules (generated from the control, so they cannot drift), remediation, evidence kinds
 * that exist in the registry, and at least one passing and one failing case in its test file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTROLS } from '../../src/controls/catalogue.js';
import { AREA_CODES } from '../../src/controls/model.js';
import { renderRuleDoc } from '../../src/controls/rule-doc.js';
import { findKind } from '../../src/evidence/kinds.js';
import { unknownMappingIds } from '../../src/knowledge/frameworks/index.js';
import {
  ZTMM_STAGE_CRITERIA,
  resolveStageCriteria,
} from '../../src/knowledge/frameworks/ztmm-stages.js';
import { REPO_ROOT } from '../helpers/paths.js';

describe('control catalogue', () => {
  it('has unique ids of the form EXZT.<AREA>.<n> matching each control area', () => {
    const ids = CONTROLS.map((control) => control.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const control of CONTROLS) {
      assert.match(
        control.id,
        new RegExp(`^EXZT\\.${AREA_CODES[control.area]}\\.[1-9]\\d*$`),
        control.id,
      );
    }
  });

  it('documents every control in docs/rules/<id>.md, up to date (npm run docs:rules)', () => {
    for (const control of CONTROLS) {
      const page = path.join(REPO_ROOT, 'docs', 'rules', `${control.id}.md`);
      assert.ok(existsSync(page), `${control.id}: docs/rules/${control.id}.md is missing`);
      assert.equal(
        readFileSync(page, 'utf8'),
        renderRuleDoc(control),
        `${control.id}: page is stale`,
      );
    }
  });

  it('gives every control a rationale, a remediation and required kinds from the registry', () => {
    for (const control of CONTROLS) {
      assert.ok(control.rationale.length >= 40, `${control.id}: rationale`);
      assert.ok(control.remediation.text.length >= 20, `${control.id}: remediation`);
      const kinds = [...(control.requires.subject ?? []), ...(control.requires.organization ?? [])];
      for (const kind of kinds) assert.ok(findKind(kind), `${control.id}: unknown kind ${kind}`);
    }
  });

  it('refuses waivers only where it must: every non-waivable control is critical or high', () => {
    for (const control of CONTROLS.filter((c) => !c.waivable)) {
      assert.ok(['critical', 'high'].includes(control.severity), control.id);
    }
  });

  it('maps every control only to framework ids in src/knowledge/frameworks (ZTMM: pillar + function)', () => {
    const unknown = CONTROLS.flatMap((control) =>
      unknownMappingIds(control.mappings).map((id) => `${control.id}: ${id}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('names in the ZTMM stage criteria only controls that exist (and every stage has criteria)', () => {
    assert.doesNotThrow(() => resolveStageCriteria(ZTMM_STAGE_CRITERIA, CONTROLS));
  });

  it('has a test file per control with a passing and a failing case', () => {
    for (const control of CONTROLS) {
      const folder = path.join(REPO_ROOT, 'test', 'controls', control.area);
      const files = existsSync(folder)
        ? readdirSync(folder).filter((f) => f.endsWith('.test.ts'))
        : [];
      const text = files
        .map((f) => readFileSync(path.join(folder, f), 'utf8'))
        // Not followed by a digit: EXZT.INF.10 must not count as a test of EXZT.INF.1.
        .find((t) => {
          const id = control.id.replace(/\./g, '\\.');
          return new RegExp(`'${id}(?!\\d)|${id} `).test(t);
        });
      assert.ok(text, `${control.id}: no test in test/controls/${control.area}/ names it`);
      assert.match(text, /outcome, 'pass'\)/, `${control.id}: no passing case`);
      assert.match(text, /outcome, 'fail'\)/, `${control.id}: no failing case`);
    }
  });
});
