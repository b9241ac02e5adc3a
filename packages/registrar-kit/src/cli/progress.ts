/**
 * A progress indicator for commands that make several requests: a yocto-spinner on stderr, only
 * when stderr is a TTY (never in pipes, CI logs or tests), so stdout stays clean for --json.
 */
import yoctoSpinner from 'yocto-spinner';
import type { IO } from './render.js';

export interface Progress {
  /** Counts one finished step. */
  tick(): void;
  stop(): void;
}

const NOOP: Progress = { tick() {}, stop() {} };

export function startProgress(io: IO, label: string, total: number): Progress {
  if (io.stderr.isTTY !== true || total < 2) return NOOP;
  let done = 0;
  const text = () => `${label} (${done}/${total})`;
  const spinner = yoctoSpinner({
    text: text(),
    stream: io.stderr as unknown as NodeJS.WriteStream,
    handleSignals: false,
  }).start();
  return {
    tick() {
      done += 1;
      spinner.text = text();
    },
    stop() {
      spinner.stop();
    },
  };
}
