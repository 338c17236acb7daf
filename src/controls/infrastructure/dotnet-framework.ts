/**
 * EXZT.INF.15: .NET Framework is the version Exchange is validated with for its CU and Windows
 * release (exchange-builds.md §4). HealthChecker reads the NDP\v4\Full Release value and warns on
 * any other version (§7); exzt falls back to the framework DLL versions HealthChecker also exports.
 */
import {
  compareDotNetVersions,
  dotNetVersionOfFileVersion,
  dotNetVersionOfRelease,
  recommendedDotNet,
} from '../../knowledge/dotnet-framework.js';
import type { Provenance } from '../../evidence/model.js';
import type { RuleContext } from '../context.js';
import type { Control } from '../model.js';
import { fail, notAssessed, optional, pass } from '../outcomes.js';
import { windowsBuild } from './server-facts.js';

export const validatedDotNetFramework: Control = {
  id: 'EXZT.INF.15',
  area: 'infrastructure',
  title: '.NET Framework is the version validated for the CU',
  rationale:
    'Exchange runs on .NET Framework, whose security fixes and TLS defaults depend on its version. ' +
    'An older version misses protections the CU was built for; a newer, unvalidated one is not ' +
    'supported by Microsoft for that CU.',
  remediation: {
    text:
      'Install the .NET Framework version the Exchange Server supportability matrix lists for ' +
      'the CU and Windows release, then the latest Windows cumulative update for it.',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server'] },
  mappings: {
    cisV8: ['2.2', '7.3'],
    nist800207: ['T5'],
    iso27001: ['A.8.8', 'A.8.9'],
    nist80053: ['SI-2', 'CM-6'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: [],
  evaluate(context) {
    const row = context.version();
    if (row?.product === null || row?.product === undefined || row.cu === null) {
      return notAssessed('the Exchange build is unknown', ['exchange.setup-version']);
    }
    const osBuild = windowsBuild(context);
    const recommended = recommendedDotNet(row.product, row.cu, osBuild);
    if (recommended === undefined || (recommended === '4.8.1' && osBuild === undefined)) {
      return notAssessed('the validated .NET version depends on Windows', ['os.operating-system']);
    }
    const installed = installedDotNet(context);
    if (installed === undefined) {
      return notAssessed('the .NET Framework version is unknown', [
        'os.dotnet-release',
        'os.dotnet-file-versions (4.8 family)',
      ]);
    }

    const difference = compareDotNetVersions(installed.version, recommended);
    const summary = `.NET ${installed.version} (${installed.source}); ${row.cu} is validated with ${recommended}`;
    if (difference === 0) return pass(summary, installed.evidence);
    const direction = difference < 0 ? 'older than' : 'newer than';
    return fail(`.NET Framework is ${direction} the validated version`, [
      {
        object: '.NET Framework',
        message: summary,
        value: installed.version,
        evidence: installed.evidence,
      },
    ]);
  },
};

// TODO(#3): the DLL fallback tells only 4.8 from 4.8.1; older .NET families need the Release
// value (os.dotnet-release), which HealthChecker's test data holds only as a mock.
interface InstalledDotNet {
  version: string;
  source: string;
  evidence: Provenance[];
}

/** From the Release value, else from System.Data.dll's file version (4.8 family only). */
function installedDotNet(context: RuleContext): InstalledDotNet | undefined {
  const releaseFact = context.fact('os.dotnet-release');
  const release = optional(releaseFact);
  const fromRelease = release === undefined ? undefined : dotNetVersionOfRelease(release.release);
  if (fromRelease !== undefined) {
    return {
      version: fromRelease,
      source: `Release ${release?.release}`,
      evidence: releaseFact.provenance,
    };
  }

  const filesFact = context.fact('os.dotnet-file-versions');
  const dataDll = optional(filesFact)?.find(
    (file) => file.file.toLowerCase() === 'system.data.dll',
  );
  const fromFile =
    dataDll === undefined ? undefined : dotNetVersionOfFileVersion(dataDll.fileVersion);
  return fromFile === undefined || dataDll === undefined
    ? undefined
    : {
        version: fromFile,
        source: `System.Data.dll ${dataDll.fileVersion}`,
        evidence: filesFact.provenance,
      };
}
