/** `registrar-kit demo` (defined in definitions/demo.ts): the walkthrough on the built-in emulators. */
import { runDemo } from '../../demo.js';
import type { CliContext } from '../context.js';
import { EXIT_FAILURE, EXIT_OK } from '../errors.js';

export async function runDemoCommand(ctx: CliContext): Promise<number> {
  return (await runDemo(ctx.out)) ? EXIT_OK : EXIT_FAILURE;
}
