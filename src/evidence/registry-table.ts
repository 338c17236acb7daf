/**
 * The registry as a Markdown table, for docs/evidence-bundle.md; a test keeps the document equal
 * to this, so the documentation cannot drift from the code.
 */
import { EVIDENCE_KINDS } from './kinds.js';

export const REGISTRY_TABLE_START = '<!-- registry-table:start -->';
export const REGISTRY_TABLE_END = '<!-- registry-table:end -->';

export function registryTableMarkdown(): string {
  const rows = EVIDENCE_KINDS.map((kind) => {
    const healthChecker =
      kind.healthCheckerFiles.map((file) => `\`${file}\``).join(', ') || '(bundle only)';
    const cells = [
      `\`${kind.id}\``,
      kind.scope,
      kind.format,
      `\`${kind.bundleFile}\``,
      healthChecker,
      kind.importer === undefined && kind.textImporter === undefined ? '' : 'typed',
      `\`${kind.command.replace(/\|/g, '\\|')}\``,
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '| kind | scope | format | bundle file | HealthChecker file | importer | command |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
