/** A yes/no question on a terminal: the question on stderr, one line read from stdin. */
import { createInterface } from 'node:readline';
import type { IO } from './render.js';

/** True when a person can answer: stdin is a terminal. */
export function canAsk(io: IO): boolean {
  return io.stdin?.isTTY === true;
}

/** Asks `question [y/N]`; only `y` or `yes` (any case) is a yes, end of input is a no. */
export async function confirm(io: IO, question: string): Promise<boolean> {
  const input = io.stdin;
  if (!input) return false;
  io.stderr.write(`${question} [y/N] `);
  const lines = createInterface({ input, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(''));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}
