/** The command-line options of the scripts (`--name value`), read the same way in each. */

/** The value after `name`, or undefined when the option is absent. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Every value of a repeatable option. */
export function argValues(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name && i + 1 < process.argv.length ? [process.argv[i + 1]!] : []));
}
