/**
 * `registrar-kit move` from start to finish, in-process through runCli with --emulate: a Glauca →
 * DNSimple move with --yes, then `move --status` on the transfer id it printed. Against the real
 * APIs the transfer outlives the first command; with --emulate each run closes its emulators, so
 * here the two runs share one emulation (kept open until the test ends). Everything else is the
 * CLI's own path.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { capturedIo } from './cli-test-helpers.js';
import type { Emulation } from './emulate.js';
import { runCli } from './program.js';

const shared = vi.hoisted(() => ({ emulation: null as Emulation | null }));

vi.mock('./emulate.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./emulate.js')>();
  return {
    ...actual,
    startEmulation: async (...args: Parameters<typeof actual.startEmulation>) => {
      shared.emulation ??= await actual.startEmulation(...args);
      // The CLI closes its emulation at the end of each run; this one stays open for the next run.
      return { ...shared.emulation, close: async () => {} };
    },
  };
});

afterAll(async () => {
  await shared.emulation?.close();
});

async function run(...args: string[]) {
  const { io, stdout, stderr } = capturedIo();
  const code = await runCli(['--emulate', ...args], io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('registrar-kit move, end to end', () => {
  it('moves test-domain-1.com from Glauca to DNSimple with --yes; move --status then shows it completed', async () => {
    const moved = await run('move', 'test-domain-1.com', '--from', 'glauca', '--to', 'dnsimple', '--yes');
    expect(moved.stderr).toBe('');
    expect(moved.code, moved.stdout).toBe(0);
    const lines = moved.stdout.trim().split('\n');
    // The plan first (a dry run), then each step as it happens, then the outcome with the id.
    expect(lines[0]).toBe('Plan for moving test-domain-1.com from glauca to dnsimple:');
    const steps = lines.filter((line) => /^[✓–…✗] /.test(line)).map((line) => line.split(/\s+/, 2).join(' '));
    expect(steps).toEqual([
      '✓ preflight',
      '✓ price',
      '✓ zone',
      '✓ records',
      '✓ unlock',
      '✓ auth_code',
      '✓ transfer',
    ]);
    expect(moved.stdout).toContain('✓ zone        created the zone at dnsimple');
    const outcome =
      /Transfer of test-domain-1\.com started \(id (\S+), \w+\): follow it with `registrar-kit move --status --to <provider> --transfer \1`\./.exec(
        lines.at(-1) ?? '',
      );
    expect(outcome, lines.at(-1)).not.toBeNull();
    const id = outcome![1]!;

    const emulation = shared.emulation!;
    expect(emulation.emulators.dnsimple!.ledger.map((e) => `${e.operation} ${e.domain}`)).toEqual([
      'transfer test-domain-1.com',
    ]);

    const status = await run('move', '--status', '--to', 'dnsimple', '--transfer', id);
    expect(status.stderr).toBe('');
    expect(status.stdout).toBe(`Transfer ${id} of test-domain-1.com: completed\n`);
    expect(status.code).toBe(0);

    const json = await run('move', '--status', '--to', 'dnsimple', '--transfer', id, '--json');
    expect(JSON.parse(json.stdout).transfer).toMatchObject({
      id,
      domain: 'test-domain-1.com',
      status: 'completed',
    });
  });
});
