/** What the command-line scripts of db/ (db:seed, db:reset) share. */

/** An error as one line of the console. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs a script's `main` on its arguments: the exit code is the one it answers, 1 when it throws
 * (the error printed after the script's name).
 */
export function runMain(name: string, main: (args: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`${name}: ${errorMessage(err)}`);
      process.exitCode = 1;
    },
  );
}
