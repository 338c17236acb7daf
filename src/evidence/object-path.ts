/**
 * Anchors: the node a fact was read from and the way to it from the document root, written as
 * the object path of its provenance (`Objs[0].Props.AdminDisplayVersion`).
 */
import { pathOf } from './clixml/index.js';
import type { CliNode } from './clixml/model.js';

export interface FactAnchor {
  /** The node whose position the provenance gives. */
  node: CliNode;
  /** Index of the top-level object in `Objs`. */
  index: number;
  top: CliNode;
  /** Member names from the top-level object down to the node; empty for the object itself. */
  members: string[];
}

export function describeObjectPath(anchor: FactAnchor): string {
  return pathOf(anchor.index, anchor.top, ...anchor.members);
}
