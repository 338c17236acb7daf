/**
 * Hardware evidence (reference/healthchecker-checks.md §14.5). HealthChecker's test data names
 * these after the platform they came from; the Hyper-V exports are its defaults and the
 * Physical_ ones a scenario it swaps in, so the latter are alternates here.
 */
import { importComputerSystem } from '../importers/computer-system.js';
import { importProcessors } from '../importers/processors.js';
import { defineKind, type EvidenceKind, type KindImporter } from './kind.js';

const WMI = 'System.Management.ManagementObject#root\\cimv2';

function hardwareKind(
  wmiClass: string,
  id: string,
  title: string,
  importer?: KindImporter<unknown>,
): EvidenceKind {
  return defineKind({
    ...(importer === undefined ? {} : { importer }),
    id,
    title: `${title} (${wmiClass})`,
    scope: 'server',
    command: `Get-CimInstance ${wmiClass}`,
    healthChecker: `Hardware/HyperV_${wmiClass}.xml`,
    healthCheckerAlternates: [`Hardware/*_${wmiClass}*.xml`],
    looseFileRules: [{ typeName: `${WMI}\\${wmiClass}` }],
  });
}

export const HARDWARE_KINDS: readonly EvidenceKind[] = [
  hardwareKind(
    'Win32_ComputerSystem',
    'hardware.computer-system',
    'Manufacturer, model, memory',
    importComputerSystem,
  ),
  hardwareKind('Win32_PhysicalMemory', 'hardware.physical-memory', 'Memory modules'),
  hardwareKind('Win32_Processor', 'hardware.processor', 'Processors and cores', importProcessors),
];
