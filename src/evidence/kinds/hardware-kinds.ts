/**
 * Hardware evidence (reference/healthchecker-checks.md §14.5). HealthChecker's test data names
 * these after the platform they came from; the Hyper-V exports are its defaults and the
 * Physical_ ones a scenario it swaps in, so the latter are alternates here.
 */
import { defineKind, type EvidenceKind } from './kind.js';

const WMI = 'System.Management.ManagementObject#root\\cimv2';

function hardwareKind(wmiClass: string, id: string, title: string): EvidenceKind {
  return defineKind({
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
  hardwareKind('Win32_ComputerSystem', 'hardware.computer-system', 'Manufacturer, model, memory'),
  hardwareKind('Win32_PhysicalMemory', 'hardware.physical-memory', 'Memory modules'),
  hardwareKind('Win32_Processor', 'hardware.processor', 'Processors and cores'),
];
