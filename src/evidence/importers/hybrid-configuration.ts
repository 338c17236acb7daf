/**
 * exchange.hybrid-configuration: Get-HybridConfiguration. The Hybrid Configuration Wizard
 * writes one object; an organisation that never ran it exports an empty document, which imports
 * as `configured: false`.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asString, asStringList, member } from '../clixml/index.js';
import { objectAnchor, objectsOf } from './read.js';

export interface HybridConfiguration {
  configured: boolean;
  /** Hybrid domains (SMTP domains), e.g. contoso.com. */
  domains: string[];
  /** Features the wizard turned on: FreeBusy, MoveMailbox, Mailtips, … */
  features: string[];
  onPremisesSmartHost?: string;
}

export function importHybridConfiguration(
  document: CliDocument,
): ImportedValue<HybridConfiguration> {
  const first = objectsOf(document)[0];
  if (first === undefined)
    return { value: { configured: false, domains: [], features: [] }, anchors: [] };

  const { object, index } = first;
  const value: HybridConfiguration = {
    configured: true,
    domains: domainsOf(member(object, 'Domains')),
    features: asStringList(member(object, 'Features')) ?? [],
  };
  const smartHost = member(object, 'OnPremisesSmartHost');
  const smartHostText = asString(member(smartHost, 'Domain')) ?? asString(smartHost);
  if (smartHostText !== undefined) value.onPremisesSmartHost = smartHostText;
  return { value, anchors: [objectAnchor(object, index)] };
}

/** AutoDiscoverSmtpDomain objects keep the name in Domain; a remote session gives strings. */
function domainsOf(node: CliNode | undefined): string[] {
  if (node?.kind !== 'object' || node.items === undefined) return asStringList(node) ?? [];

  return node.items.flatMap((item) => asString(member(item, 'Domain')) ?? asString(item) ?? []);
}
