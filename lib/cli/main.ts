/**
 * The `witness` command line. Exit codes (spec section 7): 0 when the report was printed, 2 on
 * a usage error, 1 when it cannot run.
 */
import { analyze, CliRunError } from './analyze';
import { parseArgs, USAGE, UsageError } from './args';

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseArgs(argv);
    if (command.command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const report = await analyze(command.files, command.profile, (line) => process.stderr.write(line + '\n'), { alignment: command.align });
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`witness: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof CliRunError) {
      process.stderr.write(`witness: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`witness: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
