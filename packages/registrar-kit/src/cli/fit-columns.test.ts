import { describe, expect, it } from 'vitest';
import { fitColumns, terminalWidth, visibleWidth } from './fit-columns.js';
import { type IO, Renderer } from './render.js';

function capture(env: NodeJS.ProcessEnv): { io: IO; text: () => string } {
  let out = '';
  const stream = {
    write(chunk: string) {
      out += chunk;
      return true;
    },
  };
  return { io: { stdout: stream, stderr: stream, env }, text: () => out };
}

const widest = (text: string) => Math.max(...text.split('\n').map((line) => visibleWidth(line)));

describe('tables fit the terminal', () => {
  it('reads COLUMNS, else the TTY width, else 80', () => {
    expect(terminalWidth(capture({ COLUMNS: '100' }).io)).toBe(100);
    const tty = capture({}).io;
    (tty.stdout as { columns?: number }).columns = 120;
    expect(terminalWidth(tty)).toBe(120);
    expect(terminalWidth(capture({}).io)).toBe(80);
  });

  it('leaves a narrow table alone and shrinks the widest columns of a wide one', () => {
    expect(fitColumns([['a', 'b']], 80)).toBeNull();
    const widths = fitColumns([['id', 'x'.repeat(200), 'y'.repeat(50)]], 80)!;
    expect(widths.reduce((sum, w) => sum + w, 0) + widths.length + 1).toBeLessThanOrEqual(80);
    expect(widths[0]).toBe(4);
  });

  it('a table with long messages is at most 80 columns wide at COLUMNS=80, every word kept', () => {
    const { io, text } = capture({ COLUMNS: '80' });
    const message =
      'dnsimple checkAvailability: missing credential: set DNSIMPLE_TOKEN or use --emulate '.repeat(2);
    new Renderer(io, { json: false, raw: false, color: false }).table({
      head: ['provider', 'available', 'price', 'error'],
      rows: [
        ['dnsimple', '-', '-', message],
        ['glauca', 'averyveryveryveryverylongunbrokenword'.repeat(3), '-', '-'],
      ],
    });
    expect(widest(text())).toBeLessThanOrEqual(80);
    expect(text().replace(/[\s│┌┐└┘├┤┬┴┼─]/g, '')).toContain('DNSIMPLE_TOKEN');
  });
});
