/**
 * A small fixed catalogue for waiver tests, so they do not change meaning as the real catalogue
 * grows: two waivable server controls, one organisation control, one that may not be waived.
 */
import type { Control } from '../../src/controls/model.js';
import { pass } from '../../src/controls/outcomes.js';

export function fakeControl(
  id: string,
  options: Partial<Pick<Control, 'scope' | 'waivable' | 'attestations' | 'title'>> = {},
): Control {
  return {
    id,
    area: 'apps',
    title: options.title ?? `fake control ${id}`,
    rationale: 'A control made up for waiver tests; it checks nothing at all.',
    remediation: { text: 'Nothing to remediate: this is a test control.' },
    severity: 'high',
    criticality: 'must',
    waivable: options.waivable ?? true,
    scope: options.scope ?? 'server',
    requires: {},
    ...(options.attestations === undefined ? {} : { attestations: options.attestations }),
    mappings: { cisV8: [], nist800207: [], iso27001: [], nist80053: [], disaStig: [], ztmm: [] },
    evaluate: () => pass('fake'),
  };
}

export const FAKE_CONTROLS: readonly Control[] = [
  fakeControl('EXZT.APP.4'),
  fakeControl('EXZT.INF.1'),
  fakeControl('EXZT.IDN.1', { scope: 'organization', attestations: ['identity.mfa.owa'] }),
  fakeControl('EXZT.INF.2', { waivable: false, title: 'No exposure to known-exploited CVEs' }),
];
