/**
 * A progress indicator for commands that make several requests: a yocto-spinner on stderr, only
 * when stderr is a TTY with colours allowed (never in pipes, CI logs, tests, or with --no-color /
 * NO_COLOR), so stdout stays clean for --json.
 */
import { colorEnabled, type Renderer } from './render.js';

export interface Progress {
  /** Counts one finished step. */
  tick(): void;
  stop(): void;
}

const NOOP: Progress = { tick() {}, stop() {} };

export function startProgress(out: Renderer, label: string, total: number): Progress {
  const { io } = out;
  // The spinner's frame is always coloured (yocto-spinner): with --no-color or NO_COLOR, none.
  if (total < 2 || !colorEnabled(io.stderr, io.env, out.options.color)) return NOOP;
  let done = 0;
  let stopped = false;
  const text = () => `${label} (${done}/${total})`;
  // Loaded when a spinner is first shown (not at start: `--help` stays quick); starts a moment later.
  const spinner = import('yocto-spinner').then(({ default: yoctoSpinner }) =>
    stopped
      ? null
      : yoctoSpinner({
          text: text(),
          stream: io.stderr as unknown as NodeJS.WriteStream,
          handleSignals: false,
        }).start(),
  );
  return {
    tick() {
      done += 1;
      void spinner.then((running) => {
        if (running) running.text = text();
      });
    },
    stop() {
      stopped = true;
      void spinner.then((running) => running?.stop());
    },
  };
}
