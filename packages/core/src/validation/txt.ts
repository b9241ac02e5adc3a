const MAX_TXT_STRING = 255;

/**
 * Splits a TXT value into character-strings of at most 255 bytes (UTF-8), never inside a
 * multi-byte character. An empty value is one empty string.
 */
export function splitTxt(value: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > MAX_TXT_STRING) {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  chunks.push(current);
  return chunks;
}

/** Joins TXT character-strings back into the model's one plain value. */
export function joinTxt(strings: readonly string[]): string {
  return strings.join('');
}

/** Quotes one character-string for the zone presentation format (escapes `"` and `\`). */
export function quoteTxtString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A plain TXT value as presentation text: `"part1" "part2"`, each at most 255 bytes. */
export function formatTxt(value: string): string {
  return splitTxt(value).map(quoteTxtString).join(' ');
}

/**
 * Parses presentation text (`"a" "b"`, `"say \"hi\""`, or a bare unquoted word) into the
 * character-strings it holds. Unquoted input without spaces is one string as it stands.
 */
export function parseTxtStrings(text: string): string[] {
  const trimmed = text.trim();
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
    i++;
    let current = '';
    while (i < trimmed.length && trimmed[i] !== '"') {
      if (trimmed[i] === '\\' && i + 1 < trimmed.length) {
        const digits = trimmed.slice(i + 1, i + 4);
        if (/^\d{3}$/.test(digits)) {
          current += String.fromCharCode(Number(digits));
          i += 4;
          continue;
        }
        current += trimmed[i + 1];
        i += 2;
        continue;
      }
      current += trimmed[i];
      i++;
    }
    strings.push(current);
    i++;
  }
  return strings;
}

/** Presentation text → the model's plain value (`"a" "b"` → `ab`). */
export function unquoteTxt(text: string): string {
  return joinTxt(parseTxtStrings(text));
}
