/**
 * Object shapes the Contoso exports share: Exchange configuration objects through the server's
 * Exchange remote session, PSCustomObjects and CIM instances through Invoke-Command, and the
 * collections and enums inside them, all with the type names a remote session gives.
 */
import { enumValue, list, obj, str } from '../../src/evidence/clixml/writer-values.js';
import type {
  Members,
  WritableNode,
  WritableObject,
} from '../../src/evidence/clixml/writer-values.js';
import { exchangeSessionRunspace } from './exchange-exports.js';
import { deserialized, enumTypes, remotingMembers, STRING_LIST_TYPES } from './remoting.js';
import { invokeCommandRunspace } from './setup-exports.js';
import { fqdn, type ContosoServer } from './servers.js';

const AD_OBJECT_BASES = [
  'Microsoft.Exchange.Data.Directory.ADObject',
  'Microsoft.Exchange.Data.Directory.ADRawEntry',
  'Microsoft.Exchange.Data.ConfigurableObject',
  'System.Object',
];

/** An Exchange directory object (Get-ReceiveConnector, Get-AcceptedDomain, …), most derived first. */
export function exchangeTypes(...typeNames: string[]): string[] {
  return deserialized([...typeNames, ...AD_OBJECT_BASES]);
}

/** An object returned by an Exchange cmdlet through `session`'s /PowerShell endpoint. */
export function exchangeObject(
  typeNames: readonly string[],
  session: ContosoServer,
  toStringText: string,
  props: Members,
): WritableObject {
  return obj(typeNames, {
    toStringText,
    props,
    ms: remotingMembers(fqdn(session), exchangeSessionRunspace(session), false),
  });
}

const CUSTOM_OBJECT_TYPES = deserialized([
  'System.Management.Automation.PSCustomObject',
  'System.Object',
]);

/** A PSCustomObject written by a probe run through Invoke-Command on `server`. */
export function probeObject(
  server: ContosoServer,
  members: [string, WritableNode][],
): WritableObject {
  return obj(CUSTOM_OBJECT_TYPES, {
    ms: [...members, ...remotingMembers(server.name, invokeCommandRunspace(server), true)],
  });
}

/** A nested PSCustomObject (no remoting members of its own). */
export function nestedObject(members: [string, WritableNode][]): WritableObject {
  return obj(CUSTOM_OBJECT_TYPES, { ms: members });
}

/** A CIM instance from Get-CimInstance or a CDXML cmdlet (Get-NetFirewallProfile, …). */
export function cimObject(
  server: ContosoServer,
  cimClass: string,
  namespace: string,
  props: Members,
): WritableObject {
  return obj(
    deserialized([
      `Microsoft.Management.Infrastructure.CimInstance#${namespace}/${cimClass}`,
      `Microsoft.Management.Infrastructure.CimInstance#${cimClass}`,
      'Microsoft.Management.Infrastructure.CimInstance',
      'System.Object',
    ]),
    {
      toStringText: cimClass,
      props,
      ms: remotingMembers(server.name, invokeCommandRunspace(server), true),
    },
  );
}

/** A MultiValuedProperty<string> (Exchange) of plain strings. */
export function stringList(values: readonly string[]): WritableObject {
  return list(
    STRING_LIST_TYPES,
    values.map((value) => str(value)),
  );
}

/** A multi-valued property whose items are objects known only by their ToString text. */
export function textObjectList(
  listType: string,
  itemType: string,
  texts: readonly string[],
): WritableObject {
  const itemTypes = deserialized([itemType, 'System.Object']);
  return list(
    deserialized([listType, 'Microsoft.Exchange.Data.MultiValuedPropertyBase', 'System.Object']),
    texts.map((text) => obj(itemTypes, { toStringText: text })),
  );
}

/** An enum value of `enumType` by name and number. */
export function enumOf(enumType: string, name: string, number: number): WritableObject {
  return enumValue(enumTypes(enumType), name, number);
}

/** `… | Select-Object a, b` on `server`: a PSCustomObject named after the type it was cut from. */
export function selectedObject(
  server: ContosoServer,
  sourceType: string,
  members: [string, WritableNode][],
): WritableObject {
  return obj(
    deserialized([
      `Selected.${sourceType}`,
      'System.Management.Automation.PSCustomObject',
      'System.Object',
    ]),
    { ms: [...members, ...remotingMembers(server.name, invokeCommandRunspace(server), true)] },
  );
}
