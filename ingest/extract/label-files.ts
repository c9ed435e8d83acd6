/**
 * Reading labelled articles from disk (the only file IO of the extraction folder besides the CLIs).
 * Two layouts: the seeds (`gold.jsonl` + `<file>` texts) and the team's set (`<id>.txt` + `<id>.labels.json`).
 *
 * Public surface: `loadSeeds`, `loadLabelledDir`, `LabelledText`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledArticle } from './evaluate';

export interface LabelledText {
  id: string;
  text: string;
  label: LabelledArticle;
}

/** The seeds: one JSON object per line of gold.jsonl, each naming its text file in the same folder. */
export function loadSeeds(dir: string): LabelledText[] {
  const lines = readFileSync(join(dir, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const label = JSON.parse(line) as LabelledArticle;
    return { id: label.file, text: readFileSync(join(dir, label.file), 'utf8'), label };
  });
}

/**
 * Every complete pair `<id>.txt` + `<id>.labels.json` in a folder, sorted by id. A pair still being written
 * (label missing or not yet valid JSON) is skipped, so the set can be read while it grows.
 */
export function loadLabelledDir(dir: string): { articles: LabelledText[]; skipped: string[] } {
  if (!existsSync(dir)) return { articles: [], skipped: [] };
  const articles: LabelledText[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.labels.json')).sort()) {
    const id = name.slice(0, -'.labels.json'.length);
    const textPath = join(dir, `${id}.txt`);
    if (!existsSync(textPath)) {
      skipped.push(`${id}: no ${id}.txt`);
      continue;
    }
    try {
      const label = JSON.parse(readFileSync(join(dir, name), 'utf8')) as LabelledArticle;
      if (!Array.isArray(label.figures)) throw new Error('no figures array');
      articles.push({ id, text: readFileSync(textPath, 'utf8'), label });
    } catch (err: unknown) {
      skipped.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { articles, skipped };
}
