/**
 * A command whose output is piped into `head` (or any reader that stops early) sees its
 * stdout close mid-write. That is the reader's choice, not a failure: end quietly with
 * success instead of printing Node's unhandled EPIPE stack.
 */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
