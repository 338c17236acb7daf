/**
 * A bundle files a server's evidence under its folder's name (`servers/<SERVER>/`), and the
 * server's own Get-ExchangeServer export names it as well. When the two disagree, the folder was
 * renamed or copied from another server's, and every fact filed under it may be about the server
 * the export names: the loader says so rather than report one server's state as another's.
 */
import type { SubjectEvidence } from './evidence-set.js';

export function serverNameWarnings(subjects: readonly SubjectEvidence[]): string[] {
  const warnings: string[] = [];
  for (const { subject, kinds } of subjects) {
    if (subject.type !== 'server') continue;
    const server = kinds.find((kind) => kind.kind === 'exchange.server');
    const named = nameIn(server?.fact.value);
    if (server === undefined || named === undefined) continue;
    if (hostPart(named) === hostPart(subject.name)) continue;

    const file = server.files[0];
    const where =
      file === undefined ? 'its Get-ExchangeServer export' : `${file.source}: ${file.member}`;
    warnings.push(
      `${where} names the server '${named}', but it is filed under '${subject.name}' (its folder's name); ` +
        `every fact of ${subject.name} may be about ${named}: was the folder renamed or copied?`,
    );
  }
  return warnings;
}

function nameIn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('name' in value)) return undefined;
  const name = value.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** `EX01` for `ex01.contoso.com`: a folder may carry either. */
function hostPart(name: string): string {
  return name.split('.')[0]!.toLowerCase();
}
