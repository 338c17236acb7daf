/**
 * JSON that can sit inside `<script type="application/json">`. The HTML parser ends a script
 * element at the first `</script` and treats `<!--` inside it specially, whatever the JSON
 * means, so every `<` is written as the JSON escape \u003c; U+2028 and U+2029 are escaped too,
 * so the text stays valid even where it is read as JavaScript source. JSON.parse gives the
 * original strings back.
 */

const UNSAFE = /[<\u2028\u2029]/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function scriptSafeJson(value: unknown): string {
  return escapeForScript(JSON.stringify(value));
}

export function escapeForScript(json: string): string {
  return json.replace(UNSAFE, (character) => ESCAPES[character] ?? character);
}
