/**
 * The infrastructure controls on HealthChecker's own test data, read in place: each case names
 * the conclusion HealthChecker reaches on the same files (reference healthchecker-checks.md),
 * or why exzt cannot reach one (evidence HealthChecker mocks rather than exports).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INFRASTRUCTURE_CONTROLS } from '../../../src/controls/infrastructure/index.js';
import type { Outcome } from '../../../src/engine/assess/result.js';
import { runOnCorpus } from './corpus-harness.js';

/** E19 with the alternates HealthChecker's tests swap in for failure scenarios. */
const E19_FAILURE_SCENARIOS = {
  'OS/GetServerRebootPending.xml': 'OS/GetServerRebootPending1.xml',
  'OS/GetSmbServerConfiguration.xml': 'OS/GetSmbServerConfiguration1.xml',
  'OS/GetWindowsFeature.xml': 'OS/GetWindowsFeature1.xml',
  'Hardware/HyperV_Win32_ComputerSystem.xml': 'Hardware/Physical_Win32_ComputerSystem.xml',
  'Hardware/HyperV_Win32_Processor.xml': 'Hardware/Physical_Win32_Processor.xml',
};

interface CorpusCase {
  /** The control id without its EXZT. prefix, so this table is not taken for its unit tests. */
  control: string;
  folder: 'E19' | 'E16';
  use?: Record<string, string>;
  outcome: Outcome;
  /** HealthChecker's verdict on the same data, or why there is none to compare with. */
  healthChecker: string;
  /** Something the result must say, in its message or a finding. */
  says?: RegExp;
  /** The assessment time, when it is not the harness's (late 2026). */
  asOf?: string;
}

/**
 * Before the Emergency Mitigation Service needed the June 2026 SU (July 2026): HealthChecker's
 * EEMS check, which the corpus's verdicts come from, knows nothing of that requirement.
 */
const BEFORE_EEMS_MINIMUM = '2026-06-30T12:00:00Z';

