/**
 * Member reads the connector importers share: flag enums as lists of names and multi-valued
 * properties whose items are objects (IPBinding, SmtpAddressSpace) that only their text names.
 */
import type { CliNode } from '../clixml/model.js';
import { asString } from '../clixml/index.js';

/** "Tls, Integrated, BasicAuth" (a flags enum's text) as ["Tls", "Integrated", "BasicAuth"]. */
export function flagNames(node: CliNode | undefined): string[] {
  return (asString(node) ?? '')
    .split(',')
    .map((flag) => flag.trim())
    .filter((flag) => flag !== '' && flag !== 'None');
}

/**
 * The items of a multi-valued property as text. Binding and address-space objects carry no
 * members a remote session keeps, and their ToString is computed from the value itself.
 */
export function itemTexts(node: CliNode | undefined): string[] {
  if (node?.kind !== 'object' || node.items === undefined) {
    const single = asString(node);
    return single === undefined || single === '' ? [] : [single];
  }

  return node.items.flatMap((item) => {
    const text = asString(item) ?? (item.kind === 'object' ? item.toString : undefined);
    return text === undefined || text === '' ? [] : [text];
  });
}

/**
 * The text of a member that may be an object: an ADObjectId, or an SmtpX509Identifier
 * ("<I>issuer<S>subject"), whose ToString is computed from the value it names.
 */
export function objectName(node: CliNode | undefined): string | undefined {
  if (node?.kind === 'object') return asString(node) ?? node.toString;
  return asString(node);
}
