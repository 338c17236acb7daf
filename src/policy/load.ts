/**
 * Loads a Zero Trust policy from YAML: every key checked against the schema, missing keys and
 * sections filled from DEFAULT_POLICY (a policy may be partial), then the checks that span
 * keys: network names defined before use, admin hours in order, no endpoint both allowed and
 * forbidden on the internet. Every mistake is reported at once, with line and column; networks
 * shared by two zones are warnings.
 */
import type { Node } from 'yaml';
import { isMap } from 'yaml';
import { DEFAULT_POLICY } from './defaults.js';
import type { Policy } from './model.js';
import { didYouMean } from './nearest.js';
import { readValue, type ReadState } from './read-node.js';
import { POLICY_SCHEMA } from './schema.js';
import { readTextFile } from './text-file.js';
import { minutesOf } from './value-checks.js';
import { PolicyError, renderGiven, YamlSource, type PolicyIssue } from './yaml-source.js';
import { zoneOverlaps } from './zone-overlaps.js';

export interface LoadedPolicy {
  policy: Policy;
  /** Hex SHA-256 of the file's bytes. */
  hash: string;
  /** Keys and sections the file left out, which took their defaults. */
  defaulted: string[];
  /** What is valid but probably not meant (zone-overlaps.ts); the commands print them. */
  warnings: PolicyWarning[];
}

export interface PolicyWarning {
  position: PolicyIssue['position'];
  path: string;
  message: string;
}

export async function loadPolicy(file: string): Promise<LoadedPolicy> {
  const { text, hash } = await readTextFile(file, 'policy file');
  return { ...parsePolicy(text, file), hash };
}

/** The policy in `text`; throws a PolicyError listing every mistake. */
export function parsePolicy(text: string, file: string): Omit<LoadedPolicy, 'hash'> {
  const source = new YamlSource(file, text);
  source.throwSyntaxErrors();
  if (source.root === null) {
    const expected =
      'no policy in the file (it is empty or only comments); expected a mapping with ' +
      "apiVersion: exzt/v1 and kind: ZeroTrustPolicy ('exzt policy init' writes one)";
    source.issues.push({ position: source.positionOf(null), allowed: expected });
  }
  if (source.root !== null && !isMap(source.root)) {
    const given = renderGiven(source.root);
    source.report(source.root, '(document)', given, 'expected a mapping of policy keys');
  }

  const state: ReadState = { source, defaulted: [], nodes: new Map() };
  const root = isMap(source.root) ? source.root : null;
  const draft = readValue(root, POLICY_SCHEMA, DEFAULT_POLICY, '', state) as PolicyDraft;
  if (source.root === null || root !== null) checkAcrossKeys(draft, state);
  if (source.issues.length > 0) {
    throw new PolicyError(`${file} is not a valid policy`, source.issues);
  }

  const policy = draft as Policy;
  const warnings = zoneOverlaps(policy).map(({ paths, message }) => {
    const path = paths.find((key) => state.nodes.has(key)) ?? paths[0]!;
    return { position: source.positionOf(state.nodes.get(path) ?? source.root), path, message };
  });
  return { policy, defaulted: state.defaulted.filter((path) => path !== ''), warnings };
}

/** `file:line:column: path: message`, as the commands print a warning. */
export function formatPolicyWarning(warning: PolicyWarning): string {
  const { file, line, column } = warning.position;
  return `${file}:${line}:${column}: ${warning.path}: ${warning.message}`;
}

/**
 * The policy as read so far: a value the file got wrong is missing, so the checks across keys
 * look only at what is there and every mistake is still reported in one run.
 */
interface PolicyDraft {
  networks?: Record<string, unknown>;
  admin?: { hours?: { from?: string; to?: string } };
  apps?: { adminFrom?: string[] };
  network?: {
    internetFacing?: string[];
    neverInternetFacing?: string[];
    zones?: Record<string, string[] | undefined>;
  };
}

function checkAcrossKeys(policy: PolicyDraft, state: ReadState): void {
  checkNetworkReferences(policy, state);
  checkAdminHours(policy, state);
  checkInternetExposure(policy, state);
}

/** apps.adminFrom and network.zones.* name networks; each must be defined under networks. */
function checkNetworkReferences(policy: PolicyDraft, state: ReadState): void {
  if (policy.networks === undefined) return;

  const defined = Object.keys(policy.networks);
  const references: Array<[string, string[] | undefined]> = [
    ['apps.adminFrom', policy.apps?.adminFrom],
    ...Object.entries(policy.network?.zones ?? {}).map(
      ([zone, names]): [string, string[] | undefined] => [`network.zones.${zone}`, names],
    ),
  ];
  for (const [path, names] of references) {
    (names ?? []).forEach((name, index) => {
      if (defined.includes(name)) return;

      const itemPath = `${path}[${index}]`;
      const known = defined.length === 0 ? 'none are defined' : `defined: ${defined.join(', ')}`;
      const given = JSON.stringify(name);
      if (state.nodes.has(itemPath)) {
        const allowed = `no network named ${name} under networks (${known})${didYouMean(name, defined)}`;
        state.source.report(state.nodes.get(itemPath), itemPath, given, allowed);
        return;
      }

      // A default naming a network the file's own networks left out: point at those networks.
      const allowed = `${path} takes its default, which names ${name}, not defined under networks (${known}); define it or set ${path}`;
      state.source.report(nodeNear('networks', state), itemPath, given, allowed);
    });
  }
}

function checkAdminHours(policy: PolicyDraft, state: ReadState): void {
  const { from, to } = policy.admin?.hours ?? {};
  if (from === undefined || to === undefined || minutesOf(to) > minutesOf(from)) return;

  const allowed = `must be after from (${from}); admin hours do not span midnight`;
  state.source.report(
    nodeNear('admin.hours.to', state),
    'admin.hours.to',
    JSON.stringify(to),
    allowed,
  );
}

function checkInternetExposure(policy: PolicyDraft, state: ReadState): void {
  const allowed = new Set(policy.network?.internetFacing ?? []);
  (policy.network?.neverInternetFacing ?? []).forEach((endpoint, index) => {
    if (!allowed.has(endpoint)) return;

    const path = `network.neverInternetFacing[${index}]`;
    const message = 'also listed in network.internetFacing; an endpoint cannot be both';
    state.source.report(nodeNear(path, state), path, JSON.stringify(endpoint), message);
  });
}

/** The node at `path`, or the nearest enclosing one the file wrote (defaults have no node). */
function nodeNear(path: string, state: ReadState): Node | undefined {
  for (let at = path; at !== ''; at = at.replace(/(\.[^.]*|\[\d+\])$/, '')) {
    const node = state.nodes.get(at);
    if (node !== undefined) return node;
    if (!/[.[]/.test(at)) break;
  }
  return state.source.root ?? undefined;
}
