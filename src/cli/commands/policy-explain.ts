/**
 * `exzt policy explain <control-id> [--policy file] [--format text|json]`: what a control checks
 * and why, how to fix it, what it needs, where it maps, and the policy keys it reads with their
 * values in the given policy (or the defaults).
 */
import { CONTROLS, findControl } from '../../controls/catalogue.js';
import type { Control } from '../../controls/model.js';
import { renderRuleDoc } from '../../controls/rule-doc.js';
import { usageError } from '../../errors.js';
import { controlIdProblem } from '../../policy/control-ids.js';
import { DEFAULT_POLICY } from '../../policy/defaults.js';
import { loadPolicy } from '../../policy/load.js';
import type { Policy } from '../../policy/model.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

export const policyExplainCommand: Command = {
  usage: [
    'Usage: exzt policy explain <control-id> [--policy FILE] [--format text|json]',
    '',
    '  --policy  show the values of the keys the control reads from this policy (default: defaults)',
    '  --format  text (default, Markdown) or json',
  ].join('\n'),
  options: {
    policy: { type: 'string' },
    format: { type: 'string' },
  },
  run: runPolicyExplain,
};

interface PolicyKeyValue {
  key: string;
  value: unknown;
  /** True when the value is the default because the policy file left the key out. */
  default: boolean;
}

async function runPolicyExplain(context: CommandContext): Promise<number> {
  const [id, extra] = context.positionals;
  const format = stringOption(context, 'format') ?? 'text';
  if (id === undefined || extra !== undefined) {
    throw usageError('exzt policy explain takes one control id, e.g. EXZT.INF.1');
  }
  if (format !== 'text' && format !== 'json') {
    throw usageError(`--format '${format}' is not supported; expected text or json`);
  }
  const control = findControl(id);
  if (control === undefined) throw usageError(controlIdProblem(id, CONTROLS) ?? `no control ${id}`);

  const keys = await policyKeyValues(control, stringOption(context, 'policy'));
  context.stdout.write(format === 'json' ? renderJson(control, keys) : renderText(control, keys));
  return 0;
}

async function policyKeyValues(
  control: Control,
  file: string | undefined,
): Promise<PolicyKeyValue[]> {
  const loaded = file === undefined ? undefined : await loadPolicy(file);
  const policy = loaded?.policy ?? DEFAULT_POLICY;
  const defaulted = loaded?.defaulted ?? [];
  return (control.policyKeys ?? []).map((key) => ({
    key,
    value: valueAt(policy, key),
    default:
      loaded === undefined || defaulted.some((path) => key === path || key.startsWith(`${path}.`)),
  }));
}

function valueAt(policy: Policy, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], policy);
}

function renderText(control: Control, keys: readonly PolicyKeyValue[]): string {
  const lines = ['## Policy keys it reads', ''];
  // Every control of the catalogue declares them (test/policy/control-policy-reads.test.ts).
  if (control.policyKeys === undefined) lines.push('- not declared by this control');
  for (const { key, value, default: isDefault } of keys) {
    lines.push(`- \`${key}\` = ${JSON.stringify(value)}${isDefault ? ' (default)' : ''}`);
  }
  if (control.policyKeys?.length === 0)
    lines.push('- none: the rule does not depend on the policy');
  return `${renderRuleDoc(control)}\n${lines.join('\n')}\n`;
}

function renderJson(control: Control, keys: readonly PolicyKeyValue[]): string {
  // The rule itself is code, not data; its policy keys are shown with their values instead.
  const description = { ...control, evaluate: undefined, policyKeys: keys };
  return `${JSON.stringify(description, null, 2)}\n`;
}
