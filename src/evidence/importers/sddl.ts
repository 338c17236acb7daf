/**
 * The DACL of an SDDL security descriptor, ACE by ACE ([MS-DTYP] §2.5.1.1: "ace_type;ace_flags;
 * rights;object_guid;inherit_object_guid;account_sid"). Rights stay as their two-letter codes
 * (WP write property, WD write DACL, …); trustees stay as SIDs or SDDL aliases.
 */
import { ExztError } from '../../errors.js';

export interface AccessControlEntry {
  /** A allow, D deny, OA object allow, OD object deny (the audit ACEs live in the SACL). */
  type: string;
  /** CI container inherit, IO inherit only, ID inherited, … */
  flags: string[];
  rights: string[];
  /** The property, property set or extended right the ACE applies to. */
  objectType?: string;
  /** The class of child objects the ACE is inherited by. */
  inheritedObjectType?: string;
  trustee: string;
}

const ACE = /\(([^()]*)\)/g;

/** The ACEs of the `D:` part, or an error naming the text that does not parse. */
export function parseDacl(sddl: string, where: string): AccessControlEntry[] {
  const start = sddl.indexOf('D:');
  if (start < 0) return [];

  const saclStart = sddl.indexOf('S:', start);
  const dacl = sddl.slice(start, saclStart < 0 ? undefined : saclStart);
  return [...dacl.matchAll(ACE)].map((match) => parseAce(match[1] ?? '', where));
}

function parseAce(text: string, where: string): AccessControlEntry {
  const fields = text.split(';');
  const [type, flags, rights, objectType, inheritedObjectType, trustee] = fields;
  if (fields.length !== 6 || !type || rights === undefined || !trustee) {
    throw new ExztError(
      'EVIDENCE',
      `${where}: the ACE "(${text})" is not SDDL; expected six fields ` +
        'type;flags;rights;object;inherited object;trustee',
    );
  }

  const ace: AccessControlEntry = {
    type,
    flags: pairs(flags ?? ''),
    rights: rights.startsWith('0x') ? [rights] : pairs(rights),
    trustee,
  };
  if (objectType) ace.objectType = objectType.toLowerCase();
  if (inheritedObjectType) ace.inheritedObjectType = inheritedObjectType.toLowerCase();
  return ace;
}

/** "CIIO" → ["CI", "IO"]. */
function pairs(text: string): string[] {
  return text.match(/.{1,2}/g) ?? [];
}
