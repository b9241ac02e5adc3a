/**
 * The README's example runs as written (imports bound to the real modules, `console.log` captured),
 * so it cannot rot.
 */
import { readFileSync } from 'node:fs';
import * as testkit from '@registrar-kit/testkit/emulators';
import { expect, it } from 'vitest';
import * as adapter from './index.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const MODULES: Record<string, Record<string, unknown>> = {
  '@registrar-kit/adapter-porkbun': adapter,
  '@registrar-kit/testkit/emulators': testkit,
};

/** The first ```ts block under "## Example", its imports turned into bindings. */
function example(): { names: string[]; values: unknown[]; body: string } {
  const section = README.slice(README.indexOf('## Example'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const names: string[] = [];
  const values: unknown[] = [];
  const body = code.replace(
    /^import \{([^}]*)\} from '([^']+)';\n/gm,
    (_line, list: string, from: string) => {
      const module = MODULES[from];
      if (!module) throw new Error(`README imports ${from}`);
      for (const name of list
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)) {
        expect(module[name], `${from} exports ${name}`).toBeDefined();
        names.push(name);
        values.push(module[name]);
      }
      return '';
    },
  );
  return { names, values, body };
}

it('the README example registers a domain and stores a record against the emulator', async () => {
  const { names, values, body } = example();
  expect(body).not.toMatch(/^import /m);
  const logged: string[] = [];
  const run = new (
    Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>
  )(...names, 'console', body);
  await run(...values, { log: (line: string) => logged.push(line) });
  expect(logged).toEqual([
    '.com: 12.99 USD',
    'registered available-name.com for 12.99 USD',
    'TXT stored with TTL 600',
  ]);
});
