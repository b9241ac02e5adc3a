/**
 * Whether a JSON text nests arrays/objects deeper than `maxDepth`. A plain scan, without recursion
 * and without parsing, so a hostile body nested 100,000 levels deep is recognised cheaply before
 * anything recursive (redaction, serialisation, an adapter's error parser) walks it.
 */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
