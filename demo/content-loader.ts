/** Loads the demo content (demo/content/**) written by the team: sites and their articles. */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoArticle, DemoSite } from './types';
import { projectPath } from '../src/paths';

export const CONTENT_DIR = projectPath('demo', 'content');

export interface DemoContent {
  sites: DemoSite[];
  articles: DemoArticle[];
}

export function loadDemoContent(dir = CONTENT_DIR): DemoContent {
  const sites = JSON.parse(fs.readFileSync(path.join(dir, 'sites.json'), 'utf8')) as DemoSite[];
  const articles = sites.flatMap((site) => {
    const file = path.join(dir, 'articles', `${site.id}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoArticle[]) : [];
  });
  return { sites, articles };
}
