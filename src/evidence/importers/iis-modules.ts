/**
 * exchange.iis-modules: HealthChecker's Get-IISModules result, the IIS global modules of
 * applicationHost.config with the Authenticode signature of each DLL (reference
 * healthchecker-checks.md §2.4, §9). The summary flags are HealthChecker's; the module list is
 * kept so a rule can name the offending modules and judge them itself.
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, shapeError, singleObject } from './read.js';

export interface IisModule {
  name: string;
  path?: string;
  signed: boolean;
  /** The signer's subject, e.g. "CN=Microsoft Windows, O=Microsoft Corporation, …". */
  signer?: string;
  /** System.Management.Automation.SignatureStatus name: Valid, NotSigned, HashMismatch, … */
  signatureStatus?: string;
  isMicrosoftSigned?: boolean;
}

export interface IisModules {
  allModulesSigned?: boolean;
  allSignaturesValid?: boolean;
  allSignedModulesSignedByMicrosoft?: boolean;
  modules: IisModule[];
}

export function importIisModules(document: CliDocument): ImportedValue<IisModules> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'PSCustomObject',
    member: 'ModuleList',
    description: 'an object with a ModuleList member (HealthChecker Get-IISModules)',
  });

  const list = member(object, 'ModuleList');
  const items = list?.kind === 'object' ? (list.items ?? []) : [];
  const value: IisModules = { modules: items.map((item) => readModule(document, item)) };
  assignDefined(value, 'allModulesSigned', asBoolean(member(object, 'AllModulesSigned')));
  assignDefined(value, 'allSignaturesValid', asBoolean(member(object, 'AllSignaturesValid')));
  assignDefined(
    value,
    'allSignedModulesSignedByMicrosoft',
    asBoolean(member(object, 'AllSignedModulesSignedByMSFT')),
  );
  return { value, anchors: [objectAnchor(object, index)] };
}

function readModule(document: CliDocument, node: CliNode): IisModule {
  const name = asString(member(node, 'Name'));
  const signed = asBoolean(member(node, 'Signed'));
  if (node.kind !== 'object' || name === undefined || signed === undefined) {
    throw shapeError(document, node, 'a module with Name and Signed in ModuleList');
  }

  const module: IisModule = { name, signed };
  assignDefined(module, 'path', asString(member(node, 'Path')));
  readSignature(module, member(node, 'SignatureDetails'));
  return module;
}

function readSignature(module: IisModule, details: CliNode | undefined): void {
  if (details?.kind !== 'object') return;

  const signature: CliObject = details;
  assignDefined(module, 'signer', asString(member(signature, 'Signer')));
  assignDefined(module, 'signatureStatus', asString(member(signature, 'SignatureStatus')));
  assignDefined(module, 'isMicrosoftSigned', asBoolean(member(signature, 'IsMicrosoftSigned')));
}
