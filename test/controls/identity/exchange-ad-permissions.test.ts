/**
 * EXZT.IDN.5 on HealthChecker's own data: E19 (MESO 13243, both deny ACEs) is where
 * HealthChecker reports no CVE-2022-21978; E16 (MESO 13242, deny ACEs missing) is where it
 * reports CVE-2022-21978 in red.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { exchangeAdPermissions } from '../../../src/controls/identity/exchange-ad-permissions.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import {
  importDomainAcls,
  importWellKnownGroups,
  type DomainAcls,
  type WellKnownGroup,
} from '../../../src/evidence/importers/ad-permissions.js';
import {
  factState,
  onlyResult,
  runControl,
  type FactState,
} from '../../helpers/control-harness.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

async function corpus(server: string): Promise<{ acls: DomainAcls[]; groups: WellKnownGroup[] }> {
  const folder = path.join(CORPUS_DIR, server, 'Exchange');
  const acls = importDomainAcls(
    await readCliXmlFile(path.join(folder, 'GetExchangeDomainsAclPermissions.xml')),
  );
  const groups = importWellKnownGroups(
    await readCliXmlFile(path.join(folder, 'GetExchangeWellKnownSecurityGroups.xml')),
  );
  return { acls: acls.value, groups: groups.value };
}

const run = (acls: DomainAcls[] | FactState<DomainAcls[]>, groups: WellKnownGroup[]) =>
  onlyResult(
    runControl(exchangeAdPermissions, {
      organization: { 'ad.domain-acls': acls, 'ad.exchange-well-known-groups': groups },
    }),
  );

describe('EXZT.IDN.5 Exchange AD permissions', () => {
  it('passes on E19, as HealthChecker finds it not vulnerable to CVE-2022-21978', async () => {
    const { acls, groups } = await corpus('E19');
    const result = run(acls, groups);
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /1 domain\(s\) prepared after the May 2022 SU/);
  });

  it('fails on E16, as HealthChecker reports CVE-2022-21978 in red', async () => {
    const { acls, groups } = await corpus('E16');
    const result = run(acls, groups);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message.split(':')[0]),
      [
        'Microsoft Exchange System Objects objectVersion 13242 is below 13243 (13238 with an Exchange 2013 schema)',
        'domain root lacks the deny ACE on userCertificate for Exchange Servers (May 2022 /PrepareDomain, CVE-2022-21978)',
        'domain root lacks the deny ACE on managedBy for Exchange Windows Permissions (May 2022 /PrepareDomain, CVE-2022-21978)',
      ],
    );
  });

  it('fails when Exchange Windows Permissions may write the domain root DACL', async () => {
    const { acls, groups } = await corpus('E19');
    const [domain] = structuredClone(acls);
    const sid = groups.find((g) => g.name === 'Exchange Windows Permissions')?.sid ?? '';
    domain?.objects[0]?.aces?.push({ type: 'A', flags: ['CI'], rights: ['WD'], trustee: sid });
    const result = run(domain === undefined ? [] : [domain], groups);
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /can write the DACL of the domain root/);
  });

  it('skips the ACE checks under AD split permissions, as HealthChecker does', async () => {
    const { acls, groups } = await corpus('E16');
    const split = groups.map((g) =>
      g.name === 'Exchange Windows Permissions'
        ? {
            ...g,
            distinguishedName:
              'CN=Exchange Windows Permissions,OU=Microsoft Exchange Protected Groups,DC=Solo,DC=local',
          }
        : g,
    );
    const prepared = acls.map((a) => ({ ...a, mesoObjectVersion: 13243 }));
    const result = run(prepared, split);
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /^AD split permissions/);
  });

  it('is not assessed when the MESO objectVersion was not exported', async () => {
    const { acls, groups } = await corpus('E19');
    const result = run(
      acls.map(({ mesoObjectVersion: _unused, ...rest }) => rest),
      groups,
    );
    assert.equal(result.outcome, 'not-assessed');
  });

  it('is not assessed without the domain ACL export', async () => {
    const { groups } = await corpus('E19');
    const result = run(factState<DomainAcls[]>('not-collected'), groups);
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['ad.domain-acls (not collected)']);
  });
});
