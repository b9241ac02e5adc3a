import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the zone-file corpus (see zone-corpus/regenerate.sh for how its expected output is made). */
export const CORPUS_DIR = fileURLToPath(new URL('./zone-corpus/', import.meta.url));

export interface CorpusFile {
  file: string;
  /** The zone name the file is loaded as, with its trailing dot. */
  origin: string;
  /** The file's bytes, exactly as stored. */
  bytes: Uint8Array;
  /** BIND's records (named-compilezone full-form text) when BIND loads the file. */
  bind?: string;
  /** The line BIND names first when it refuses the file. */
  bindErrorLine?: number;
}

/** Every file of the corpus, in the order of zones.txt, with what BIND read from it. */
export function corpusFiles(): CorpusFile[] {
  const stored = new Set(readdirSync(CORPUS_DIR));
  const listing = readFileSync(`${CORPUS_DIR}zones.txt`, 'utf8');
  return listing
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [file, origin] = line.split(' ') as [string, string];
      const base = file.replace(/\.zone$/, '');
      const entry: CorpusFile = { file, origin, bytes: readFileSync(`${CORPUS_DIR}${file}`) };
      if (stored.has(`${base}.bind`)) entry.bind = readFileSync(`${CORPUS_DIR}${base}.bind`, 'utf8');
      if (stored.has(`${base}.bind-error`)) {
        const text = readFileSync(`${CORPUS_DIR}${base}.bind-error`, 'utf8');
        const line = new RegExp(`${file.replace(/\./g, '\\.')}:(\\d+):`).exec(text)?.[1];
        if (line) entry.bindErrorLine = Number(line);
      }
      return entry;
    });
}

/** The path of a BIND 9 tool (`named-checkzone`, `named-compilezone`) when it is installed, else null. */
export function bindTool(name: 'named-checkzone' | 'named-compilezone'): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : null;
}
