/**
 * The policy, waivers and attestations translated with the same key as the evidence: networks
 * through the prefix-preserving map (so the hosts a network held it still holds), break-glass
 * accounts and waived servers through the same pseudonyms as the evidence, free text (reasons,
 * statements, approvers) through the text redactor. Objects for `--redact`; YAML files, comments
 * included, for `exzt evidence redact --policy/--waivers/--attestations`.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { Attestation, Policy, Waiver } from '../policy/model.js';
import type { TextRedactor } from './text-redactor.js';

export function redactPolicy(policy: Policy, redactor: TextRedactor): Policy {
  const networks = Object.fromEntries(
    Object.entries(policy.networks).map(([name, cidrs]) => [
      name,
      cidrs.map((cidr) => redactor.addresses.redact(cidr) ?? cidr),
    ]),
  );
  const breakGlassAccounts = policy.identity.breakGlassAccounts.map((name) =>
    redactor.pseudonyms.user(name),
  );
  return {
    ...policy,
    organization: redactor.redact(policy.organization),
    networks,
    identity: { ...policy.identity, breakGlassAccounts },
  };
}

export function redactWaivers(waivers: readonly Waiver[], redactor: TextRedactor): Waiver[] {
  return waivers.map((waiver) => {
    const subjects = { ...waiver.subjects };
    if (subjects.servers !== undefined)
      subjects.servers = subjects.servers.map((server) => redactor.pseudonyms.label(server));
    return {
      ...waiver,
      subjects,
      reason: redactor.redact(waiver.reason),
      approvedBy: redactor.redact(waiver.approvedBy),
      source: { ...waiver.source, file: redactor.redact(waiver.source.file) },
    };
  });
}

export function redactAttestations(
  attestations: readonly Attestation[],
  redactor: TextRedactor,
): Attestation[] {
  return attestations.map((attestation) => ({
    ...attestation,
    statement: redactor.redact(attestation.statement),
    attestedBy: redactor.redact(attestation.attestedBy),
    source: { ...attestation.source, file: redactor.redact(attestation.source.file) },
  }));
}

/**
 * A policy, waivers or attestations YAML file, redacted value by value: keys stay, comments and
 * values are redacted, with the same special cases as the objects above, found by key path.
 */
export function redactYamlText(text: string, redactor: TextRedactor): string {
  const document = parseDocument(text);
  if (document.commentBefore) document.commentBefore = redactor.redact(document.commentBefore);
  if (document.comment) document.comment = redactor.redact(document.comment);
  visit(document, {
    Node(key, node, path) {
      redactComments(node, redactor);
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string') return;
      node.value = redactScalar(node.value, keyPath(path), redactor);
    },
  });
  return document.toString({ lineWidth: 0 });
}

function redactScalar(value: string, keys: string[], redactor: TextRedactor): string {
  const [first, second] = keys;
  if (first === 'networks') return redactor.addresses.redact(value) ?? redactor.redact(value);
  if (first === 'identity' && second === 'breakGlassAccounts')
    return redactor.pseudonyms.user(value);
  if (keys.includes('subjects') && keys.includes('servers'))
    return redactor.pseudonyms.label(value);
  return redactor.redact(value);
}

function redactComments(node: Node, redactor: TextRedactor): void {
  if (node.commentBefore) node.commentBefore = redactor.redact(node.commentBefore);
  if (node.comment) node.comment = redactor.redact(node.comment);
}

/** The keys of the pairs above a node, outermost first. */
function keyPath(path: readonly unknown[]): string[] {
  const keys: string[] = [];
  for (const step of path) {
    if (isPair(step) && isScalar(step.key)) keys.push(String(step.key.value));
    else if (isMap(step) || isSeq(step)) continue;
  }
  return keys;
}
