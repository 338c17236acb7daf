/**
 * A result's evidence names the files a list fact came from once each; the findings keep their
 * own objects' places, so 100,000 mailboxes do not repeat 100,000 anchors in every result.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Control } from '../../../src/controls/model.js';
import { fail, pass } from '../../../src/controls/outcomes.js';
import { itemEvidence } from '../../../src/controls/item-evidence.js';
import type { CasMailbox } from '../../../src/evidence/importers/cas-mailboxes.js';
import type { Fact, Provenance } from '../../../src/evidence/model.js';
import { runControls } from '../../../src/engine/assess/run-controls.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { syntheticEvidence, TEST_AS_OF } from '../../helpers/control-harness.js';

const FILE = {
  member: 'organization/exchange.cas-mailboxes.xml',
  source: 'bundle',
  sha256: 'a'.repeat(64),
  command: 'Get-CASMailbox -ResultSize Unlimited',
};

function anchored(index: number): Provenance {
  return {
    ...FILE,
    line: 2 + index * 80,
    column: 3,
    offset: 100 * index,
    objectPath: `Objs[${index}]`,
  };
}

function mailboxControl(evaluate: Control['evaluate']): Control {
  return {
    id: 'EXZT.APP.99',
    area: 'apps',
    title: 'test control over mailboxes',
    rationale: 'a control written for the engine tests only',
    remediation: { text: 'nothing to remediate here' },
    severity: 'medium',
    criticality: 'must',
    waivable: true,
    scope: 'organization',
    requires: { organization: ['exchange.cas-mailboxes'] },
    mappings: { cisV8: [], nist800207: [], iso27001: [], nist80053: [], disaStig: [], ztmm: [] },
    evaluate,
  };
}

function run(control: Control, mailboxes: CasMailbox[], provenance: Provenance[]) {
  const evidence = syntheticEvidence({ organization: { 'exchange.cas-mailboxes': mailboxes } });
  const kind = evidence.subjects[0]?.kinds[0];
  if (kind === undefined) throw new Error('no organization evidence');
  kind.fact.provenance = provenance;
  return runControls([control], {
    evidence,
    policy: DEFAULT_POLICY,
    attestations: [],
    asOf: TEST_AS_OF,
    versionRows: new Map(),
  });
}

const MAILBOXES: CasMailbox[] = [0, 1, 2].map((index) => ({
  identity: `contoso.com/Users/User${index}`,
  popEnabled: index === 1,
}));

describe('engine: the evidence of a result over a list fact', () => {
  it('names the file once, without a place in it, while a finding keeps its object', () => {
    const control = mailboxControl((context) => {
      const fact = context.organizationFact('exchange.cas-mailboxes') as Fact<CasMailbox[]>;
      return fail('POP3 is on', [
        { object: 'User1', message: 'POP3 enabled', evidence: itemEvidence(fact, 1) },
      ]);
    });
    const [result] = run(control, MAILBOXES, [0, 1, 2].map(anchored));

    assert.equal(result?.outcome, 'fail');
    assert.deepEqual(result.evidence, [FILE]);
    assert.deepEqual(result.findings[0]?.evidence, [anchored(1)]);
  });

  it('keeps the anchors of a fact that is not a list', () => {
    const control: Control = {
      ...mailboxControl(() => pass('fine')),
      requires: { organization: ['exchange.organization-config'] },
    };
    const evidence = syntheticEvidence({
      organization: { 'exchange.organization-config': { name: 'Contoso' } },
    });
    const kind = evidence.subjects[0]?.kinds[0];
    if (kind === undefined) throw new Error('no organization evidence');
    kind.fact.provenance = [anchored(0)];
    const [result] = runControls([control], {
      evidence,
      policy: DEFAULT_POLICY,
      attestations: [],
      asOf: TEST_AS_OF,
      versionRows: new Map(),
    });
    assert.deepEqual(result?.evidence, [anchored(0)]);
  });
});
