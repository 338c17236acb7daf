import type { Control } from '../model.js';
import { adminAccessRules } from './admin-access-rules.js';
import { browserVersions } from './browser-versions.js';
import { downloadDomains } from './download-domains.js';
import { legacyAuthBlocked } from './legacy-auth-blocked.js';
import { legacyProtocolMailboxes } from './legacy-protocol-mailboxes.js';
import { mapiOverHttp } from './mapi-over-http.js';
import { outlookVersions } from './outlook-versions.js';
import { popImapServices } from './pop-imap-services.js';
import { legacyAuthInUse } from './legacy-auth-in-use.js';

/** The apps controls, in id order; one module per control beside this file. */
export const APPS_CONTROLS: Control[] = [
  popImapServices,
  legacyProtocolMailboxes,
  mapiOverHttp,
  adminAccessRules,
  downloadDomains,
  outlookVersions,
  legacyAuthBlocked,
  browserVersions,
  legacyAuthInUse,
];
