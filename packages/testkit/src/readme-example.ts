/**
 * A package README's example, run as written in a test so it cannot rot: the first ```ts block
 * after a heading, its `import { a, b } from 'module';` lines turned into bindings the test gives
 * (the real modules, or a factory pointed at an emulator), the rest run as an async function.
 */
import { readFileSync } from 'node:fs';

export interface ReadmeExample {
  /** The block without its import lines. */
  body: string;
  /** Every name the block imports, with the module it comes from, in order. */
  imports: { name: string; from: string }[];
}

export function readmeExample(readme: URL, heading = '## Example'): ReadmeExample {
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`${readme.pathname} has no "${heading}" heading`);
  const code = /```ts\n([\s\S]*?)```/.exec(text.slice(start))?.[1];
  if (code === undefined) throw new Error(`${readme.pathname} has no ts block under "${heading}"`);
  const imports: ReadmeExample['imports'] = [];
  const body = code.replace(
    /^import \{([^}]*)\} from '([^']+)';\n/gm,
    (_line, list: string, from: string) => {
      for (const name of list.split(',').map((n) => n.trim())) if (name !== '') imports.push({ name, from });
      return '';
    },
  );
  if (/^import /m.test(body)) throw new Error(`${readme.pathname}: only named imports can be bound`);
  return { body, imports };
}

type ExampleFunction = (...values: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => ExampleFunction;

/**
 * Runs the example: each import is bound from `modules` (a module or a name not given throws, so the
 * README cannot import what the package does not export), `console` is the one given.
 */
export async function runReadmeExample(
  example: ReadmeExample,
  modules: Record<string, Record<string, unknown>>,
  console: { log: (...args: never[]) => void },
): Promise<void> {
  const values = example.imports.map(({ name, from }) => {
    const value = modules[from]?.[name];
    if (value === undefined)
      throw new Error(`the README imports ${name} from ${from}, which the test does not give`);
    return value;
  });
  const run = new AsyncFunction(...example.imports.map((entry) => entry.name), 'console', example.body);
  await run(...values, console);
}
