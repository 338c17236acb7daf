/**
 * Text escaping for the CliXml writer: PowerShell's `_xHHHH_` encoding first, then XML
 * entities. Facts from PowerShell's serializer (InternalSerializer.EncodeString) and
 * ../shared/reference/exchange-builds.md §5.3.
 */

/**
 * Code units PowerShell writes as `_xHHHH_`: C0 and C1 controls, every surrogate half (an
 * astral character becomes two escapes), and an underscore before `x` or `X`, which would
 * otherwise read as the start of an escape.
 */
function needsEscape(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true;

  const next = text[index + 1];
  return code === 0x5f && (next === 'x' || next === 'X');
}

/** Applies PowerShell's `_xHHHH_` encoding (upper-case hex, four digits). */
export function encodePowerShellString(text: string): string {
  let encoded = '';
  for (let index = 0; index < text.length; index += 1) {
    if (!needsEscape(text, index)) {
      encoded += text[index];
      continue;
    }

    const hex = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
    encoded += `_x${hex}_`;
  }
  return encoded;
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = { ...TEXT_ENTITIES, '"': '&quot;' };

/** Element content: `&`, `<` and `>` as entities (quotes stay, as .NET's XmlWriter leaves them). */
export function escapeElementText(text: string): string {
  return encodePowerShellString(text).replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] ?? c);
}

/** Attribute values (member names): quotes as entities too. */
export function escapeAttributeValue(text: string): string {
  return encodePowerShellString(text).replace(/[&<>"]/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c);
}
