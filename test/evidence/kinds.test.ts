import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { classifyMember } from '../../src/evidence/healthchecker-layout.js';
import { EVIDENCE_KINDS, type KindValueMap } from '../../src/evidence/kinds.js';
import { CORPUS_DIR } from '../helpers/paths.js';

/** The kinds the type KindValueMap names; the compiler checks this list against the type. */
const TYPED_KINDS: Record<keyof KindValueMap, true> = {
  'exchange.server': true,
  'exchange.setup-version': true,
  'exchange.installed-updates': true,
  'os.operating-system': true,
  'os.reboot-pending': true,
  'os.hotfixes': true,
  'exchange.setting-overrides': true,
  'exchange.accepted-domains': true,
  'exchange.receive-connector-permissions': true,
  'exchange.dag-networks': true,
  'os.net-ip-configuration': true,
  'os.network-adapter-configuration': true,
  'os.firewall-profiles': true,
  'os.smb-server-configuration': true,
  'os.windows-features': true,
  'os.performance-counters': true,
  'os.dotnet-file-versions': true,
  'os.dotnet-release': true,
  'os.lsa-settings': true,
  'os.device-guard': true,
  'exchange.iis-modules': true,
  'exchange.fipfs-engine-state': true,
  'exchange.mitigation-service': true,
  'exchange.mitigation-endpoint': true,
  'exchange.mailbox-databases': true,
  'hardware.computer-system': true,
  'hardware.processor': true,
  'os.services': true,
  'mobile.devices': true,
  'exchange.mobile-device-policies': true,
  'exchange.activesync-organization-settings': true,
  'exchange.cas-mailboxes': true,
  'exchange.client-access-rules': true,
  'exchange.authentication-policies': true,
  'inventory.mdm-devices': true,
  'logs.client-versions': true,
  'logs.indicators': true,
  'logs.admin-access': true,
  'logs.legacy-auth': true,
  'logs.client-addresses': true,
  'exchange.role-group-members': true,
  'exchange.role-assignments': true,
  'exchange.organization-config': true,
  'exchange.partner-applications': true,
  'exchange.auth-servers': true,
  'exchange.hybrid-configuration': true,
  'ad.domain-acls': true,
  'ad.exchange-well-known-groups': true,
  'exchange.owa-virtual-directory': true,
  'exchange.ecp-virtual-directory': true,
  'exchange.web-services-virtual-directory': true,
  'exchange.activesync-virtual-directory': true,
  'exchange.mapi-virtual-directory': true,
  'exchange.oab-virtual-directory': true,
  'exchange.autodiscover-virtual-directory': true,
  'exchange.powershell-virtual-directory': true,
  'exchange.outlook-anywhere': true,
  'os.tls-settings': true,
  'os.bitlocker-volumes': true,
  'os.msipc-server-acl': true,
  'exchange.certificates': true,
  'exchange.receive-connectors': true,
  'exchange.send-connectors': true,
  'exchange.auth-config': true,
  'exchange.irm-configuration': true,
  'exchange.admin-audit-log-config': true,
  'exchange.log-folders': true,
  'iis.application-host': true,
  'probe.https': true,
  'probe.smtp': true,
};

/** Typed kinds exzt produces itself (`exzt logs scan`), which no importer reads from files. */
const PRODUCED_BY_EXZT = new Set([
  'logs.client-versions',
  'logs.indicators',
  'logs.admin-access',
  'logs.legacy-auth',
  'logs.client-addresses',
]);

async function corpusFiles(server: string): Promise<string[]> {
  const root = path.join(CORPUS_DIR, server);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

test('kind ids are unique and shaped <area>.<what>', () => {
  const ids = EVIDENCE_KINDS.map((kind) => kind.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+\.[a-z0-9.-]+$/, id);
});

test('bundle file names are unique and named after the kind', () => {
  const names = EVIDENCE_KINDS.map((kind) => kind.bundleFile.toLowerCase());
  assert.equal(new Set(names).size, names.length);
  for (const kind of EVIDENCE_KINDS)
    assert.match(
      kind.bundleFile,
      new RegExp(`^${kind.id.replace(/\./g, '\\.')}\\.(xml|config|csv)$`),
    );
});

test('canonical HealthChecker paths are unique across kinds', () => {
  const paths = EVIDENCE_KINDS.flatMap((kind) =>
    kind.healthCheckerFiles.map((file) => file.toLowerCase()),
  );
  assert.equal(new Set(paths).size, paths.length);
});

test('every kind with an importer has a KindValueMap entry, and every entry an importer', () => {
  const withImporter = EVIDENCE_KINDS.filter(
    (kind) => kind.importer !== undefined || kind.textImporter !== undefined,
  ).map((kind) => kind.id);
  const fromFiles = Object.keys(TYPED_KINDS).filter((id) => !PRODUCED_BY_EXZT.has(id));
  assert.deepEqual(withImporter.sort(), fromFiles.sort());
});

for (const server of ['E16', 'E19']) {
  test(`every file of corpus ${server} maps to exactly one kind, as canonical or alternate`, async () => {
    const files = await corpusFiles(server);
    assert.ok(files.length > 80, `${files.length} files`);
    for (const file of files) {
      const classified = classifyMember(file);
      assert.notEqual(classified.status, 'unrecognised', `${server}/${file} is unrecognised`);
      const owners = EVIDENCE_KINDS.filter((kind) =>
        kind.healthCheckerFiles.some((canonical) => canonical.toLowerCase() === file.toLowerCase()),
      );
      assert.ok(owners.length <= 1, `${file} is canonical for ${owners.length} kinds`);
    }
  });
}

test('every canonical path of the registry exists in the E19 or E16 corpus', async () => {
  const present = new Set(
    [...(await corpusFiles('E19')), ...(await corpusFiles('E16'))].map((f) => f.toLowerCase()),
  );
  const missing = EVIDENCE_KINDS.flatMap((kind) => kind.healthCheckerFiles).filter(
    (file) => !present.has(file.toLowerCase()),
  );
  assert.deepEqual(missing, []);
});

test('alternates name the canonical file they stand in for', () => {
  const cases: [string, string][] = [
    ['Exchange/ExSetup1.xml', 'Exchange/ExSetup.xml'],
    ['Exchange/GetAcceptedDomain_Bad.xml', 'Exchange/GetAcceptedDomain.xml'],
    ['Exchange/IIS/BadApplicationHost.config', 'Exchange/IIS/applicationHost.config'],
    ['Exchange/IIS/applicationHost2.config', 'Exchange/IIS/applicationHost.config'],
    ['Exchange/GetIISModulesNoTokenCacheModule.xml', 'Exchange/GetIISModules.xml'],
    ['OS/Win32_PageFileOverSized.xml', 'OS/Win32_PageFileSetting.xml'],
    ['Hardware/Physical_Win32_Processor1.xml', 'Hardware/HyperV_Win32_Processor.xml'],
    ['exchange/exsetup1.XML', 'Exchange/ExSetup.xml'],
  ];
  for (const [file, canonical] of cases) {
    const classified = classifyMember(file);
    assert.equal(classified.status, 'alternate', file);
    assert.equal(classified.status === 'alternate' ? classified.alternateOf : '', canonical, file);
  }
  assert.equal(classifyMember('Exchange/GetExchangeServerADInformation.xml').status, 'canonical');
  assert.equal(classifyMember('OS/GetDNSClient.xml').status, 'canonical');
});
