/**
 * hardware.computer-system: Win32_ComputerSystem. Manufacturer and model tell HealthChecker the
 * platform (Hyper-V, VMware, Amazon EC2 or physical); TotalPhysicalMemory is in bytes.
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBigInt, asBoolean, asNumber, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, singleObject } from './read.js';

export type HardwarePlatform = 'HyperV' | 'VMware' | 'AmazonEC2' | 'Physical';

export interface ComputerSystem {
  manufacturer: string;
  model: string;
  platform: HardwarePlatform;
  totalPhysicalMemoryBytes?: number;
  numberOfProcessors?: number;
  numberOfLogicalProcessors?: number;
  hypervisorPresent?: boolean;
}

export function importComputerSystem(document: CliDocument): ImportedValue<ComputerSystem> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'Win32_ComputerSystem',
    member: 'Manufacturer',
    description: 'a Win32_ComputerSystem object with Manufacturer',
  });
  const manufacturer = asString(member(object, 'Manufacturer'))?.trim() ?? '';
  const model = asString(member(object, 'Model'))?.trim() ?? '';

  const value: ComputerSystem = { manufacturer, model, platform: platformOf(manufacturer, model) };
  const memory = asBigInt(member(object, 'TotalPhysicalMemory'));
  assignDefined(
    value,
    'totalPhysicalMemoryBytes',
    memory === undefined ? undefined : Number(memory),
  );
  assignDefined(value, 'numberOfProcessors', asNumber(member(object, 'NumberOfProcessors')));
  assignDefined(
    value,
    'numberOfLogicalProcessors',
    asNumber(member(object, 'NumberOfLogicalProcessors')),
  );
  assignDefined(value, 'hypervisorPresent', asBoolean(member(object, 'HypervisorPresent')));
  return { value, anchors: [objectAnchor(object, index)] };
}

/**
 * HealthChecker's server type (Get-HardwareInformation): VMware and Amazon EC2 by manufacturer,
 * Hyper-V by Microsoft's "Virtual Machine" model, anything else physical.
 */
export function platformOf(manufacturer: string, model: string): HardwarePlatform {
  const maker = manufacturer.toLowerCase();
  if (maker.startsWith('vmware')) return 'VMware';
  if (maker.includes('amazon ec2')) return 'AmazonEC2';
  if (maker.includes('microsoft corporation') && model.toLowerCase().includes('virtual machine')) {
    return 'HyperV';
  }
  return 'Physical';
}
