/**
 * Reads PowerShell with the tree-sitter grammar from npm (tree-sitter-powershell, its prebuilt
 * native binding), for tests that cannot run PowerShell: syntax errors, PowerShell-7-only syntax
 * that Windows PowerShell 5.1 rejects, and the keys of the collector's hashtables.
 */
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell/bindings/node/index.js';

type SyntaxNode = Parser.SyntaxNode;

/** The collector is larger than the parser's default 32 KiB input buffer. */
const BUFFER_BYTES = 4 * 1024 * 1024;

export function parsePowerShell(source: string): Parser.Tree {
  const parser = new Parser();
  parser.setLanguage(PowerShell as Parser.Language);
  return parser.parse(source, null, { bufferSize: BUFFER_BYTES });
}

function where(node: SyntaxNode): string {
  return `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
}

function* walk(node: SyntaxNode): Generator<SyntaxNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** Every ERROR and MISSING node, as "line:column: what". */
export function syntaxErrors(source: string): string[] {
  const errors: string[] = [];
  for (const node of walk(parsePowerShell(source).rootNode)) {
    if (node.isMissing) errors.push(`${where(node)}: missing ${node.type}`);
    else if (node.type === 'ERROR')
      errors.push(`${where(node)}: unexpected ${JSON.stringify(node.text.slice(0, 60))}`);
  }
  return errors;
}

/** The leaves in source order: tokens, and the text of ERROR nodes the grammar could not read. */
function leaves(root: SyntaxNode): SyntaxNode[] {
  return [...walk(root)].filter((node) => node.childCount === 0 || node.type === 'ERROR');
}

/**
 * Syntax Windows PowerShell 5.1 does not have, as "line:column: construct": the pipeline chain
 * operators, null-coalescing and null-conditional operators, the ternary operator,
 * ForEach-Object -Parallel and clean {} blocks (PowerShell 7.0 to 7.3).
 */
export function powerShell7Constructs(source: string): string[] {
  const tokens = leaves(parsePowerShell(source).rootNode);
  const found: string[] = [];
  tokens.forEach((token, index) => {
    const construct = ps7Construct(token, tokens[index + 1], tokens.slice(index + 1, index + 8));
    if (construct !== undefined) found.push(`${where(token)}: ${construct}`);
  });
  return found;
}

function ps7Construct(
  token: SyntaxNode,
  next: SyntaxNode | undefined,
  following: SyntaxNode[],
): string | undefined {
  const text = token.text.trim();
  if (token.type === '&&' || token.type === '||') return `pipeline chain operator ${token.type}`;
  if (token.type === 'command_parameter' && /^-parallel$/i.test(text))
    return 'ForEach-Object -Parallel';
  if (/^clean$/i.test(text) && next?.type === '{') return 'clean {} block';
  if (token.type !== 'ERROR') return undefined;

  if (text.includes('??')) return 'null-coalescing operator ??';
  if (text.endsWith('?') && (next?.type === '.' || next?.type === '['))
    return 'null-conditional operator ?.';
  if (text.endsWith('?') && following.some((node) => node.type === ':'))
    return 'ternary operator ? :';
  return undefined;
}

/** The keys of the hashtable literal assigned to `$variable` at the top level of the script. */
export function hashtableKeys(source: string, variable: string): string[] {
  const root = parsePowerShell(source).rootNode;
  for (const node of walk(root)) {
    if (node.type !== 'assignment_expression') continue;
    const left = node.children[0];
    if (left?.text.toLowerCase() !== `$${variable}`.toLowerCase()) continue;

    const body = [...walk(node)].find((child) => child.type === 'hash_literal_body');
    return (body?.children ?? [])
      .filter((entry) => entry.type === 'hash_entry')
      .map((entry) => (entry.children[0]?.text ?? '').replace(/^'|'$/g, ''));
  }
  throw new Error(`no $${variable} = @{ … } in the script`);
}
