/**
 * Reads the targets the user named: `host`, `host:port`, `[v6]:port`, optionally prefixed
 * `https://` or `smtp://`. A bare host means HTTPS on 443 and SMTP on 25 and 587; a port of 25,
 * 465 or 587 means SMTP. Only these targets are ever contacted.
 */
import { isIP } from 'node:net';
import { ExztError } from '../errors.js';
import type { ProbeService, ProbeTarget } from './model.js';

const SMTP_PORTS = new Set([25, 465, 587]);
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?$/;

export function parseTargets(specs: readonly string[]): ProbeTarget[] {
  const targets = specs.flatMap(parseTarget);
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = `${target.service}://${target.host}:${target.port}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseTarget(spec: string): ProbeTarget[] {
  const scheme = /^(https|smtp):\/\//i.exec(spec);
  const rest = scheme === null ? spec : spec.slice(scheme[0].length);
  const { host, port } = splitHostPort(spec, rest.replace(/\/$/, ''));
  const service = scheme?.[1]?.toLowerCase() as ProbeService | undefined;

  if (port === undefined && service === undefined) {
    return [
      { spec, host, port: 443, service: 'https' },
      { spec, host, port: 25, service: 'smtp' },
      { spec, host, port: 587, service: 'smtp' },
    ];
  }
  const chosenPort = port ?? (service === 'smtp' ? 25 : 443);
  const chosen = service ?? (SMTP_PORTS.has(chosenPort) ? 'smtp' : 'https');
  return [{ spec, host, port: chosenPort, service: chosen }];
}

function splitHostPort(spec: string, text: string): { host: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:]+)(?::(\d+))?$/.exec(text);
  const host = bracketed?.[1] ?? (isIP(text) === 6 ? text : plain?.[1]);
  const portText = bracketed?.[2] ?? (isIP(text) === 6 ? undefined : plain?.[2]);
  if (host === undefined || (isIP(host) === 0 && !HOST_NAME.test(host))) {
    throw new ExztError(
      'USAGE',
      `probe target ${spec}: expected host[:port] (mail.contoso.com, 10.0.0.5:443, [::1]:443, smtp://host:587)`,
    );
  }

  if (portText === undefined) return { host };
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ExztError('USAGE', `probe target ${spec}: port ${portText} is not 1-65535`);
  }
  return { host, port };
}
