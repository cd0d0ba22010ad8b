// What every command in src/cli/ (`npm run backup`, `migrate`, `price-list`,
// `store:copy`) does with its command line: `--help` alone prints its usage; a mistake
// is told in one line on stderr, with the usage where it helps, and exits 1.

/** Says what went wrong and exits 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The command's arguments; `--help` or `-h` alone prints `usage` and exits 0. */
export function commandArgs(usage: string): string[] {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    console.log(usage);
    process.exit(0);
  }
  return args;
}
