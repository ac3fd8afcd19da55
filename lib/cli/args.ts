/**
 * Command-line arguments: `analyze [--profile FILE] FILE...`. Anything else is a usage error
 * (exit code 2, spec section 7) with the usage text.
 */
export const USAGE = `usage: npm run --silent witness -- analyze [--profile FILE] FILE...

  analyze   parse the evidence files (logs, HAR, OTLP, Jaeger, Zipkin; .gz too) and print
            the JSON report (sources, findings, first divergence) to stdout

  --profile FILE   analysis profile (JSON): entities, effects, invariants, tolerance, offsets
  --no-align       read every clock as it is (all offsets 0), to see what alignment changed`;

export type CliCommand = { command: 'analyze'; profile: string | null; align: boolean; files: string[] } | { command: 'help' };

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"`);
  let profile: string | null = null;
  let align = true;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--profile') {
      const value = rest[++i];
      if (value === undefined) throw new UsageError('--profile needs a file');
      if (profile !== null) throw new UsageError('--profile given twice');
      profile = value;
    } else if (arg.startsWith('--profile=')) {
      profile = arg.slice('--profile='.length);
    } else if (arg === '--no-align') {
      align = false;
    } else if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError('analyze needs at least one evidence file');
  return { command: 'analyze', profile, align, files };
}
