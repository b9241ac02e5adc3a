import { bytesFromText, escapeBytes, modelEscapeAt, textFromBytes, unescapeBytes } from './text-bytes.js';

const MAX_TXT_STRING = 255;

/** UTF-8 size of the code point whose first UTF-16 unit is `code` (a lone surrogate becomes U+FFFD: 3). */
function utf8Size(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 4;
  return 3;
}

/**
 * Splits a TXT value into character-strings of at most 255 bytes, never inside a multi-byte
 * character or a `\DDD` byte escape (see text-bytes.ts). An empty value is one empty string.
 */
export function splitTxt(value: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  while (i < value.length) {
    const code = value.charCodeAt(i);
    let units = 1;
    let size: number;
    if (code === 0x5c && modelEscapeAt(value, i) >= 0) {
      units = 4;
      size = 1;
    } else {
      size = utf8Size(code);
      if (size === 4) {
        const next = value.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) units = 2;
        else size = 3;
      }
    }
    if (bytes + size > MAX_TXT_STRING) {
      chunks.push(value.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += units;
  }
  chunks.push(value.slice(start));
  return chunks;
}

/** Joins TXT character-strings back into the model's one plain value. */
export function joinTxt(strings: readonly string[]): string {
  return strings.join('');
}

/**
 * Quotes one character-string for the zone presentation format: `"` and `\` escaped, control
 * bytes and bytes that are not UTF-8 as `\DDD`.
 */
export function quoteTxtString(value: string): string {
  return `"${escapeBytes(bytesFromText(value))}"`;
}

/** A plain TXT value as presentation text: `"part1" "part2"`, each at most 255 bytes. */
export function formatTxt(value: string): string {
  return splitTxt(value).map(quoteTxtString).join(' ');
}

/** The bytes of each character-string in presentation text (a byte string each). */
function txtStringBytes(text: string): string[] {
  const trimmed = bytesFromPresentation(text.trim());
  if (!trimmed.startsWith('"')) return [trimmed];
  const strings: string[] = [];
  let i = 0;
  while (i < trimmed.length) {
    while (trimmed[i] === ' ' || trimmed[i] === '\t') i++;
    if (i >= trimmed.length) break;
    if (trimmed[i] !== '"') {
      const end = trimmed.indexOf(' ', i);
      strings.push(trimmed.slice(i, end === -1 ? undefined : end));
      i = end === -1 ? trimmed.length : end;
      continue;
    }
    const start = ++i;
    while (i < trimmed.length && trimmed[i] !== '"') i += trimmed[i] === '\\' ? 2 : 1;
    strings.push(unescapeBytes(trimmed.slice(start, Math.min(i, trimmed.length)), true));
    i++;
  }
  return strings;
}

/** Presentation text as written (any characters) → its bytes, UTF-8 for characters. */
function bytesFromPresentation(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/**
 * Parses presentation text (`"a" "b"`, `"say \"hi\""`, `"caf\195\169"`, or a bare unquoted word)
 * into the character-strings it holds, each as the model's text (valid UTF-8 as characters, other
 * bytes as `\DDD`). Unquoted input without spaces is one string as it stands.
 */
export function parseTxtStrings(text: string): string[] {
  const trimmed = text.trim();
  if (!trimmed.startsWith('"')) return [trimmed];
  return txtStringBytes(trimmed).map(textFromBytes);
}

/**
 * Presentation text → the model's plain value (`"a" "b"` → `ab`): the strings' bytes are joined,
 * then read as UTF-8 (`"caf\195\169"` → `café`).
 */
export function unquoteTxt(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('"')) return trimmed;
  return textFromBytes(txtStringBytes(trimmed).join(''));
}
