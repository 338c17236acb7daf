/**
 * Runs every control for every subject in its scope. Server controls run once per server;
 * organisation controls once, against the organisation subject (empty when none was collected,
 * so they answer "not assessed" rather than vanish).
 */
import { createRuleContext } from '../../controls/context.js';
import type { Control } from '../../controls/model.js';
import {
  organizationSubject,
  type EvidenceSet,
  type SubjectEvidence,
} from '../../evidence/evidence-set.js';
import type { Attestation, Policy } from '../../policy/model.js';
import type { ServerVersionRow } from '../version-report/model.js';
import { evaluateControl } from './evaluate.js';
import type { ControlResult } from './result.js';

export interface RunInputs {
  evidence: EvidenceSet;
  policy: Policy;
  attestations: Attestation[];
  asOf: string;
  versionRows: ReadonlyMap<string, ServerVersionRow>;
}

export function runControls(controls: readonly Control[], inputs: RunInputs): ControlResult[] {
  const servers = inputs.evidence.subjects.filter((s) => s.subject.type === 'server');
  const organization =
    inputs.evidence.subjects.find((s) => s.subject.type === 'organization') ?? emptyOrganization();

  return controls.flatMap((control) =>
    (control.scope === 'server' ? servers : [organization]).map((subject) =>
      evaluateControl(control, createRuleContext({ ...inputs, subject })),
    ),
  );
}

function emptyOrganization(): SubjectEvidence {
  return { subject: organizationSubject(), kinds: [] };
}
