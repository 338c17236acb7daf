/**
 * docs/rules/<id>.md for a control, written from the control itself so the two cannot drift
 * (`npm run docs:rules` regenerates them; a test compares).
 */
import type { Control } from './model.js';

export function renderRuleDoc(control: Control): string {
  const lines = [
    `# ${control.id}: ${control.title}`,
    '',
    `Area: ${control.area} · severity: ${control.severity} · ${control.criticality === 'must' ? 'must (a failure fails)' : 'should (a failure warns)'} · ${control.waivable ? 'may be waived' : 'may not be waived'} · one result per ${control.scope}`,
    '',
    '## Why',
    '',
    control.rationale,
    '',
    '## Evidence',
    '',
    ...evidenceLines(control),
    '',
    '## Remediation',
    '',
    control.remediation.text,
    ...(control.remediation.powershell === undefined
      ? []
      : ['', '```powershell', control.remediation.powershell, '```']),
    '',
    '## Frameworks',
    '',
    ...mappingLines(control),
    '',
  ];
  return lines.join('\n');
}

function evidenceLines(control: Control): string[] {
  const kinds = [
    ...(control.requires.subject ?? []).map((kind) => `- \`${kind}\` of the ${control.scope}`),
    ...(control.requires.organization ?? []).map((kind) => `- \`${kind}\` of the organisation`),
    ...(control.attestations ?? []).map(
      (fact) => `- or an attestation of \`${fact}\` (the result then says "attested")`,
    ),
  ];
  return kinds.length > 0 ? kinds : ['- none beyond the version report'];
}

function mappingLines(control: Control): string[] {
  const { mappings } = control;
  const list = (ids: string[]): string => (ids.length === 0 ? '—' : ids.join(', '));
  return [
    '| framework | references |',
    '| --- | --- |',
    `| CIS Controls v8 | ${list(mappings.cisV8)} |`,
    `| NIST SP 800-207 | ${list(mappings.nist800207)} |`,
    `| ISO/IEC 27001:2022 Annex A | ${list(mappings.iso27001)} |`,
    `| NIST SP 800-53 r5 | ${list(mappings.nist80053)} |`,
    `| DISA STIG Exchange 2019 | ${list(mappings.disaStig)} |`,
    `| CISA ZTMM v2.0 | ${list(mappings.ztmm.map((z) => `${z.pillar}: ${z.function}`))} |`,
  ];
}
