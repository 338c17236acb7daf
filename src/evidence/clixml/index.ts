/**
 * The streaming PowerShell CliXml reader (Export-Clixml output); see docs/clixml.md.
 *
 * RefId policy. Type-name lists (`<TN RefId>`) are kept for the whole document, up to 100,000
 * of them (more is CLIXML_LIMIT). Objects with a RefId (`<Obj RefId>`) are kept while they are
 * among the `refWindow` (default 1,000) most recently defined, or among the objects named by the
 * `refWindow` most recent `<Ref>`s; a `<Ref>` hands out the very instance it names. A `<Ref>` to
 * an object kept by neither is CLIXML_LIMIT (raise `refWindow`); a `<Ref>` or `<TNRef>` to an id
 * never defined is CLIXML_SYNTAX. Given a path or bytes in memory, the reader first counts the
 * Refs naming each RefId (ref-counts.ts) and keeps instead exactly the objects later Refs name,
 * at most `refWindow` at once. The two id spaces are separate and document-wide. With
 * `keepRefTargets: false` only ids are kept and a `<Ref>` hands out an `exzt.UnheldReference`
 * stand-in (for callers that never look inside).
 *
 * Progress records (`<PR>`) are read as objects typed System.Management.Automation.ProgressRecord
 * with members Activity, ActivityId, CurrentOperation, ParentActivityId, PercentComplete,
 * RecordType, SecondsRemaining and StatusDescription.
 */
export type {
  CliDictionaryEntry,
  CliDocument,
  CliNode,
  CliObject,
  CliPrimitive,
  CollectionType,
  NodePosition,
} from './model.js';
export {
  CHUNK_BYTES,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_STRING_CHARS,
  DEFAULT_REF_WINDOW,
  isCliXml,
  parseCliXml,
  readCliXmlFile,
  streamCliXml,
  type CliXmlInput,
  type CliXmlReadOptions,
} from './reader.js';
export { MAX_TYPE_NAME_LISTS } from './ref-registry.js';
export { countRefs, countRefsInFile, MAX_COUNTED_IDS, type RefCounts } from './ref-counts.js';
export {
  asBigInt,
  asBoolean,
  asDate,
  asDurationMs,
  asNumber,
  asString,
  asStringList,
  entryValue,
  hasTypeName,
  member,
  memberPath,
  pathOf,
  typeNameOf,
} from './access.js';
