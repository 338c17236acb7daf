/**
 * EXZT.NET.5: Windows Firewall is on in every profile and blocks unsolicited inbound traffic by
 * default, so a server only answers on the ports its rules open. NotConfigured in the active
 * store means Windows' default: enabled, inbound blocked.
 */
import type { FirewallProfile } from '../../evidence/importers/firewall-profiles.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

const PROFILES = ['Domain', 'Private', 'Public'];

export const hostFirewall: Control = {
  id: 'EXZT.NET.5',
  area: 'network',
  title: 'Windows Firewall is on and blocks unsolicited inbound traffic',
  rationale:
    'A host firewall is the last filter in front of every service a server runs, including ' +
    'management ports no client needs. With it off, or set to allow inbound traffic by default, ' +
    'one flat network lets an attacker reach everything after the first foothold.',
  remediation: {
    text:
      'Turn Windows Firewall on in the Domain, Private and Public profiles with inbound traffic ' +
      'blocked by default (by group policy, so it stays so); Exchange setup adds the rules it needs.',
    powershell:
      'Set-NetFirewallProfile -Profile Domain,Private,Public -Enabled True -DefaultInboundAction Block',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.firewall-profiles'] },
  mappings: {
    cisV8: ['4.4', '13.4'],
    nist800207: ['T1'],
    iso27001: ['A.8.20', 'A.8.22'],
    nist80053: ['SC-7', 'SC-7(5)'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: ['network.requireFirewall'],
  evaluate(context) {
    if (!context.policy.network.requireFirewall) {
      return notApplicable('the policy does not require a host firewall (network.requireFirewall)');
    }

    const fact = context.fact('os.firewall-profiles');
    const profiles = required(fact, 'os.firewall-profiles');
    const findings = PROFILES.flatMap((name) => {
      const index = profiles.findIndex((p) => p.name.toLowerCase() === name.toLowerCase());
      const provenance = fact.provenance[index];
      return profileFindings(name, profiles[index]).map((finding) => ({
        ...finding,
        evidence: provenance === undefined ? fact.provenance.slice(0, 1) : [provenance],
      }));
    });
    if (findings.length > 0) return fail('Windows Firewall does not guard every profile', findings);

    return pass(
      'Windows Firewall is on and blocks inbound by default in every profile',
      fact.provenance,
    );
  },
};

function profileFindings(
  name: string,
  profile: FirewallProfile | undefined,
): Omit<Finding, 'evidence'>[] {
  if (profile === undefined) return [{ object: name, message: 'profile missing from the export' }];

  const findings: Omit<Finding, 'evidence'>[] = [];
  if (profile.enabled.toLowerCase() === 'false') {
    findings.push({ object: name, message: 'firewall is off', value: profile.enabled });
  }
  if (profile.defaultInboundAction.toLowerCase() === 'allow') {
    const message = 'unsolicited inbound traffic is allowed by default';
    findings.push({ object: name, message, value: profile.defaultInboundAction });
  }
  return findings;
}
