/**
 * EXZT.INF.3: the Exchange product is within its support lifecycle. Past end of support and
 * outside any extended-security-update period, no fix will come for what is found next; the
 * result says so and names the way out (DESIGN.md "Knowledge").
 */
import { productLifecycle } from '../../knowledge/index.js';
import type { Control } from '../model.js';
import { fail, notAssessed, pass } from '../outcomes.js';

// Inside a paid ESU period HealthChecker raises no error while the latest SU is installed; with
// infrastructure.exchange.supportedOnly (the default) exzt fails it, since ESU is not support.
export const productWithinLifecycle: Control = {
  id: 'EXZT.INF.3',
  area: 'infrastructure',
  title: 'The Exchange product is within its support lifecycle',
  rationale:
    'A product past its end of support gets no Security Updates for vulnerabilities found later, ' +
    'so every new Exchange CVE stays open on it for good. Extended Security Updates buy time by ' +
    'paid enrolment but do not restore support.',
  remediation: {
    text:
      'Move the mailboxes to Exchange Server SE (an in-place upgrade from Exchange 2019 CU14 or ' +
      'CU15), then decommission the servers of the old version.',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server'] },
  mappings: {
    cisV8: ['2.2'],
    nist800207: ['T5'],
    iso27001: ['A.8.8', 'A.5.9'],
    nist80053: ['SA-22', 'SI-2'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: ['infrastructure.exchange.supportedOnly'],
  evaluate(context) {
    const row = context.version();
    if (row === undefined || row.product === null || row.endOfSupport === null) {
      return notAssessed('the Exchange product is unknown', ['exchange.setup-version']);
    }

    const evidence = row.evidence.build;
    const product = row.productName ?? row.product;
    const day = context.asOf.slice(0, 10);
    if (day <= row.endOfSupport) {
      return pass(`${product} is supported until ${row.endOfSupport}`, evidence);
    }

    const esu = productLifecycle(row.product)?.esu.find(
      (period) => period.start <= day && day <= period.end && period.cus.includes(row.cu ?? ''),
    );
    const within = esu !== undefined && !context.policy.infrastructure.exchange.supportedOnly;
    if (within) {
      return pass(`${product} ${row.cu} is covered by ESU period ${esu.period} until ${esu.end}`);
    }

    const message =
      esu === undefined
        ? `${product} ended support on ${row.endOfSupport} and gets no more fixes: ${row.nextStep}`
        : `${product} ended support on ${row.endOfSupport}; ESU period ${esu.period} (paid) runs until ${esu.end}: ${row.nextStep}`;
    return fail(`${row.name} runs ${product} past its end of support`, [
      { object: row.name, message, value: row.endOfSupport, evidence },
    ]);
  },
};
