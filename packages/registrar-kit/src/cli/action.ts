/**
 * The wrapper every command action runs in: builds the context from the global flags, renders a
 * thrown error as one line and a hint (a stack only with --debug), records the exit code and
 * closes the emulators.
 */
import type { Command } from 'commander';
import { CliContext, type GlobalOptions } from './context.js';
import { describeError, EXIT_OK } from './errors.js';
import { type IO, Renderer } from './render.js';

/** Shared by the program and its actions: where to write, and the exit code of the run. */
export interface CliState {
  io: IO;
  exitCode: number;
}

/** Resolves to the exit code, or to nothing for 0. */
export type ActionBody = (ctx: CliContext) => Promise<unknown>;

export async function runAction(state: CliState, command: Command, body: ActionBody): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions>();
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
