/**
 * The infrastructure importers on HealthChecker's exports, read in place: each case names the
 * file and what must come out of it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { importComputerSystem } from '../../../src/evidence/importers/computer-system.js';
import { importDotNetFileVersions } from '../../../src/evidence/importers/dotnet-file-versions.js';
import { importFipFsEngineState } from '../../../src/evidence/importers/fipfs-engine-state.js';
import { importIisModules } from '../../../src/evidence/importers/iis-modules.js';
import {
  findCounter,
  importPerformanceCounters,
} from '../../../src/evidence/importers/performance-counters.js';
import { importProcessors } from '../../../src/evidence/importers/processors.js';
import { importSmbServerConfiguration } from '../../../src/evidence/importers/smb-server-configuration.js';
import { importWebResponse } from '../../../src/evidence/importers/web-response.js';
import {
  findFeature,
  importWindowsFeatures,
} from '../../../src/evidence/importers/windows-features.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const read = (file: string) => readCliXmlFile(path.join(CORPUS_DIR, file));

test('Get-SmbServerConfiguration: E19 refuses SMB1, its alternate and E16 accept it', async () => {
  const cases: [string, boolean][] = [
    ['E19/OS/GetSmbServerConfiguration.xml', false],
    ['E19/OS/GetSmbServerConfiguration1.xml', true],
    ['E16/OS/GetSmbServerConfiguration.xml', true],
  ];
  for (const [file, accepted] of cases) {
    const { value, anchors } = importSmbServerConfiguration(await read(file));
    assert.deepEqual(
      value,
      { enableSmb1Protocol: accepted, enableSmb2Protocol: true, auditSmb1Access: false },
      file,
    );
    assert.deepEqual(anchors[1]?.members, ['EnableSMB1Protocol']);
  }
});

test('Get-WindowsFeature: every feature, with FS-SMB1 installed only in E19 1 and E16', async () => {
  const cases: [string, number, boolean][] = [
    ['E19/OS/GetWindowsFeature.xml', 268, false],
    ['E19/OS/GetWindowsFeature1.xml', 268, true],
    ['E16/OS/GetWindowsFeature.xml', 263, true],
  ];
  for (const [file, count, installed] of cases) {
    const { value, anchors } = importWindowsFeatures(await read(file));
    assert.equal(value.length, count, file);
    assert.equal(anchors.length, count, 'one anchor per feature, in order');
    assert.deepEqual(findFeature(value, 'fs-smb1'), {
      name: 'FS-SMB1',
      installed,
      displayName: 'SMB 1.0/CIFS File Sharing Support',
    });
  }
});

test('Get-IISModules: E19 modules with their Microsoft signatures', async () => {
  const { value } = importIisModules(await read('E19/Exchange/GetIISModules.xml'));
  assert.equal(value.allSignedModulesSignedByMicrosoft, true);
  assert.equal(value.modules.length, 33);
  assert.deepEqual(value.modules[0], {
    name: 'HttpLoggingModule',
    signed: true,
    path: 'C:\\Windows\\System32\\inetsrv\\loghttp.dll',
    signer: 'CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
    signatureStatus: 'Valid',
    isMicrosoftSigned: true,
  });
  const noTokenCache = importIisModules(
    await read('E19/Exchange/GetIISModulesNoTokenCacheModule.xml'),
  );
  assert.ok(!noTokenCache.value.modules.some((module) => module.name === 'TokenCacheModule'));
});

test('FIP-FS engine state: E19 and E16 carry the 2201010000 pattern on a fixed build', async () => {
  for (const folder of ['E19', 'E16']) {
    const { value } = importFipFsEngineState(
      await read(`${folder}/Exchange/GetFIPFSScanEngineVersionState.xml`),
    );
    assert.deepEqual(value, {
      badVersionNumberDetected: true,
      fixedBuild: true,
      serverRoleAffected: true,
      highestVersionNumber: 2201010000,
    });
  }
});

test('EEMS endpoint: E19 reached it with HTTP 200', async () => {
  const { value } = importWebResponse(
    await read('E19/Exchange/WebRequest_getexchangemitigations.xml'),
  );
  assert.deepEqual(value, { statusCode: 200, statusDescription: 'OK' });
});

test('.NET DLL versions: System.Data.dll 4.8.3761 in E19 and E16, with write times', async () => {
  const { value } = importDotNetFileVersions(await read('E19/OS/GetDotNetDllFileVersions.xml'));
  assert.deepEqual(
    value.map((file) => [file.file, file.fileVersion]),
    [
      ['System.Configuration.dll', '4.8.3761.0'],
      ['System.Data.dll', '4.8.3761.0'],
    ],
  );
  assert.equal(value[1]?.lastWriteTimeUtc, '2020-02-27T10:05:20.678Z');
  const e16 = importDotNetFileVersions(await read('E16/OS/GetDotNetDllFileVersions.xml'));
  assert.equal(e16.value[1]?.lastWriteTimeUtc, '2020-06-12T18:27:02.933Z');
});

test('Win32_ComputerSystem: Hyper-V by model, anything unknown physical', async () => {
  const hyperV = importComputerSystem(await read('E19/Hardware/HyperV_Win32_ComputerSystem.xml'));
  assert.deepEqual(hyperV.value, {
    manufacturer: 'Microsoft Corporation',
    model: 'Virtual Machine',
    platform: 'HyperV',
    totalPhysicalMemoryBytes: 6441394176,
    numberOfProcessors: 1,
    numberOfLogicalProcessors: 4,
    hypervisorPresent: true,
  });
  const physical = importComputerSystem(
    await read('E19/Hardware/Physical_Win32_ComputerSystem.xml'),
  );
  assert.equal(physical.value.platform, 'Physical');
});

test('Win32_Processor: one entry per socket', async () => {
  const cases: [string, number, number][] = [
    ['E19/Hardware/HyperV_Win32_Processor.xml', 2, 4],
    ['E19/Hardware/Physical_Win32_Processor.xml', 12, 24],
    ['E16/Hardware/HyperV_Win32_Processor.xml', 3, 6],
  ];
  for (const [file, cores, logical] of cases) {
    const { value } = importProcessors(await read(file));
    assert.deepEqual(
      [
        value.reduce((sum, cpu) => sum + cpu.numberOfCores, 0),
        value.reduce((sum, cpu) => sum + cpu.numberOfLogicalProcessors, 0),
      ],
      [cores, logical],
      file,
    );
  }
});

test('Get-Counter samples: E19 has the discarded-packets counter, no dynamic memory counter', async () => {
  const { value } = importPerformanceCounters(await read('E19/OS/GetCounterSamples.xml'));
  const discarded =
    '\\network interface(microsoft hyper-v network adapter)\\packets received discarded';
  assert.equal(findCounter(value, discarded)?.cookedValue, 0);
  assert.equal(
    findCounter(value, '\\hyper-v dynamic memory integration service\\maximum memory, mbytes'),
    undefined,
  );
});
