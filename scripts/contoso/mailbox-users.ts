/**
 * Contoso's mailbox users: 240 people named from two fixed lists, so the CAS mailbox export has a
 * realistic size and the mobile devices and the MDM export can name the same owners.
 */
import { DOMAIN } from './servers.js';

const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chris',
  'Daan',
  'Emma',
  'Femke',
  'Gijs',
  'Hanna',
  'Iris',
  'Joris',
  'Kees',
  'Lotte',
  'Milan',
  'Noor',
  'Olaf',
  'Pien',
  'Ruben',
  'Sanne',
  'Thijs',
  'Vera',
];
const LAST_NAMES = [
  'Bakker',
  'de Boer',
  'Dekker',
  'van Dijk',
  'Jansen',
  'de Jong',
  'Meijer',
  'Mulder',
  'Peters',
  'Smit',
  'Visser',
  'de Vries',
];

export interface MailboxUser {
  displayName: string;
  /** UPN and primary SMTP address are the same at Contoso. */
  address: string;
}

export const MAILBOX_USER_COUNT = 240;

export function mailboxUser(index: number): MailboxUser {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'User';
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Contoso';
  const local = `${first}.${last}`.toLowerCase().replace(/ /g, '');
  return { displayName: `${first} ${last}`, address: `${local}@${DOMAIN}` };
}

export function mailboxUsers(): MailboxUser[] {
  return Array.from({ length: MAILBOX_USER_COUNT }, (_, index) => mailboxUser(index));
}
