/**
 * exchange.cas-mailboxes: Get-CASMailbox -ResultSize Unlimited, the client protocols each mailbox
 * may use. Built for organisations of 100,000 mailboxes: each entry keeps only what the controls
 * read.
 */
import type { CliDocument } from '../clixml/model.js';
import { asBoolean, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { identityText, importObjectList, textOf } from './object-list.js';

export interface CasMailbox {
  identity: string;
  primarySmtpAddress?: string;
  popEnabled?: boolean;
  imapEnabled?: boolean;
  activeSyncEnabled?: boolean;
  mapiEnabled?: boolean;
  owaEnabled?: boolean;
  ewsEnabled?: boolean;
  /** Per-mailbox MAPI over HTTP override; undefined follows the organisation. */
  mapiHttpEnabled?: boolean;
}

const PROTOCOL_FLAGS = [
  ['popEnabled', 'PopEnabled'],
  ['imapEnabled', 'ImapEnabled'],
  ['activeSyncEnabled', 'ActiveSyncEnabled'],
  ['mapiEnabled', 'MAPIEnabled'],
  ['owaEnabled', 'OWAEnabled'],
  ['ewsEnabled', 'EwsEnabled'],
  ['mapiHttpEnabled', 'MapiHttpEnabled'],
] as const;

export function importCasMailboxes(document: CliDocument): ImportedValue<CasMailbox[]> {
  return importObjectList(
    document,
    {
      typeSuffix: 'CASMailbox',
      expected: 'a CASMailbox object with an Identity (Get-CASMailbox)',
    },
    (object) => {
      const identity = identityText(member(object, 'Identity')) ?? textOf(member(object, 'Name'));
      if (identity === undefined) return undefined;

      const mailbox: CasMailbox = { identity };
      assignDefined(mailbox, 'primarySmtpAddress', textOf(member(object, 'PrimarySmtpAddress')));
      for (const [key, name] of PROTOCOL_FLAGS) {
        assignDefined(mailbox, key, asBoolean(member(object, name)));
      }
      return mailbox;
    },
  );
}
