/**
 * Every command-line tool answers `--help` with its usage (exit 0) without starting anything, and an unknown
 * option with one line on stderr (exit 2). Run as real processes, the way `npm run …` runs them.
 */
import { parseCliArgs, usage, CliUsageError, type CliSpec } from '../../../ingest/cli-args';
import { TS_NODE, runProcess } from '../../helpers/service-process';

jest.setTimeout(60_000);

// A DATA_DIR that cannot be written: a tool that started a database before reading its arguments would fail.
const env = { ...process.env, DATABASE_URL: '', DATA_DIR: '/proc/cchc-atlas-no-database-here' };

const TOOLS: Array<[string, string, RegExp]> = [
  ['extract', 'ingest/extract/cli.ts', /--published/],
  ['ingest', 'ingest/cli.ts', /--source <id\|all>/],
  ['reextract', 'ingest/reextract-cli.ts', /--all/],
  ['demo', 'demo/main.ts', /DEMO_MIRROR_PORT/],
];

describe.each(TOOLS)('%s CLI', (_name, script, mentions) => {
  it('prints its usage for --help and exits 0', async () => {
    const { code, stdout, stderr } = await runProcess([...TS_NODE, script, '--help'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: /);
    expect(stdout).toMatch(mentions);
  });

  it('refuses an unknown option with one line and exit code 2', async () => {
    const { code, stdout, stderr } = await runProcess([...TS_NODE, script, '--no-such-option'], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/unknown option --no-such-option/);
  });
});

describe('the shared argument reader', () => {
  const spec: CliSpec = {
    command: 'npm run tool --', summary: 'Does a thing.',
    options: [{ name: 'source', value: '<id>', description: 'which', required: true }, { name: 'all', description: 'everything' }],
  };

  it('reads values, flags and --name=value', () => {
    expect(parseCliArgs(spec, ['--source', 'q1', '--all'])).toEqual({ help: false, values: { source: 'q1', all: true } });
    expect(parseCliArgs(spec, ['--source=q1'])).toEqual({ help: false, values: { source: 'q1' } });
  });

  it('says what is wrong', () => {
    expect(() => parseCliArgs(spec, [])).toThrow(new CliUsageError('--source <id> is required'));
    expect(() => parseCliArgs(spec, ['--source'])).toThrow(/--source needs a value/);
    expect(() => parseCliArgs(spec, ['--source', 'a', 'extra'])).toThrow(/unexpected argument extra/);
    expect(() => parseCliArgs(spec, ['--all=yes', '--source', 'a'])).toThrow(/--all takes no value/);
  });

  it('prints a synopsis and one line per option', () => {
    const text = usage(spec);
    expect(text.split('\n')[0]).toBe('usage: npm run tool -- --source <id> [--all]');
    expect(text).toMatch(/^ {2}--all +everything$/m);
    expect(text).toMatch(/^ {2}--help, -h +show this help and exit$/m);
  });
});
