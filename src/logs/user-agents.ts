/**
 * Client name and version from a User-Agent, in the client names logs.client-versions uses
 * (EXZT.APP.6 Outlook, EXZT.APP.8 browsers). Outlook for Windows writes its build after
 * "Microsoft Outlook" (MAPI over HTTP, EWS); Outlook for Mac writes "MacOutlook/<build>".
 * Outlook mobile and ActiveSync agents carry no app build; ActiveSync device OS versions come
 * from the mobile-device inventory (EXZT.END controls), which is more exact than a UA string.
 */

export interface ClientAgent {
  client: string;
  version: string;
}

const PATTERNS: ReadonlyArray<[client: string, pattern: RegExp]> = [
  ['outlook-windows', /Microsoft Outlook (\d+\.\d+\.\d+(?:\.\d+)?)/],
  ['outlook-mac', /MacOutlook\/(\d+\.\d+(?:\.\d+)*)/],
  ['edge', /Edge?\/(\d+(?:\.\d+)+)/],
  ['firefox', /Firefox\/(\d+(?:\.\d+)+)/],
  ['chrome', /Chrome\/(\d+(?:\.\d+)+)/],
  ['safari', /Version\/(\d+(?:\.\d+)+).*Safari\//],
];

/** The client the agent names, or null for agents the policy has no minimum for. */
export function parseUserAgent(agent: string): ClientAgent | null {
  if (/OPR\/|SamsungBrowser/.test(agent)) return null;
  for (const [client, pattern] of PATTERNS) {
    const version = pattern.exec(agent)?.[1];
    if (version !== undefined) return { client, version };
  }
  return null;
}
