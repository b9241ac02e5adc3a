/** Where the CLI writes and reads: the process's streams, or a test's. */

export interface OutputStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

/** Where `--file -` and confirmation answers are read from. */
export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean };

export interface IO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** Absent: nothing can be read (no `--file -`, no confirmation). */
  stdin?: InputStream;
}
