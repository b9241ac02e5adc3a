/**
 * `dns apply` asking on a terminal, run in-process through runCli with a stdin that says it is a
 * TTY (the spawned end-to-end tests only have pipes).
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedIo } from './cli-test-helpers.js';
import { runCli } from './program.js';
import type { InputStream } from './render.js';

const ZONE = 'test-domain-1.com';
let dir: string;
let zoneFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'registrar-kit-apply-'));
  zoneFile = join(dir, 'zone.txt');
  await writeFile(zoneFile, `$ORIGIN ${ZONE}.\n$TTL 3600\n@ A 192.0.2.80\nnew A 192.0.2.81\n`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function terminal(answer: string | null) {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = true;
  if (answer === null) stdin.end();
  else stdin.end(`${answer}\n`);
  const { io, stdout, stderr } = capturedIo({ env: { NO_COLOR: '1' }, stdin: stdin as InputStream });
  return { io, out: stdout, err: stderr };
}

const apply = (...extra: string[]) => [
  'dns',
  'apply',
  ZONE,
  '--file',
  zoneFile,
  '--provider',
  'pocketdns',
  '--emulate',
  ...extra,
];

describe('dns apply on a terminal', { timeout: 30_000 }, () => {
  it('asks, and applies on "y"', async () => {
    const term = terminal('y');
    const code = await runCli(apply(), term.io);
    expect(code).toBe(0);
    expect(term.err()).toContain(`Apply 2 changes to ${ZONE} at pocketdns? [y/N] `);
    expect(term.out()).toContain('+ new A 192.0.2.81 ttl=3600');
    expect(term.out().trim().split('\n').at(-1)).toBe(
      `${ZONE} at pocketdns: 1 created, 1 updated, 0 deleted, 0 failed`,
    );
  });

  it.each([['n'], ['whatever'], [null]])('applies nothing on %j (exit 1)', async (answer) => {
    const term = terminal(answer);
    const code = await runCli(apply(), term.io);
    expect(code).toBe(1);
    expect(term.err()).toContain('Not applied: nothing was changed.');
    expect(term.out()).not.toContain('created');
  });

  it('with --json, shows the plan on stderr beside the question and prints the JSON document after a yes', async () => {
    const term = terminal('yes');
    const code = await runCli(apply('--json'), term.io);
    expect(code).toBe(0);
    expect(term.err()).toContain('+ new A 192.0.2.81 ttl=3600');
    const body = JSON.parse(term.out()) as { summary: { total: number }; report: { created: unknown[] } };
    expect(body.summary.total).toBe(2);
    expect(body.report.created).toHaveLength(1);
  });

  it('--yes does not ask', async () => {
    const term = terminal(null);
    expect(await runCli(apply('--yes'), term.io)).toBe(0);
    expect(term.err()).not.toContain('[y/N]');
  });
});
