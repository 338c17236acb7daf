import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  VIRTUAL_DIRECTORY_KINDS,
  virtualDirectoryAuth,
} from '../../../src/controls/identity/virtual-directory-auth.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import {
  importVirtualDirectories,
  type AuthMethod,
  type VirtualDirectory,
} from '../../../src/evidence/importers/virtual-directories.js';
import {
  factState,
  onlyResult,
  runControl,
  type KindValues,
} from '../../helpers/control-harness.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const directory = (name: string, offered: AuthMethod[]): VirtualDirectory => ({
  name,
  server: 'EX01',
  offered,
  offeredBy: Object.fromEntries(offered.map((m) => [m, ['InternalAuthenticationMethods']])),
  unrecognised: [],
});
const exchangeServer = (isEdgeServer = false) => ({
  name: 'EX01',
  serverRoles: isEdgeServer ? ['Edge'] : ['Mailbox'],
  isEdgeServer,
  mitigationsApplied: [],
});

/** Every vdir kind offering only OAuth (and Negotiate), with changes per kind. */
function server(changes: KindValues = {}): KindValues {
  const all: KindValues = { 'exchange.server': exchangeServer() };
  for (const kind of VIRTUAL_DIRECTORY_KINDS) {
    (all as Record<string, unknown>)[kind] = [directory(kind, ['negotiate', 'oauth'])];
  }
  return { ...all, ...changes };
}

describe('EXZT.IDN.6 forbidden authentication methods on virtual directories', () => {
  it('passes when no directory offers basic or digest', () => {
    const result = onlyResult(runControl(virtualDirectoryAuth, { servers: { EX01: server() } }));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /basic, digest/);
  });

  it("fails on E19's OWA export, which offers Basic through InternalAuthenticationMethods", async () => {
    const file = path.join(CORPUS_DIR, 'E19', 'Exchange', 'GetOwaVirtualDirectory.xml');
    const owa = importVirtualDirectories(await readCliXmlFile(file)).value;
    const result = onlyResult(
      runControl(virtualDirectoryAuth, {
        servers: { EX01: server({ 'exchange.owa-virtual-directory': owa }) },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [['SOLO-E19A\\owa (Default Web Site)', 'offers basic (InternalAuthenticationMethods)']],
    );
  });

  it('fails on NTLM and forms when the policy forbids them; Basic allowed by apps.basicAuth alone', () => {
    const result = onlyResult(
      runControl(
        virtualDirectoryAuth,
        {
          servers: {
            EX01: server({
              'exchange.outlook-anywhere': [directory('Rpc (Default Web Site)', ['basic', 'ntlm'])],
            }),
          },
        },
        {
          policy: {
            identity: { forbiddenAuthMethods: ['ntlm', 'forms'] },
            apps: { basicAuth: 'allow' },
          },
        },
      ),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.value, ['ntlm']);
  });

  it('is not applicable on an Edge Transport server', () => {
    const result = onlyResult(
      runControl(virtualDirectoryAuth, {
        servers: { EX01: server({ 'exchange.server': exchangeServer(true) }) },
      }),
    );
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed when a virtual-directory kind was not collected', () => {
    const result = onlyResult(
      runControl(virtualDirectoryAuth, {
        servers: { EX01: server({ 'exchange.ecp-virtual-directory': factState('not-collected') }) },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.ecp-virtual-directory (not collected)']);
  });
});
