/** Files in a parent folder that belong to none of its server folders. */
import { readCandidate } from './candidate.js';
import type { SourceResult } from './source-result.js';
import type { TreeMember } from './source-tree.js';

export async function readUnrecognisedMembers(
  label: string,
  members: TreeMember[],
): Promise<SourceResult> {
  const candidates = [];
  for (const member of members) {
    const candidate = await readCandidate(label, member, member.path, 'unrecognised');
    candidate.file.note = 'not inside a HealthChecker-layout server folder';
    candidates.push(candidate);
  }
  return { sources: [], candidates, failures: [], warnings: [] };
}
