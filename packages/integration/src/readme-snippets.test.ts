/**
 * Every TypeScript/JavaScript snippet of every README runs as written against the emulators (issue
 * 18): each fenced block is written to a module whose adapter and `registrar-kit` imports resolve
 * to wrappers that point the factories at the emulators (src/test/readme/), with the credential
 * variables of each adapter's `providerInfo` set to what its emulator accepts. A snippet that
 * throws fails its test.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnyRunningEmulator, EMULATED_PROVIDERS, PROVIDER_EMULATORS } from '@registrar-kit/testkit';
import { PROVIDERS } from 'registrar-kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useEmulators } from './test/readme/emulated-state.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WRAPPERS = fileURLToPath(new URL('./test/readme/', import.meta.url));
const OUT = fileURLToPath(new URL('./test/readme/.snippets/', import.meta.url));

/** Blocks that are not programs, each with the reason (checked to be exactly these). */
const NOT_PROGRAMS: Record<string, string> = {
  // A vitest test file: it declares suites, and dnsimple-conformance.test.ts runs the same call.
  'packages/testkit/README.md#1':
    'a vitest test file (packages/adapter-dnsimple/src/dnsimple-conformance.test.ts runs it)',
};

interface Snippet {
  id: string;
  code: string;
}

function readmes(): string[] {
  const packages = readdirSync(join(ROOT, 'packages'))
    .map((dir) => `packages/${dir}/README.md`)
    .filter((path) => existsSync(join(ROOT, path)));
  return ['README.md', ...packages];
}

function snippetsOf(path: string): Snippet[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const blocks = [...text.matchAll(/^```(?:ts|typescript|js|javascript)\n([\s\S]*?)^```/gm)];
  return blocks.map((block, index) => ({ id: `${path}#${index + 1}`, code: block[1] as string }));
}

/** The snippet with its package imports pointed at the emulator wrappers. */
function pointedAtEmulators(code: string): string {
  return code.replace(
    /from '(@registrar-kit\/adapter-[a-z]+|registrar-kit)'/g,
    (_, specifier: string) => `from '${join(WRAPPERS, `${specifier.replace('@registrar-kit/', '')}.ts`)}'`,
  );
}

const snippets = readmes().flatMap(snippetsOf);
const emulators = new Map<string, AnyRunningEmulator>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const id of EMULATED_PROVIDERS) {
    const emulator = await PROVIDER_EMULATORS[id].start({ rateLimits: false, instantOrders: true });
    emulators.set(id, emulator);
    for (const credential of PROVIDERS[id].info.credentials) {
      const value = emulator.seedInfo.credentials[credential.option];
      if (value !== undefined) vi.stubEnv(credential.env, value);
    }
  }
  useEmulators(emulators);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([...emulators.values()].map((emulator) => emulator.close()));
  rmSync(OUT, { recursive: true, force: true });
});

describe('README snippets', { timeout: 60_000 }, () => {
  it('every README has its snippets found; only the listed blocks are not programs', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(10);
    for (const id of Object.keys(NOT_PROGRAMS)) expect(snippets.map((snippet) => snippet.id)).toContain(id);
  });

  it('no README points to a file that is not in the repository', () => {
    const missing: string[] = [];
    for (const readme of readmes()) {
      const text = readFileSync(join(ROOT, readme), 'utf8');
      if (/\bDESIGN\.md\b/.test(text)) missing.push(`${readme}: DESIGN.md`);
      for (const [, target] of text.matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)) {
        if (!existsSync(join(ROOT, dirname(readme), target as string))) missing.push(`${readme}: ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('examples/core-example.mjs runs', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(join(ROOT, 'examples/core-example.mjs'));
      expect(log.mock.calls.flat().join('\n')).toContain('Refused before sending: ValidationError');
    } finally {
      log.mockRestore();
    }
  });

  it.each(snippets.filter((snippet) => !(snippet.id in NOT_PROGRAMS)))(
    '$id runs against the emulators',
    async ({ id, code }) => {
      const file = join(OUT, `${id.replace(/[^a-z0-9]+/gi, '-')}.ts`);
      writeFileSync(file, `${pointedAtEmulators(code)}\nexport {};\n`);
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        await import(file);
      } finally {
        log.mockRestore();
      }
    },
  );
});
