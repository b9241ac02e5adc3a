import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toEppPhone } from './kit/epp-phone.js';
import { normalizeDomainName } from './validation/domain-name.js';

const SRC = fileURLToPath(new URL('.', import.meta.url));
/** Loaded by the first call that needs them, never by importing core (bench/RESULTS.md, cold start). */
const LAZY = ['axios', 'p-retry', 'tr46', 'libphonenumber-js', 'bottleneck'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('cold start', () => {
  it('no module of core imports the HTTP stack, retries, UTS 46 or phone metadata at load time', () => {
    const eager: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        const specifier = match[1] as string;
        if (LAZY.some((name) => specifier === name || specifier.startsWith(`${name}/`)))
          eager.push(`${file.slice(SRC.length)}: ${specifier}`);
      }
    }
    expect(eager).toEqual([]);
  });

  it('the lazily loaded dependencies still work on first use', () => {
    expect(normalizeDomainName('Bücher.Example')).toBe('xn--bcher-kva.example');
    expect(toEppPhone('+44 20 7123 4567')).toBe('+44.2071234567');
  });
});
