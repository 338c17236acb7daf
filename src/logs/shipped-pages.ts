/**
 * The .aspx pages Exchange ships in the folders where ProxyLogon, ProxyShell and ProxyNotShell
 * web shells were dropped. A request for any other .aspx page there is a web-shell indicator.
 *
 * Source: the file names Elastic's detection rule "Microsoft Exchange Server UM Writing
 * Suspicious Files" (elastic/detection-rules) allows in FrontEnd\HttpProxy\owa\auth and
 * FrontEnd\HttpProxy\ecp\auth; the same list appears in public Exchange IOC scripts (2021–22).
 * IIS's aspnet_client folder holds no .aspx page at all.
 */

export interface WatchedFolder {
  /** URL path prefix, lower case, with trailing slash. */
  prefix: string;
  /** Lower-case page names shipped directly in the folder; subfolders ship none. */
  shipped: readonly string[];
}

export const WATCHED_FOLDERS: readonly WatchedFolder[] = [
  {
    prefix: '/owa/auth/',
    shipped: [
      'errorfe.aspx',
      'expiredpassword.aspx',
      'frowny.aspx',
      'logoff.aspx',
      'logon.aspx',
      'outlookcn.aspx',
      'redirsuiteserviceproxy.aspx',
      'signout.aspx',
    ],
  },
  { prefix: '/ecp/auth/', shipped: ['timeoutlogout.aspx'] },
  { prefix: '/aspnet_client/', shipped: [] },
];

// TODO(#7): other ECP and OWA folders ship hundreds of .aspx pages served by the back end; they
// are not listed, so a shell dropped there (rather than in the folders above) is not flagged.

/** True when the stem is an .aspx page in a watched folder that Exchange does not ship. */
export function isUnshippedPage(stem: string): boolean {
  const lower = stem.toLowerCase();
  if (!lower.endsWith('.aspx')) return false;

  for (const folder of WATCHED_FOLDERS) {
    if (!lower.startsWith(folder.prefix)) continue;
    const rest = lower.slice(folder.prefix.length);
    return rest.includes('/') || !folder.shipped.includes(rest);
  }
  return false;
}
