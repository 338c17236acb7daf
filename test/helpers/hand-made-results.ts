/**
 * Hand-made controls and results for tests of what the engine does after the rules ran
 * (scores, framework views, ZTMM stages), without evidence or rules.
 */
import type { Area, Control, FrameworkMappings, Severity } from '../../src/controls/model.js';
import type { ControlResult, Outcome, Verdict } from '../../src/engine/assess/result.js';
import { organizationSubject, serverSubject } from '../../src/evidence/evidence-set.js';
import type {
  PillarStageCriteria,
  StageCriteriaSet,
  StageCriterion,
} from '../../src/knowledge/frameworks/ztmm-stages.js';

const NO_MAPPINGS: FrameworkMappings = {
  cisV8: [],
  nist800207: [],
  iso27001: [],
  nist80053: [],
  disaStig: [],
  ztmm: [],
};

export interface ControlSpec {
  id: string;
  area?: Area;
  severity?: Severity;
  mappings?: Partial<FrameworkMappings>;
}

/** A control with just enough to be scored and mapped; its rule is never run. */
export function handMadeControl(spec: ControlSpec): Control {
  return {
    id: spec.id,
    area: spec.area ?? 'identity',
    title: `hand-made ${spec.id}`,
    rationale: 'A control written in a test to exercise scoring.',
    remediation: { text: 'Nothing to fix; it is a test control.' },
    severity: spec.severity ?? 'medium',
    criticality: 'must',
    waivable: true,
    scope: 'server',
    requires: {},
    mappings: { ...NO_MAPPINGS, ...spec.mappings },
    evaluate: () => {
      throw new Error('hand-made controls are never evaluated');
    },
  };
}

const OUTCOME_OF: Readonly<Record<Verdict, Outcome>> = {
  pass: 'pass',
  fail: 'fail',
  warn: 'fail',
  waived: 'fail',
  'not-applicable': 'not-applicable',
  'not-assessed': 'not-assessed',
  error: 'error',
};

export interface ResultOptions {
  /** Server name; the organisation when omitted. */
  server?: string;
  attested?: boolean;
}

/** The result of `control` with `verdict` for one subject, as the engine would record it. */
export function handMadeResult(
  control: Control,
  verdict: Verdict,
  options: ResultOptions = {},
): ControlResult {
  return {
    control: control.id,
    area: control.area,
    title: control.title,
    severity: control.severity,
    criticality: verdict === 'warn' ? 'should' : control.criticality,
    subject: options.server === undefined ? organizationSubject() : serverSubject(options.server),
    outcome: OUTCOME_OF[verdict],
    verdict,
    ...(verdict === 'pass' ? { basis: options.attested ? 'attested' : 'observed' } : {}),
    message: `hand-made ${verdict}`,
    findings: [],
    findingCount: 0,
    ...(verdict === 'not-assessed' ? { missing: ['exchange.server (not collected)'] } : {}),
    ...(verdict === 'error' ? { error: 'boom' } : {}),
    ...(verdict === 'waived'
      ? {
          waiver: {
            reason: 'Accepted until the migration ends',
            approvedBy: 'ciso@contoso.com',
            expires: '2027-03-31',
            source: 'waivers.yaml:1',
          },
        }
      : {}),
    evidence: [],
  };
}

export const UNREACHABLE: StageCriterion = {
  id: 'x.optimal',
  title: 'Continuous',
  unreachable: 'needs live signals',
};

/** Stage criteria with `identity` as given; every other stage unreachable, so never met. */
export function identityCriteria(
  identity: Partial<PillarStageCriteria['stages']>,
): StageCriteriaSet {
  const unreachableAt = (pillar: string, stage: string): StageCriterion[] => [
    { ...UNREACHABLE, id: `${pillar}.${stage}` },
  ];
  const empty = (pillar: PillarStageCriteria['pillar']): PillarStageCriteria => ({
    pillar,
    stages: {
      initial: unreachableAt(pillar, 'initial'),
      advanced: unreachableAt(pillar, 'advanced'),
      optimal: unreachableAt(pillar, 'optimal'),
    },
  });
  return {
    model: 'test',
    version: 'test',
    source: 'test',
    pillars: [
      {
        pillar: 'identity',
        stages: {
          initial: unreachableAt('identity', 'initial'),
          advanced: unreachableAt('identity', 'advanced'),
          optimal: [UNREACHABLE],
          ...identity,
        },
      },
      empty('devices'),
      empty('networks'),
      empty('applications'),
      empty('data'),
    ],
  };
}
