/**
 * `registrar-kit move`, run in-process through runCli against the built-in emulators (--emulate:
 * one shared transfer registry; the gaining side starts without the seeded portfolio).
 */
import { describe, expect, it } from 'vitest';
import { capturedIo } from './cli-test-helpers.js';
import { parseMaxPrice } from './commands/move.js';
import { runCli } from './program.js';

async function move(...args: string[]) {
  const { io, stdout, stderr } = capturedIo();
  const code = await runCli(['--emulate', 'move', ...args], io);
  return { code, stdout: stdout(), stderr: stderr() };
}

const GLAUCA_TO_DNSIMPLE = ['test-domain-1.com', '--from', 'glauca', '--to', 'dnsimple'];

describe('registrar-kit move', () => {
  it('--dry-run --json: the plan of every step, nothing changed, exit 0', async () => {
    const { code, stdout } = await move(...GLAUCA_TO_DNSIMPLE, '--dry-run', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.state).toBe('planned');
    expect(report.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
      'preflight:done',
      'price:done',
      'zone:skipped',
      'records:skipped',
      'unlock:done',
      'auth_code:skipped',
      'transfer:skipped',
    ]);
    expect(report.steps[1].detail).toBe('the transfer costs 12.99 USD at dnsimple');
    expect(report.transfer).toBeNull();
  });

  it('a price above --max-price is refused before anything changes: exit 4 and the reason', async () => {
    const { code, stdout } = await move(...GLAUCA_TO_DNSIMPLE, '--max-price', '5 USD', '--yes');
    expect(code).toBe(4);
    expect(stdout).toContain('✗ price');
    expect(stdout).toContain('refused before anything changed');
    expect(stdout).toContain('above maxPrice 5 USD');
  });

  it('without --yes on a pipe: the plan, then a usage error (exit 2) saying to pass --yes', async () => {
    const { code, stdout, stderr } = await move(...GLAUCA_TO_DNSIMPLE);
    expect(code).toBe(2);
    expect(stdout).toContain('Plan for moving test-domain-1.com from glauca to dnsimple:');
    expect(stderr).toContain('not moving test-domain-1.com without confirmation');
    expect(stderr).toContain('pass --yes');
  });

  it.each([
    [['test-domain-1.com', '--from', 'glauca'], 'move needs --from and --to'],
    [['test-domain-1.com', '--from', 'glauca', '--to', 'GLAUCA'], '--from and --to are the same provider'],
    [['test-domain-1.com', '--from', 'glauca', '--to', 'nowhere'], 'unknown provider "nowhere" in --to'],
    [[...GLAUCA_TO_DNSIMPLE, '--max-price', 'cheap'], '--max-price "cheap" is not an amount and a currency'],
    [[...GLAUCA_TO_DNSIMPLE, '--years', '0'], '--years 0 is not a whole number from 1 to 10'],
    [['--status', '--to', 'dnsimple'], 'move --status needs --to and --transfer'],
  ])('%j is a usage error (exit 2): %s', async (args, message) => {
    const { code, stderr } = await move(...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('parseMaxPrice', () => {
  it.each([
    ['20 USD', { amount: '20', currency: 'USD' }],
    ['20.50 usd', { amount: '20.50', currency: 'USD' }],
    ['GBP 9', { amount: '9', currency: 'GBP' }],
    ['9GBP', { amount: '9', currency: 'GBP' }],
  ])('%s', (text, money) => {
    expect(parseMaxPrice(text)).toEqual(money);
  });
});
