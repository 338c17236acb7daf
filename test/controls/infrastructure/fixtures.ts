/** Evidence values the infrastructure control tests share. */
import { latestSecurityUpdate } from '../../../src/knowledge/index.js';

export const SE_LATEST_BUILD = latestSecurityUpdate('ExchangeSE', 'RTM')?.build ?? '';

export const MAILBOX_SERVER = {
  name: 'EX01',
  serverRoles: ['Mailbox'],
  isEdgeServer: false,
  mitigationsApplied: [],
};

export const WINDOWS_2022 = {
  caption: 'Microsoft Windows Server 2022 Datacenter',
  version: '10.0.20348',
  buildNumber: '20348',
};

/** EX01 on `build` with Windows Server 2022. */
export function serverOnBuild(build: string) {
  return {
    servers: {
      EX01: {
        'exchange.server': MAILBOX_SERVER,
        'exchange.setup-version': { fileVersion: build },
        'os.operating-system': WINDOWS_2022,
      },
    },
  };
}

/** EX01 on the newest Exchange SE build and Windows Server 2022, plus `extra` kinds. */
export function seServer(extra: Record<string, unknown> = {}) {
  return {
    servers: {
      EX01: {
        'exchange.server': MAILBOX_SERVER,
        'exchange.setup-version': { fileVersion: SE_LATEST_BUILD },
        'os.operating-system': WINDOWS_2022,
        ...extra,
      },
    },
  };
}
