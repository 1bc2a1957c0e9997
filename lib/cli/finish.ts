// How every SpendSense process ends (the CLI, `npm start`, bench scripts): with its exit code,
// and only after all it wrote has left the process. Node writes to pipes asynchronously, so a
// bare `process.exit()` right after printing dropped whatever the reader had not taken yet:
// `spendsense show ID --json | jq .` got the first 64 KB.

/** Sets the exit code, waits until stdout and stderr have flushed everything queued, then exits. */
export function finish(code: number): void {
  process.exitCode = code;
  let open = 2;
  const flushed = () => {
    if (--open === 0) process.exit(code);
  };
  // Writes complete in order: an empty write's callback runs once every earlier write has.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.writable) stream.write("", flushed);
    else flushed();
  }
}
