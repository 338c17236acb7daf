/**
 * EXZT.INF.5: Windows Server under the Exchange server is within Microsoft's support lifecycle
 * (src/knowledge/data/windows-lifecycle.json), so the OS still gets security updates.
 */
import { windowsServerRelease, windowsSupportState } from '../../knowledge/windows-lifecycle.js';
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';

// TODO(#3): only the Windows lifecycle is checked, not whether the Exchange version supports that
// Windows release (Exchange 2016 on Windows Server 2019, Exchange 2019 CU11 on 2022); the
// supportability matrix is not in the knowledge base yet.
export const supportedWindowsServer: Control = {
  id: 'EXZT.INF.5',
  area: 'infrastructure',
  title: 'Windows Server is within its support lifecycle',
  rationale:
    'Exchange is only as patched as the Windows under it: after the extended end date Windows ' +
    'gets no security updates, so kernel, SMB, RPC and IIS flaws stay open on the mail server.',
  remediation: {
    text:
      'Build a new server on a supported Windows Server release that the Exchange version ' +
      'supports, move the mailboxes and roles to it, and decommission the old one.',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.operating-system'] },
  mappings: {
    cisV8: ['2.2', '7.3'],
    nist800207: ['T5'],
    iso27001: ['A.8.8'],
    nist80053: ['SA-22', 'SI-2'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: ['infrastructure.windows.supportedOnly'],
  evaluate(context) {
    if (!context.policy.infrastructure.windows.supportedOnly) {
      return notApplicable('the policy does not require a supported Windows Server');
    }
    const fact = context.fact('os.operating-system');
    const os = required(fact, 'os.operating-system');
    const release = windowsServerRelease(os.version ?? os.buildNumber ?? '');
    if (release === undefined) {
      const seen = os.caption ?? os.version ?? 'no version';
      return notAssessed(`Windows release not recognised (${seen})`, ['os.operating-system']);
    }

    const state = windowsSupportState(release, context.asOf.slice(0, 10));
    if (state !== 'ended') {
      return pass(
        `${release.name}: ${state} support until ${release.extendedEnd}`,
        fact.provenance,
      );
    }
    const message = `${release.name} ended extended support on ${release.extendedEnd}`;
    return fail(`${release.name} is past its end of support`, [
      { object: os.caption ?? release.name, message, value: os.version, evidence: fact.provenance },
    ]);
  },
};
