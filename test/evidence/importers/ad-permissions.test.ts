import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import {
  importDomainAcls,
  importWellKnownGroups,
} from '../../../src/evidence/importers/ad-permissions.js';
import { parseDacl } from '../../../src/evidence/importers/sddl.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const read = (server: string, file: string) =>
  readCliXmlFile(path.join(CORPUS_DIR, server, 'Exchange', file));

describe('ad.domain-acls importer on the HealthChecker corpus', () => {
  it('E19: one domain, its root and AdminSDHolder DACLs, MESO objectVersion 13243', async () => {
    const [domain] = importDomainAcls(
      await read('E19', 'GetExchangeDomainsAclPermissions.xml'),
    ).value;

    assert.equal(domain?.domainName, 'Solo.com');
    assert.equal(domain?.mesoObjectVersion, 13243);
    assert.deepEqual(
      domain?.objects.map((o) => o.distinguishedName),
      ['DC=Solo,DC=com', 'CN=AdminSDHolder,CN=System,DC=Solo,DC=com'],
    );
    assert.deepEqual(domain?.objects[0]?.aces?.[0], {
      type: 'OD',
      flags: ['CI'],
      rights: ['WP'],
      objectType: 'bf967a7f-0de6-11d0-a285-00aa003049e2',
      inheritedObjectType: 'bf967a86-0de6-11d0-a285-00aa003049e2',
      trustee: 'S-1-5-21-1281225956-1072373970-2205875210-1119',
    });
  });

  it('E16: MESO objectVersion 13242, before the May 2022 /PrepareDomain', async () => {
    const [domain] = importDomainAcls(
      await read('E16', 'GetExchangeDomainsAclPermissions.xml'),
    ).value;
    assert.equal(domain?.domainName, 'Solo.local');
    assert.equal(domain?.mesoObjectVersion, 13242);
  });
});

describe('ad.exchange-well-known-groups importer', () => {
  it('E19: 19 groups with SIDs; a Nil WellKnownName is named from the CN', async () => {
    const groups = importWellKnownGroups(
      await read('E19', 'GetExchangeWellKnownSecurityGroups.xml'),
    ).value;

    assert.equal(groups.length, 19);
    assert.deepEqual(
      groups.find((g) => g.name === 'Exchange Windows Permissions')?.sid,
      'S-1-5-21-1281225956-1072373970-2205875210-1122',
    );
    assert.ok(groups.some((g) => g.name === 'Organization Management'));
  });
});

describe('SDDL DACL parser', () => {
  it('reads only the DACL, splitting flags and rights into their codes', () => {
    const aces = parseDacl('O:BAG:BAD:AI(A;CIIO;SDWD;;;S-1-5-21-1-2-3-1122)S:(AU;SA;WP;;;WD)', 'x');
    assert.deepEqual(aces, [
      { type: 'A', flags: ['CI', 'IO'], rights: ['SD', 'WD'], trustee: 'S-1-5-21-1-2-3-1122' },
    ]);
  });

  it('refuses an ACE that has not six fields, quoting it', () => {
    assert.throws(
      () => parseDacl('D:(A;;WD;;S-1-5-18)', 'acl.xml:3:4'),
      /acl\.xml:3:4: the ACE "\(A;;WD;;S-1-5-18\)" is not SDDL/,
    );
  });
});
