import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  FRAMEWORK_IDS,
  ZTMM_MODEL,
  frameworkCatalogue,
  frameworkEntry,
  hasFrameworkId,
  hasZtmmFunction,
  unknownMappingIds,
} from '../../../src/knowledge/frameworks/index.js';

describe('framework catalogues', () => {
  it('give every catalogue a name, a version, a source and unique ids with short titles', () => {
    for (const framework of FRAMEWORK_IDS) {
      const catalogue = frameworkCatalogue(framework);
      assert.equal(catalogue.framework, framework);
      assert.ok(catalogue.name.length > 0 && catalogue.version.length > 0, framework);
      assert.match(catalogue.source, /^https:\/\//, framework);
      const ids = catalogue.entries.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])]);
      assert.equal(new Set(ids).size, ids.length, `${framework}: duplicate id or alias`);
      for (const entry of catalogue.entries) {
        assert.ok(entry.title.length > 3 && entry.title.length <= 90, `${framework} ${entry.id}`);
      }
    }
  });

  it('hold the whole of each framework where exzt keeps it whole', () => {
    const count = (framework: Parameters<typeof frameworkCatalogue>[0]) =>
      frameworkCatalogue(framework).entries.length;
    assert.equal(count('nist800207'), 7);
    assert.equal(count('iso27001'), 93);
    const stig = frameworkCatalogue('disaStig').entries as ReadonlyArray<{ benchmark?: string }>;
    assert.equal(stig.filter((entry) => entry.benchmark === 'mailbox').length, 66);
    assert.equal(stig.filter((entry) => entry.benchmark === 'edge').length, 68);
  });

  const cases: Array<[string, Parameters<typeof hasFrameworkId>, boolean]> = [
    ['a CIS safeguard', ['cisV8', '4.1'], true],
    ['a CIS safeguard two digits deep', ['cisV8', '13.10'], true],
    ['a CIS control number that is not a safeguard', ['cisV8', '4'], false],
    ['a tenet', ['nist800207', 'T7'], true],
    ['an eighth tenet', ['nist800207', 'T8'], false],
    ['an Annex A control', ['iso27001', 'A.8.24'], true],
    ['an Annex A id without its A.', ['iso27001', '8.24'], false],
    ['an 800-53 enhancement in label form', ['nist80053', 'AC-6(5)'], true],
    ['an 800-53 enhancement in OSCAL form', ['nist80053', 'ac-6.5'], false],
    ['a STIG rule by V-id', ['disaStig', 'V-259710'], true],
    ['a STIG rule by its STIG id', ['disaStig', 'EX19-MB-000236'], true],
    ['a STIG rule of the Edge benchmark', ['disaStig', 'V-259641'], true],
    ['a STIG rule that was dropped in V2R3', ['disaStig', 'V-259680'], false],
  ];
  for (const [name, [framework, id], expected] of cases) {
    it(`hasFrameworkId: ${name} (${framework} ${id}) → ${expected}`, () => {
      assert.equal(hasFrameworkId(framework, id), expected);
    });
  }

  it('resolves a STIG id to its rule, so both name one entry', () => {
    assert.equal(frameworkEntry('disaStig', 'EX19-MB-000236')?.id, 'V-259710');
  });

  it('knows ZTMM functions per pillar and the cross-cutting capabilities in every pillar', () => {
    assert.equal(ZTMM_MODEL.pillars.length, 5);
    assert.equal(hasZtmmFunction('devices', 'Asset & Supply Chain Risk Management'), true);
    assert.equal(hasZtmmFunction('networks', 'Traffic Encryption'), true);
    assert.equal(hasZtmmFunction('identity', 'Traffic Encryption'), false);
    for (const pillar of ZTMM_MODEL.pillars) {
      assert.equal(hasZtmmFunction(pillar.id, 'Visibility & Analytics'), true, pillar.id);
      assert.equal(hasZtmmFunction(pillar.id, 'Governance'), true, pillar.id);
    }
  });

  it('names every mapped id the catalogues lack, and nothing when all exist', () => {
    const mappings = {
      cisV8: ['4.1', '4.99'],
      nist800207: ['T2'],
      iso27001: ['A.8.24'],
      nist80053: ['SC-8', 'SC-8(9)'],
      disaStig: ['EX19-MB-000236'],
      ztmm: [
        { pillar: 'networks' as const, function: 'Traffic Encryption' },
        { pillar: 'data' as const, function: 'Traffic Encryption' },
      ],
    };
    assert.deepEqual(unknownMappingIds(mappings), [
      'cisV8 4.99',
      'nist80053 SC-8(9)',
      'ztmm data: Traffic Encryption',
    ]);
    const clean = { ...mappings, cisV8: ['4.1'], nist80053: ['SC-8'], ztmm: [] };
    assert.deepEqual(unknownMappingIds(clean), []);
  });
});
