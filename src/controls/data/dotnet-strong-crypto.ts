/**
 * EXZT.DAT.2: .NET Framework follows the OS's TLS settings and uses strong cryptography, in 64-
 * and 32-bit processes, for .NET 4 and 2 (reference/healthchecker-checks.md §3: each value counts
 * only when exactly 1). Exchange is a .NET application; without these it may still offer old TLS.
 */
import type { DotNetTlsSettings } from '../../evidence/importers/tls-settings.js';
import type { Provenance } from '../../evidence/model.js';
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

const VALUES: [keyof Omit<DotNetTlsSettings, 'version'>, string][] = [
  ['systemDefaultTlsVersions', 'SystemDefaultTlsVersions'],
  ['schUseStrongCrypto', 'SchUseStrongCrypto'],
  ['wowSystemDefaultTlsVersions', 'SystemDefaultTlsVersions (32-bit)'],
  ['wowSchUseStrongCrypto', 'SchUseStrongCrypto (32-bit)'],
];

const EXPECTED_VERSIONS = ['v4.0.30319', 'v2.0.50727'];

export const dotNetStrongCrypto: Control = {
  id: 'EXZT.DAT.2',
  area: 'data',
  title: '.NET Framework uses the OS TLS versions and strong cryptography',
  rationale:
    'Exchange runs on the .NET Framework, which picks its own TLS versions and ciphers unless told ' +
    'to follow the operating system. Disabling old TLS in Schannel without these values leaves ' +
    '.NET code on weaker protocols or failing to connect.',
  remediation: {
    text:
      'Set SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 (DWORD) under the .NET Framework ' +
      'v4.0.30319 and v2.0.50727 keys, 64-bit and Wow6432Node, then restart the server.',
    powershell:
      "foreach ($root in 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework', 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework') {\n" +
      "  foreach ($version in 'v4.0.30319', 'v2.0.50727') {\n" +
      '    New-ItemProperty "$root\\$version" -Name SystemDefaultTlsVersions -Value 1 -PropertyType DWord -Force\n' +
      '    New-ItemProperty "$root\\$version" -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force } }',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.tls-settings'] },
  mappings: {
    cisV8: ['3.10', '12.6'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-8', 'SC-13'],
    disaStig: ['V-259577'],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('os.tls-settings');
    const settings = required(fact, 'os.tls-settings');

    const findings = EXPECTED_VERSIONS.flatMap((version) =>
      versionFindings(
        settings.dotNet.find((entry) => entry.version === version),
        version,
        fact.provenance,
      ),
    );
    if (findings.length > 0) {
      return fail('.NET does not follow the OS TLS settings with strong crypto', findings);
    }

    return pass(
      '.NET 4 and 2, 64- and 32-bit, follow the OS TLS versions with strong crypto',
      fact.provenance,
    );
  },
};

function versionFindings(
  settings: DotNetTlsSettings | undefined,
  version: string,
  evidence: Provenance[],
): Finding[] {
  const object = `.NET ${version}`;
  return VALUES.flatMap(([key, label]) => {
    const value = settings?.[key];
    if (value === 1) return [];

    const message = value === undefined ? `${label} not set` : `${label} is ${value}, not 1`;
    return [{ object, message, ...(value === undefined ? {} : { value }), evidence }];
  });
}