const CASES: CorpusCase[] = [
  {
    control: 'INF.2',
    folder: 'E19',
    outcome: 'fail',
    healthChecker: 'Red "Out of date Cumulative Update" (CU11)',
    says: /CU11 .* not supported/,
  },
  {
    control: 'INF.2',
    folder: 'E16',
    outcome: 'fail',
    healthChecker: 'Red "Out of date Cumulative Update" (CU22)',
    says: /CU22 .* not supported/,
  },
  {
    control: 'INF.3',
    folder: 'E19',
    outcome: 'fail',
    healthChecker: 'Red: past end of life and not on the latest SU',
    says: /ended support on 2025-10-14/,
  },
  {
    control: 'INF.4',
    folder: 'E19',
    outcome: 'fail',
    healthChecker: 'Red "Security Vulnerability" CVE-2022-41082 among others',
    says: /CVE-2022-41082/,
  },
  {
    control: 'INF.4',
    folder: 'E16',
    outcome: 'fail',
    healthChecker: 'Red "Security Vulnerability" CVE-2022-41040 among others',
    says: /CVE-2022-41040/,
  },
  {
    control: 'INF.5',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: 'no check (Windows Server 2019 is displayed)',
    says: /Windows Server 2019/,
  },
  {
    control: 'INF.5',
    folder: 'E16',
    outcome: 'pass',
    healthChecker: 'no check (Windows Server 2016 is displayed)',
    says: /until 2027-01-12/,
  },
  {
    control: 'INF.6',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: 'no "Server Pending Reboot" line',
  },
  {
    control: 'INF.6',
    folder: 'E19',
    use: E19_FAILURE_SCENARIOS,
    outcome: 'fail',
    healthChecker: 'Yellow "Server Pending Reboot" with its locations',
    says: /UpdateExeVolatile/,
  },
  {
    control: 'INF.7',
    folder: 'E19',
    outcome: 'fail',
    healthChecker:
      'Green "AMSI Enabled" (the override sets Enabled=True); body scanning not available before Nov24SU',
    says: /body scanning needs Nov24SU/,
  },
  {
    control: 'INF.8',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: 'Green "Enabled", "Running", "200 - Reachable" (as of June 2026)',
    says: /endpoint reachable/,
    asOf: BEFORE_EEMS_MINIMUM,
  },
  {
    control: 'INF.8',
    folder: 'E16',
    outcome: 'pass',
    healthChecker: 'Green "Enabled", "Running" (no endpoint export in E16; as of June 2026)',
    says: /not collected/,
    asOf: BEFORE_EEMS_MINIMUM,
  },
  {
    control: 'INF.8',
    folder: 'E19',
    outcome: 'fail',
    healthChecker:
      'Green, but its check predates July 2026, since when EEMS needs Jun26SU (CU11 never got it)',
    says: /CU11 never got Jun26SU \(build 15\.2\.986\.5\): EEMS takes no mitigation published since 2026-07-01/,
  },
  {
    control: 'INF.8',
    folder: 'E16',
    outcome: 'fail',
    healthChecker:
      'Green, but its check predates July 2026, since when EEMS needs Jun26SU (CU22 never got it)',
    says: /CU22 never got Jun26SU/,
  },
  {
    control: 'INF.9',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: '"SMB1 Installed" False, "SMB1 Blocked" True',
  },
  {
    control: 'INF.9',
    folder: 'E19',
    use: E19_FAILURE_SCENARIOS,
    outcome: 'fail',
    healthChecker: 'Red "SMB1 Installed" True and "SMB1 Blocked" False',
    says: /SMB1 feature installed/,
  },
  {
    control: 'INF.9',
    folder: 'E16',
    outcome: 'fail',
    healthChecker: 'Red "SMB1 Installed" True and "SMB1 Blocked" False',
    says: /accepts SMB1/,
  },
  {
    control: 'INF.10',
    folder: 'E19',
    outcome: 'not-assessed',
    healthChecker: 'shows LmCompatibilityLevel from a registry mock, not an export',
    says: /os\.lsa-settings/,
  },
  {
    control: 'INF.11',
    folder: 'E19',
    outcome: 'not-assessed',
    healthChecker: 'reads Credential Guard from mocks, not an export',
    says: /os\.device-guard/,
  },
  {
    control: 'INF.12',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: '"IIS module anomalies detected" False',
  },
  {
    control: 'INF.12',
    folder: 'E19',
    use: { 'Exchange/GetIISModules.xml': 'Exchange/GetIISModulesNoTokenCacheModule.xml' },
    outcome: 'pass',
    healthChecker: '"IIS module anomalies detected" False',
  },
  {
    control: 'INF.13',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: 'lists the override; none sets a protection to False',
    says: /none of 1 setting override/,
  },
  {
    control: 'INF.14',
    folder: 'E19',
    outcome: 'fail',
    healthChecker: 'Yellow "FIP-FS Update Issue Detected": fixed build, reset recommended',
    says: /reset the engine/,
  },
  {
    control: 'INF.14',
    folder: 'E16',
    outcome: 'fail',
    healthChecker: 'Yellow "FIP-FS Update Issue Detected": fixed build, reset recommended',
    says: /2201010000/,
  },
  {
    control: 'INF.15',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: 'reads the Release value from a mock; exzt uses System.Data.dll 4.8.3761',
    says: /\.NET 4\.8 .* validated with 4\.8$/,
  },
  {
    control: 'INF.15',
    folder: 'E16',
    outcome: 'pass',
    healthChecker: 'reads the Release value from a mock; exzt uses System.Data.dll 4.8.3761',
    says: /CU22 is validated with 4\.8/,
  },
  {
    control: 'INF.16',
    folder: 'E19',
    outcome: 'pass',
    healthChecker: 'Grey "Hyper-Threading" "Enabled --- Not Applicable" on Hyper-V',
    says: /2 physical \/ 4 logical/,
  },
  {
    control: 'INF.16',
    folder: 'E19',
    use: E19_FAILURE_SCENARIOS,
    outcome: 'fail',
    healthChecker: 'Red "Hyper-Threading" Enabled on a physical host',
    says: /hyper-threading on \(24 logical on 12 physical/,
  },
  {
    control: 'INF.17',
    folder: 'E19',
    outcome: 'not-assessed',
    healthChecker: 'Yellow "Dynamic Memory Detected" "Unknown - Required Counter Not Loaded"',
    says: /maximum memory, mbytes/,
  },
  {
    control: 'INF.17',
    folder: 'E19',
    use: E19_FAILURE_SCENARIOS,
    outcome: 'not-applicable',
    healthChecker: 'no dynamic memory line on a physical host',
  },
  {
    control: 'INF.18',
    folder: 'E19',
    outcome: 'not-assessed',
    healthChecker: 'no backup check',
    says: /exchange\.mailbox-databases/,
  },
];

describe('infrastructure controls on the HealthChecker corpus', () => {
  for (const entry of CASES) {
    const scenario = entry.use === undefined ? entry.folder : `${entry.folder} with alternates`;
    const id = `EXZT.${entry.control}`;
    it(`${id} ${entry.outcome} on ${scenario}: HealthChecker ${entry.healthChecker}`, async () => {
      const control = INFRASTRUCTURE_CONTROLS.find((candidate) => candidate.id === id);
      assert.ok(control, id);

      const result = await runOnCorpus(control, entry.folder, entry.use, entry.asOf);
      const said = [
        result.message,
        ...result.findings.map((f) => `${f.object} ${f.message}`),
        ...(result.missing ?? []),
      ];
      assert.equal(result.outcome, entry.outcome, said.join(' | '));
      if (entry.says !== undefined) assert.match(said.join(' | '), entry.says);
    });
  }
});
