/**
 * `npm run eval:real:cache -- --from FOLDER [--to DIR]`: fill the git-ignored text cache (.cache/real-texts/<id>.txt)
 * for the ids in eval/real/labels.jsonl from a local folder laid out as FOLDER/<split>/texts/<id>.txt (or
 * FOLDER/<id>.txt). The texts themselves are never committed: each label carries the search query and URL that
 * retrieve the text again; this tool only copies texts already retrieved. Copies bytes unchanged.
 *
 * `npm run eval:real:cache -- --from-search ANSWER.json [...more]`: write the texts that saved answers of the search
 * tool (`pages` corpus, the JSON it returns for a label's exact `query`) provide: the excerpt of the result whose URL
 * is the label's, unchanged. Ids no answer covers are listed.
 *
 * `npm run eval:real:cache -- --plan DIR [--budget 900] [--batches 8]`: write the look-ups that would rebuild the missing
 * texts, most useful first (planCacheQueries: the test split's, then dev's by the required core labels they hold), as
 * DIR/batch-<k>.jsonl files of `{"n", "query", "urls"}` lines dealt round-robin, one file per helper; each answer is then
 * saved as `{query, results}` for `--from-search`. Nothing is looked up here.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parseLabelLines, planCacheQueries, type SearchAnswer, textsFromSearchAnswer } from './real-eval';

const REPO_ROOT = resolve(__dirname, '../..');
const USAGE = 'usage: npm run eval:real:cache -- (--from FOLDER | --from-search ANSWER.json... | --plan DIR [--budget N] [--batches K]) [--to DIR] [--labels FILE]';
/** Labels whose texts were never found again among their query's results (README, "Rebuilding the cache"). */
const NEVER_FOUND_AGAIN: ReadonlySet<string> = new Set(['t044', 'd718', 'd719']);

function main(argv: string[]): number {
  let from: string | null = null;
  let plan: string | null = null;
  let budget = Infinity;
  let batches = 8;
  const answers: string[] = [];
  let to = resolve(REPO_ROOT, '.cache/real-texts');
  let labelsPath = resolve(REPO_ROOT, 'eval/real/labels.jsonl');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const v = argv[i + 1];
    if (a === '--from-search' && v !== undefined) {
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) answers.push(resolve(argv[++i]));
      continue;
    }
    if ((a === '--budget' || a === '--batches') && v !== undefined) {
      i++;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        process.stderr.write(`${a} needs a positive whole number\n${USAGE}\n`);
        return 2;
      }
      if (a === '--budget') budget = n;
      else batches = n;
      continue;
    }
    if ((a === '--from' || a === '--to' || a === '--labels' || a === '--plan') && v !== undefined) {
      i++;
      if (a === '--plan') plan = resolve(v);
      else if (a === '--from') from = resolve(v);
      else if (a === '--to') to = resolve(v);
      else labelsPath = resolve(v);
    } else {
      process.stderr.write(`${a.startsWith('--') ? `${a} needs a value` : `unexpected argument ${a}`}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!from && answers.length === 0 && !plan) {
    process.stderr.write(`--from, --from-search or --plan is required\n${USAGE}\n`);
    return 2;
  }
  const { labels, errors } = parseLabelLines(readFileSync(labelsPath, 'utf8'));
  for (const e of errors) process.stderr.write(`skipped label ${e}\n`);
  if (plan) {
    const cached = new Set(existsSync(to) ? readdirSync(to).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)) : []);
    const queries = planCacheQueries(labels, cached, budget, NEVER_FOUND_AGAIN);
    mkdirSync(plan, { recursive: true });
    for (let k = 0; k < Math.min(batches, queries.length); k++) {
      const lines = queries.filter((_, i) => i % batches === k).map((q, i) => JSON.stringify({ n: `${k}-${String(i).padStart(3, '0')}`, query: q.query, urls: q.urls }));
      writeFileSync(join(plan, `batch-${k}.jsonl`), `${lines.join('\n')}\n`, 'utf8');
    }
    const weight = queries.reduce((sum, q) => sum + q.weight, 0);
    const articles = queries.reduce((sum, q) => sum + q.ids.length, 0);
    process.stdout.write(`planned ${queries.length} look-up(s) for ${articles} missing text(s) holding ${weight} required core label(s), in ${Math.min(batches, queries.length)} batch(es) under ${plan}\n`);
    return 0;
  }
  mkdirSync(to, { recursive: true });
  if (!from) {
    const written = new Set<string>();
    for (const file of answers) {
      let answer: SearchAnswer;
      try {
        answer = JSON.parse(readFileSync(file, 'utf8')) as SearchAnswer;
        if (typeof answer.query !== 'string' || !Array.isArray(answer.results)) throw new Error('needs query and results');
      } catch (err: unknown) {
        process.stderr.write(`skipped ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
        continue;
      }
      for (const [id, text] of textsFromSearchAnswer(labels, answer)) {
        writeFileSync(join(to, `${id}.txt`), text, 'utf8');
        written.add(id);
      }
    }
    process.stdout.write(`wrote ${written.size} text(s) into ${to}${written.size ? `: ${[...written].join(', ')}` : ''}\n`);
    return written.size > 0 ? 0 : 1;
  }
  let copied = 0;
  const missing: string[] = [];
  for (const l of labels) {
    const candidates = [join(from, l.split, 'texts', `${l.id}.txt`), join(from, `${l.id}.txt`)];
    const found = candidates.find((p) => existsSync(p));
    if (!found) {
      missing.push(l.id);
      continue;
    }
    copyFileSync(found, join(to, `${l.id}.txt`));
    copied++;
  }
  process.stdout.write(`copied ${copied} text(s) into ${to}${missing.length ? `; not found: ${missing.join(', ')}` : ''}\n`);
  return missing.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
