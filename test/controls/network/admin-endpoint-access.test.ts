import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { adminEndpointAccess } from '../../../src/controls/network/admin-endpoint-access.js';
import {
  importApplicationHost,
  type ApplicationHostConfig,
} from '../../../src/evidence/importers/application-host.js';
import type { ClientAccessRule } from '../../../src/evidence/importers/client-access-rules.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const ADMIN_ONLY = `<ipSecurity allowUnlisted="false">
  <add ipAddress="10.10.0.0" subnetMask="255.255.255.0" allowed="true" />
</ipSecurity>`;

/** applicationHost.config with the given ipSecurity on the front-end ecp and PowerShell. */
function applicationHost(ecp: string, powershell: string): ApplicationHostConfig {
  const location = (vdir: string, ipSecurity: string) =>
    `<location path="Default Web Site/${vdir}"><system.webServer><security>${ipSecurity}</security></system.webServer></location>`;
  const text = `<configuration>${location('ecp', ecp)}${location('PowerShell', powershell)}</configuration>`;
  return importApplicationHost(text, 'applicationHost.config').value;
}

function denyOutsideAdmin(changes: Partial<ClientAccessRule> = {}): ClientAccessRule {
  return {
    name: 'Admin network only',
    priority: 2,
    enabled: true,
    action: 'DenyAccess',
    anyOfProtocols: ['ExchangeAdminCenter', 'RemotePowerShell'],
    anyOfClientIPAddressesOrRanges: [],
    exceptAnyOfClientIPAddressesOrRanges: ['10.10.0.0/24'],
    usernameMatchesAnyOfPatterns: [],
    anyOfAuthenticationTypes: [],
    ...changes,
  };
}

function run(config: ApplicationHostConfig, rules?: ClientAccessRule[]) {
  return onlyResult(
    runControl(adminEndpointAccess, {
      servers: { EX01: { 'iis.application-host': config } },
      ...(rules === undefined ? {} : { organization: { 'exchange.client-access-rules': rules } }),
    }),
  );
}

describe('EXZT.NET.1 EAC and remote PowerShell answer only the admin networks', () => {
  it('is not assessed on E19 applicationHost.config: IIS open, client access rules not collected', async () => {
    const file = path.join(CORPUS_DIR, 'E19', 'Exchange', 'IIS', 'applicationHost.config');
    const config = importApplicationHost(await readFile(file, 'utf8'), file).value;
    const result = run(config);
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['organization:exchange.client-access-rules']);
    assert.match(result.message, /IIS does not restrict ecp, powershell/);
  });

  it('fails on E19 when the collected client access rules do not block EAC', async () => {
    const file = path.join(CORPUS_DIR, 'E19', 'Exchange', 'IIS', 'applicationHost.config');
    const config = importApplicationHost(await readFile(file, 'utf8'), file).value;
    const result = run(config, []);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['Default Web Site/ecp', 'Default Web Site/PowerShell'],
    );
    assert.deepEqual(Object.keys(result.findings[0] ?? {}).sort(), [
      'evidence',
      'message',
      'object',
    ]);
  });

  it('passes with IIS allowing only the admin network on both virtual directories', () => {
    assert.equal(run(applicationHost(ADMIN_ONLY, ADMIN_ONLY)).outcome, 'pass');
  });

  it('fails when IIS allows an address outside the admin network', () => {
    const wide = ADMIN_ONLY.replace(
      '</ipSecurity>',
      '<add ipAddress="10.20.0.0" subnetMask="16" allowed="true" /></ipSecurity>',
    );
    const result = run(applicationHost(ADMIN_ONLY, wide), []);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /IIS allows 10\.20\.0\.0\/16 outside the admin networks/,
    );
  });

  it('takes the virtual directory’s own ipSecurity over the site’s', () => {
    const site = `<location path="Default Web Site"><system.webServer><security>${ADMIN_ONLY}</security></system.webServer></location>`;
    const text = `<configuration>${site}<location path="Default Web Site/ecp"><system.webServer><security><ipSecurity allowUnlisted="true" /></security></system.webServer></location></configuration>`;
    const result = run(importApplicationHost(text, 'applicationHost.config').value, []);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['Default Web Site/ecp'],
    );
  });

  it('passes when IIS is open but a client access rule denies everyone outside the admin network', () => {
    assert.equal(run(applicationHost('', ''), [denyOutsideAdmin()]).outcome, 'pass');
  });

  it('fails when an earlier allow rule lets any address reach EAC', () => {
    const allowAll = denyOutsideAdmin({
      name: 'Allow all',
      priority: 1,
      action: 'AllowAccess',
      exceptAnyOfClientIPAddressesOrRanges: [],
    });
    const result = run(applicationHost('', ''), [allowAll, denyOutsideAdmin()]);
    assert.equal(result.outcome, 'fail');
  });

  it('fails when the deny rule only covers some users', () => {
    const partial = denyOutsideAdmin({ usernameMatchesAnyOfPatterns: ['*admin*'] });
    assert.equal(run(applicationHost('', ''), [partial]).outcome, 'fail');
  });

  it('is not applicable when the policy keeps no IIS endpoint off the Internet', () => {
    const result = onlyResult(
      runControl(
        adminEndpointAccess,
        { servers: { EX01: { 'iis.application-host': applicationHost('', '') } } },
        { policy: { network: { ...defaultNetwork(), neverInternetFacing: ['pop'] } } },
      ),
    );
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without applicationHost.config', () => {
    const result = onlyResult(runControl(adminEndpointAccess, { servers: { EX01: {} } }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['iis.application-host (not collected)']);
  });
});

function defaultNetwork() {
  return {
    internetFacing: [],
    neverInternetFacing: [],
    zones: { admin: ['admin'], clients: ['clients'], servers: ['servers'], backup: ['backup'] },
    separateBackupTraffic: true,
    requireFirewall: true,
  };
}
