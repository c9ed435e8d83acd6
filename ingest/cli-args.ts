/**
 * Arguments and `--help` for the command-line tools (ingest, reextract, demo): one description of a command gives
 * its usage text and its parser. `--help` / `-h` prints the usage on stdout and exits 0; an unknown or malformed
 * argument prints one line on stderr and exits 2. Nothing is started before the arguments are read.
 */

export interface CliOption {
  /** Long name without dashes, e.g. `max-pages`. */
  name: string;
  /** Placeholder of the value (`N`, `<id|all>`); absent for a flag. */
  value?: string;
  description: string;
  required?: boolean;
}

export interface CliSpec {
  /** How a user runs it, e.g. `npm run ingest --`. */
  command: string;
  summary: string;
  options: CliOption[];
  /** Extra lines after the options (environment, examples). */
  notes?: string[];
}

export type CliValues = Record<string, string | true>;

export class CliUsageError extends Error {}

/** The usage text printed by `--help`. */
export function usage(spec: CliSpec): string {
  const synopsis = spec.options.map((o) => {
    const text = `--${o.name}${o.value ? ` ${o.value}` : ''}`;
    return o.required ? text : `[${text}]`;
  });
  const rows = [...spec.options.map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ''}`, o.description]), ['--help, -h', 'show this help and exit']];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `usage: ${[spec.command, ...synopsis].join(' ')}`,
    '',
    spec.summary,
    '',
    'options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
    '',
  ].join('\n');
}

/** Parse `argv` (without node and the script); `{ help: true }` when help was asked for. Throws CliUsageError. */
export function parseCliArgs(spec: CliSpec, argv: readonly string[]): { help: true } | { help: false; values: CliValues } {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const values: CliValues = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq > 0 ? eq : undefined) : null;
    const option = name !== null ? spec.options.find((o) => o.name === name) : undefined;
    if (!option) throw new CliUsageError(arg.startsWith('-') ? `unknown option ${arg.split('=')[0]}` : `unexpected argument ${arg}`);
    if (!option.value) {
      if (eq > 0) throw new CliUsageError(`--${option.name} takes no value`);
      values[option.name] = true;
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new CliUsageError(`--${option.name} needs a value (${option.value})`);
    values[option.name] = value;
  }
  const missing = spec.options.find((o) => o.required && values[o.name] === undefined);
  if (missing) throw new CliUsageError(`--${missing.name} ${missing.value ?? ''} is required`.replace(/\s+is/, ' is'));
  return { help: false, values };
}

/**
 * For a CLI's entry point: parse `process.argv`, print the help and exit 0, or print the one-line error and exit 2.
 * `check` may validate the values further (throw CliUsageError).
 */
export function readCliArgs(spec: CliSpec, check?: (values: CliValues) => void, argv: readonly string[] = process.argv.slice(2)): CliValues {
  try {
    const parsed = parseCliArgs(spec, argv);
    if (parsed.help) {
      process.stdout.write(usage(spec));
      process.exit(0);
    }
    check?.(parsed.values);
    return parsed.values;
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    process.stderr.write(`${spec.command.split(' ').slice(0, 3).join(' ')}: ${err.message} (see --help)\n`);
    process.exit(2);
  }
}
