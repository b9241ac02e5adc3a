/**
 * The README's example runs as written (imports bound to the real modules, `console.log` captured),
 * so it cannot rot.
 */
import { readmeExample, runReadmeExample } from '@registrar-kit/testkit';
import * as testkit from '@registrar-kit/testkit/emulators';
import { expect, it } from 'vitest';
import * as adapter from './index.js';

it('the README example registers a domain and stores a record against the emulator', async () => {
  const example = readmeExample(new URL('../README.md', import.meta.url));
  const logged: string[] = [];
  await runReadmeExample(
    example,
    { '@registrar-kit/adapter-porkbun': adapter, '@registrar-kit/testkit/emulators': testkit },
    { log: (line: string) => logged.push(line) },
  );
  expect(logged).toEqual([
    '.com: 12.99 USD',
    'registered available-name.com for 12.99 USD',
    'TXT stored with TTL 600',
  ]);
});
