/**
 * os.services: Get-Service, the Windows services of the server (System.ServiceProcess
 * .ServiceController). Status and StartType are enums; their names are read ("Running",
 * "Disabled"). Services nested in DependentServices are not separate entries.
 */
import type { CliDocument } from '../clixml/model.js';
import { member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { importObjectList, textOf } from './object-list.js';

export interface WindowsServiceEntry {
  /** The service name, e.g. MSExchangeImap4. */
  name: string;
  displayName?: string;
  /** ServiceControllerStatus: Running, Stopped, StartPending, … */
  status?: string;
  /** ServiceStartMode: Automatic, Manual, Disabled, … */
  startType?: string;
}

export function importWindowsServices(document: CliDocument): ImportedValue<WindowsServiceEntry[]> {
  return importObjectList(
    document,
    {
      typeSuffix: 'System.ServiceProcess.ServiceController',
      expected: 'a ServiceController object with a ServiceName (Get-Service)',
    },
    (object) => {
      const name = textOf(member(object, 'ServiceName')) ?? textOf(member(object, 'Name'));
      if (name === undefined) return undefined;

      const service: WindowsServiceEntry = { name };
      assignDefined(service, 'displayName', textOf(member(object, 'DisplayName')));
      assignDefined(service, 'status', textOf(member(object, 'Status')));
      assignDefined(service, 'startType', textOf(member(object, 'StartType')));
      return service;
    },
  );
}
