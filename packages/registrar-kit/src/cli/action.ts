/**
 * The wrapper every command action runs in: builds the context from the global flags, renders a
 * thrown error as one line and a hint (a stack only with --debug), records the exit code and
 * closes the emulators. The context, the renderer and the error descriptions (and through them
 * core and the adapters) are loaded when an action runs, not when the program is defined, so
 * `--help` answers without them (bench/RESULTS.md, "Cold start").
 */
import type { Command } from 'commander';
import type { CliContext, GlobalOptions } from './context.js';
import type { IO } from './io.js';

/** Shared by the program and its actions: where to write, and the exit code of the run. */
export interface CliState {
  io: IO;
  exitCode: number;
}

/** Resolves to the exit code, or to nothing for 0. */
export type ActionBody = (ctx: CliContext) => Promise<unknown>;

export async function runAction(state: CliState, command: Command, body: ActionBody): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const [{ CliContext }, { describeError, EXIT_OK }, { Renderer }] = await Promise.all([
    import('./context.js'),
    import('./errors.js'),
    import('./render.js'),
  ]);
  let ctx: CliContext | null = null;
  try {
    ctx = new CliContext(state.io, options);
    const code = await body(ctx);
    state.exitCode = typeof code === 'number' ? code : EXIT_OK;
  } catch (error) {
    const out =
      ctx?.out ??
      new Renderer(state.io, { json: options.json === true, raw: false, color: options.color !== false });
    const described = describeError(error, state.io.env);
    out.error(described, options.debug && error instanceof Error ? error.stack : undefined);
    state.exitCode = described.exitCode;
  } finally {
    await ctx?.close();
  }
}
