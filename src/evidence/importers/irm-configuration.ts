/**
 * exchange.irm-configuration: Get-IRMConfiguration. HealthChecker weighs the AES256-CBC
 * protected-content check by whether IRM licensing is on (reference/healthchecker-checks.md §13).
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, member } from '../clixml/index.js';
import { objectAnchor, singleObject } from './read.js';

export interface IrmConfiguration {
  internalLicensingEnabled: boolean;
  externalLicensingEnabled: boolean;
  azureRmsLicensingEnabled: boolean;
}

export function importIrmConfiguration(document: CliDocument): ImportedValue<IrmConfiguration> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'IRMConfiguration',
    member: 'InternalLicensingEnabled',
    description: 'an IRMConfiguration object with InternalLicensingEnabled (Get-IRMConfiguration)',
  });

  const value: IrmConfiguration = {
    internalLicensingEnabled: asBoolean(member(object, 'InternalLicensingEnabled')) ?? false,
    externalLicensingEnabled: asBoolean(member(object, 'ExternalLicensingEnabled')) ?? false,
    azureRmsLicensingEnabled: asBoolean(member(object, 'AzureRMSLicensingEnabled')) ?? false,
  };
  return { value, anchors: [objectAnchor(object, index)] };
}
