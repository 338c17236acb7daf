/**
 * EXZT.NET.3: no receive connector lets unauthenticated senders relay. Two configurations do: the
 * right ms-Exch-SMTP-Accept-Any-Recipient granted to ANONYMOUS LOGON on a connector that admits
 * AnonymousUsers (only Get-ADPermission shows it), and an Externally Secured connector
 * (AuthMechanism ExternalAuthoritative), which trusts every host in its RemoteIPRanges as an
 * Exchange server (visible on the connector itself).
 */
import type { ReceiveConnectorPermission } from '../../evidence/importers/receive-connector-permissions.js';
import type { ReceiveConnector } from '../../evidence/importers/receive-connectors.js';
import type { Provenance } from '../../evidence/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notAssessed, optional, pass, required } from '../outcomes.js';

const ACCEPT_ANY_RECIPIENT = 'ms-exch-smtp-accept-any-recipient';
const ANONYMOUS = 'nt authority\\anonymous logon';

export const anonymousRelay: Control = {
  id: 'EXZT.NET.3',
  area: 'network',
  title: 'No receive connector relays for anonymous or externally secured senders',
  rationale:
    'A connector that lets anonymous senders relay, or that treats every host in its IP ranges as ' +
    'a trusted Exchange server, turns any compromised or spoofed host in those ranges into a ' +
    'sender of mail in the organisation’s name, past anti-spam and sender checks.',
  remediation: {
    text:
      'Remove Accept-Any-Recipient from ANONYMOUS LOGON and the ExternalAuthoritative mechanism; ' +
      'let applications that must relay authenticate, or scope a relay connector to their addresses.',
    powershell:
      'Get-ReceiveConnector "<SERVER>\\<Connector>" | Remove-ADPermission -User "NT AUTHORITY\\ANONYMOUS LOGON" ' +
      '-ExtendedRights "Ms-Exch-SMTP-Accept-Any-Recipient"',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.receive-connectors'] },
  mappings: {
    cisV8: ['4.1', '13.4'],
    nist800207: ['T6'],
    iso27001: ['A.8.20', 'A.8.21'],
    nist80053: ['AC-3', 'SC-7'],
    disaStig: ['V-259687', 'V-259622'],
    ztmm: [{ pillar: 'networks', function: 'Network Traffic Management' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('exchange.receive-connectors');
    const connectors = required(fact, 'exchange.receive-connectors');
    const permissionFact = context.fact('exchange.receive-connector-permissions');
    const permissions = optional(permissionFact);

    const findings: Finding[] = [];
    const unknown: string[] = [];
    connectors.forEach((connector, index) => {
      if (!connector.enabled) return;
      const evidence = [fact.provenance[index]].filter((p) => p !== undefined);
      findings.push(...externallySecured(connector, evidence));
      if (!connector.permissionGroups.includes('AnonymousUsers')) return;
      if (permissions === undefined) unknown.push(connector.name);
      else findings.push(...anonymousGrants(connector, permissions, permissionFact.provenance));
    });

    if (findings.length > 0)
      return fail('a receive connector relays for unauthenticated senders', findings);
    if (unknown.length > 0) {
      const names = unknown.join(', ');
      return notAssessed(
        `${names} admit(s) anonymous senders; whether they may relay needs Get-ADPermission`,
        ['exchange.receive-connector-permissions'],
      );
    }
    return pass('no enabled receive connector lets unauthenticated senders relay', fact.provenance);
  },
};

function externallySecured(connector: ReceiveConnector, evidence: Provenance[]): Finding[] {
  if (!connector.authMechanism.includes('ExternalAuthoritative')) return [];

  const ranges = connector.remoteIpRanges.join(', ') || 'its remote IP ranges';
  return [
    {
      object: connector.identity ?? connector.name,
      message: `Externally Secured: every host in ${ranges} is trusted as an Exchange server`,
      value: connector.authMechanism,
      evidence,
    },
  ];
}

function anonymousGrants(
  connector: ReceiveConnector,
  permissions: ReceiveConnectorPermission[],
  provenance: Provenance[],
): Finding[] {
  const onConnector = permissions
    .map((permission, index) => ({ permission, evidence: provenance[index] }))
    .filter(({ permission }) => sameConnector(permission.connector, connector))
    .filter(({ permission }) => permission.user.toLowerCase() === ANONYMOUS)
    .filter(({ permission }) =>
      permission.extendedRights.some((right) => right.toLowerCase() === ACCEPT_ANY_RECIPIENT),
    );
  if (onConnector.some(({ permission }) => permission.deny)) return [];

  return onConnector.map(({ evidence }) => ({
    object: connector.identity ?? connector.name,
    message: 'ANONYMOUS LOGON holds ms-Exch-SMTP-Accept-Any-Recipient: anonymous relay',
    value: connector.remoteIpRanges,
    evidence: evidence === undefined ? [] : [evidence],
  }));
}

/** Get-ADPermission names the connector "SERVER\Name"; compare on that, or on the name alone. */
function sameConnector(permissionConnector: string, connector: ReceiveConnector): boolean {
  const wanted = permissionConnector.toLowerCase();
  const identity = (connector.identity ?? connector.name).toLowerCase();
  return wanted === identity || wanted.split('\\').pop() === connector.name.toLowerCase();
}
