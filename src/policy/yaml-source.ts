/**
 * The YAML side of the policy, waiver and attestation files: parse with a line counter so every
 * node has a line and column, turn YAML's own errors into issues, and collect every issue so a
 * file's mistakes are reported all at once.
 */
import { isScalar, isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ExztError, type SourcePosition } from '../errors.js';

/** One mistake in a policy-side file: where, which key, what was given, what is allowed. */
export interface PolicyIssue {
  position: { file: string; line: number; column: number };
  /** Dotted path of the key, e.g. `identity.mfaRequiredFor[2]`; absent for YAML syntax errors. */
  path?: string;
  /** The value as given, rendered short. */
  given?: string;
  /** What is allowed instead, or what went wrong. */
  allowed: string;
}

/** Every issue of one or more files, thrown at once (code POLICY). */
export class PolicyError extends ExztError {
  readonly issues: readonly PolicyIssue[];

  constructor(what: string, issues: readonly PolicyIssue[]) {
    const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
    const sorted = inFileOrder(issues);
    super('POLICY', `${what}: ${count}\n${sorted.map(formatIssue).join('\n')}`);
    this.issues = sorted;
  }
}

/** Issues by file (in the order the files came), then line and column. */
function inFileOrder(issues: readonly PolicyIssue[]): PolicyIssue[] {
  const files = [...new Set(issues.map((issue) => issue.position.file))];
  return [...issues].sort(
    (a, b) =>
      files.indexOf(a.position.file) - files.indexOf(b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  );
}

/** `file:line:column: <path> = <value given>: <what is allowed>` */
export function formatIssue(issue: PolicyIssue): string {
  const { file, line, column } = issue.position;
  const where = `${file}:${line}:${column}`;
  if (issue.path === undefined) return `${where}: ${issue.allowed}`;

  return `${where}: ${issue.path} = ${issue.given ?? '(missing)'}: ${issue.allowed}`;
}

/** A parsed file: its root node (null when empty) and a way to place any node in it. */
export class YamlSource {
  readonly issues: PolicyIssue[] = [];
  readonly root: Node | null;
  private readonly lineCounter = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    const document = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false });
    for (const error of document.errors) {
      this.issues.push({
        position: this.at(error.pos[0]),
        allowed: `YAML syntax error: ${error.message}${syntaxHint(error.code)}`,
      });
    }
    this.root = document.contents;
  }

  /**
   * Throws YAML's own errors, alone: after a syntax error the document's shape is a guess, and
   * checking keys against it would report mistakes the file does not have.
   */
  throwSyntaxErrors(): void {
    if (this.issues.length > 0)
      throw new PolicyError(`${this.file} is not valid YAML`, this.issues);
  }

  /** Line and column (1-based) of a node, or of the file's start when it has none. */
  positionOf(node: Node | null | undefined): PolicyIssue['position'] {
    return this.at(node?.range?.[0] ?? 0);
  }

  /** Records an issue at a node. */
  report(node: Node | null | undefined, path: string, given: string, allowed: string): void {
    this.issues.push({ position: this.positionOf(node), path, given, allowed });
  }

  private at(offset: number): PolicyIssue['position'] {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }
}

/** A value as the user wrote it, short enough for a one-line message. */
export function renderGiven(node: Node | null | undefined): string {
  if (node === null || node === undefined) return '(empty)';
  if (isScalar(node)) {
    if (node.value === null) return '(empty)';
    if (typeof node.value === 'string') return JSON.stringify(node.value);
    return node.source ?? String(node.value);
  }

  const text = JSON.stringify(node.toJSON());
  const shape = isMap(node) ? 'mapping' : isSeq(node) ? 'list' : 'value';
  return text.length <= 40 ? text : `(a ${shape} of ${text.length} characters)`;
}

export function toSourcePosition(issue: PolicyIssue): SourcePosition {
  return { ...issue.position };
}

function syntaxHint(code: string): string {
  if (code === 'TAB_AS_INDENT') return '; indent with spaces';
  if (code === 'DUPLICATE_KEY') return '; each key may appear once in a mapping';
  return '';
}
