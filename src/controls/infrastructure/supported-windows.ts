/**
 * EXZT.INF.5: Windows Server under the Exchange server is within Microsoft's support lifecycle,
 * so the OS still gets security updates, and is a release the Exchange version supports
 * (src/knowledge/data/windows-lifecycle.json: the lifecycle and the supportability matrix).
 */
import {
  exchangeSupportsWindows,
  windowsServerRelease,
  windowsSupportState,
} from '../../knowledge/windows-lifecycle.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';

export const supportedWindowsServer: Control = {
  id: 'EXZT.INF.5',
  area: 'infrastructure',
  title: 'Windows Server is supported: within its lifecycle and by the Exchange version',
  rationale:
    'Exchange is only as patched as the Windows under it: after the extended end date Windows ' +
    'gets no security updates, so kernel, SMB, RPC and IIS flaws stay open on the mail server. ' +
    'A Windows release the Exchange version does not support (Exchange 2016 on Windows Server ' +
    '2019, Exchange 2019 CU11 on 2022) is not tested by Microsoft and gets no fixes for what breaks.',
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
    const findings: Finding[] = [];
    if (state === 'ended') {
      const message = `${release.name} ended extended support on ${release.extendedEnd}`;
      findings.push({
        object: os.caption ?? release.name,
        message,
        value: os.version,
        evidence: fact.provenance,
      });
    }
    // The Exchange side, when the build is known to its CU.
    const row = context.version();
    let exchange = '';
    if (row?.product != null && row.cu != null && row.precision !== 'none') {
      const name = `${row.productName ?? row.product} ${row.cu}`;
      const support = exchangeSupportsWindows(row.product, row.cu, release.build);
      if (support.supported) exchange = `, supported by ${name}`;
      else {
        findings.push({
          object: name,
          message:
            support.needsCu === undefined
              ? `${row.productName ?? row.product} does not support ${release.name}`
              : `${release.name} needs ${row.productName ?? row.product} ${support.needsCu} or later`,
          value: release.name,
          evidence: [...row.evidence.build, ...fact.provenance],
        });
      }
    }
    if (findings.length === 0) {
      return pass(
        `${release.name}: ${state} support until ${release.extendedEnd}${exchange}`,
        fact.provenance,
      );
    }
    const summary =
      state === 'ended'
        ? `${release.name} is past its end of support`
        : `${release.name} is not supported by the Exchange version it runs`;
    return fail(summary, findings);
  },
};
