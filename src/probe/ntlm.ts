/**
 * NTLM disclosure without credentials ([MS-NLMP] §2.2.1): send a NEGOTIATE message, read the
 * CHALLENGE the server answers with, and decode its target information (the NetBIOS and DNS
 * names of the computer, domain and forest) and the Windows version. The handshake is never
 * completed.
 */
import type { NtlmDisclosure } from './model.js';

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
// Unicode, OEM, request target, NTLM, always sign, extended session security, target info,
// version, 128-bit, 56-bit ([MS-NLMP] §2.2.2.5).
const NEGOTIATE_FLAGS = 0xe2088297;
const FLAG_NEGOTIATE_VERSION = 0x02000000;

/** Base64 of a 40-byte NEGOTIATE message with empty domain and workstation fields. */
export function negotiateMessage(): string {
  const message = Buffer.alloc(40);
  SIGNATURE.copy(message, 0);
  message.writeUInt32LE(1, 8);
  message.writeUInt32LE(NEGOTIATE_FLAGS, 12);
  // Domain and workstation security buffers stay zero; version 10.0 build 0, NTLM revision 15.
  message.writeUInt8(10, 32);
  message.writeUInt8(15, 39);
  return message.toString('base64');
}

const AV_FIELDS: Record<number, keyof NtlmDisclosure> = {
  1: 'netbiosComputer',
  2: 'netbiosDomain',
  3: 'dnsComputer',
  4: 'dnsDomain',
  5: 'dnsForest',
};

/** Decodes a CHALLENGE message; undefined when the bytes are not one. */
export function decodeChallenge(base64: string, endpoint: string): NtlmDisclosure | undefined {
  const message = Buffer.from(base64, 'base64');
  if (message.length < 48 || !message.subarray(0, 8).equals(SIGNATURE)) return undefined;
  if (message.readUInt32LE(8) !== 2) return undefined;

  const disclosure: NtlmDisclosure = { endpoint };
  const infoLength = message.readUInt16LE(40);
  const infoOffset = message.readUInt32LE(44);
  readAvPairs(message.subarray(infoOffset, infoOffset + infoLength), disclosure);
  const flags = message.readUInt32LE(20);
  if ((flags & FLAG_NEGOTIATE_VERSION) !== 0 && message.length >= 56) {
    disclosure.osVersion = `${message[48]}.${message[49]}.${message.readUInt16LE(50)}`;
  }
  return disclosure;
}

function readAvPairs(info: Buffer, disclosure: NtlmDisclosure): void {
  let offset = 0;
  while (offset + 4 <= info.length) {
    const id = info.readUInt16LE(offset);
    const length = info.readUInt16LE(offset + 2);
    if (id === 0 || offset + 4 + length > info.length) return;

    const field = AV_FIELDS[id];
    if (field !== undefined && field !== 'endpoint' && field !== 'osVersion') {
      disclosure[field] = info.subarray(offset + 4, offset + 4 + length).toString('utf16le');
    }
    offset += 4 + length;
  }
}

/** The base64 token of an `NTLM <token>` challenge header, if one carries a CHALLENGE. */
export function challengeToken(values: readonly string[]): string | undefined {
  for (const value of values) {
    const match = /^\s*NTLM\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}
