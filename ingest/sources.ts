/**
 * The sources catalogue: `ingest/source-catalogue.json` is a reviewed list of real portals; demo sources are registered by
 * the demo. Registration upserts a source's configuration (never its `enabled` flag, which operators change through
 * the API) and resolves its publishing unit in the gazetteer, creating a local unit for departments.
 * Public surface: `SourceConfig`, `loadSourceCatalogue`, `registerSources`.
 */
import net from 'node:net';
import { hostOfUrl, nonPublicReason } from '../src/net/address-policy';
import fs from 'node:fs';
import cron from 'node-cron';
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import { projectPath } from '../src/paths';
import { departmentCode } from './agency-subjects';

/** A publishing unit: a gazetteer unit by code, or a department of a province. */
export type PublisherRef =
  | { codeSet: 'gso' | 'nq202_2025'; code: string }
  | { department: string; province: { codeSet: 'gso' | 'nq202_2025'; code: string } };

export interface SourceConfig {
  id: string;
  name: string;
  family: 'hcmc-sharepoint' | 'liferay' | 'wordpress-newspaper' | 'generic';
  baseUrl: string;
  listingUrls: string[];
  /** node-cron expression in Asia/Ho_Chi_Minh. */
  schedule: string;
  publisher: PublisherRef;
  minDelayMillis?: number;
  maxPages?: number;
  enabled?: boolean;
  demo?: boolean;
}

/** Not compiled: read from the installation (ingest/ next to dist/ in the build and the image). */
export const CATALOGUE_FILE = projectPath('ingest', 'source-catalogue.json');
const FAMILIES = new Set(['hcmc-sharepoint', 'liferay', 'wordpress-newspaper', 'generic']);

/** Validate one entry; the message names the source and the field. */
export function validateSource(s: SourceConfig): void {
  const where = `source "${s.id ?? '?'}"`;
  if (!/^[a-z0-9][a-z0-9-]{1,79}$/.test(s.id ?? '')) throw new Error(`${where}: id must be a lower-case slug`);
  if (!FAMILIES.has(s.family)) throw new Error(`${where}: family must be one of ${[...FAMILIES].join(', ')}`);
  for (const url of [s.baseUrl, ...(s.listingUrls ?? [])]) {
    let parsed: URL;
    try { parsed = new URL(url); } catch { throw new Error(`${where}: "${url}" is not a URL`); }
    if (!/^https?:$/.test(parsed.protocol)) throw new Error(`${where}: "${url}" must be http or https`);
    // Demo sources are served by the local mirror; every other source must name a public address (the fetcher also
    // checks what host names resolve to, at connect time).
    const host = hostOfUrl(parsed);
    const why = !s.demo && net.isIP(host) ? nonPublicReason(host) : null;
    if (why) throw new Error(`${where}: "${url}" is not a public address (${why}); only demo sources may point at local addresses`);
  }
  if (!s.listingUrls?.length) throw new Error(`${where}: listingUrls must name at least one listing page`);
  if (!cron.validate(s.schedule)) throw new Error(`${where}: schedule "${s.schedule}" is not a cron expression`);
}

/** Read and validate ingest/source-catalogue.json (or another file). */
export function loadSourceCatalogue(file = CATALOGUE_FILE): SourceConfig[] {
  const list = JSON.parse(fs.readFileSync(file, 'utf8')) as SourceConfig[];
  const ids = new Set<string>();
  for (const s of list) {
    validateSource(s);
    if (ids.has(s.id)) throw new Error(`source "${s.id}" is listed twice in ${file}`);
    ids.add(s.id);
  }
  return list;
}

async function publisherId(em: EntityManager, ref: PublisherRef): Promise<number> {
  if ('code' in ref) {
    const [unit] = await em.execute<{ id: number }[]>('select id from admin_unit where code_set = ?::code_set and code = ?', [ref.codeSet, ref.code]);
    if (!unit) throw new Error(`publisher ${ref.codeSet}:${ref.code} is not in the gazetteer`);
    return unit.id;
  }
  const [province] = await em.execute<{ id: number; code: string }[]>(
    'select id, code from admin_unit where code_set = ?::code_set and code = ?', [ref.province.codeSet, ref.province.code]);
  if (!province) throw new Error(`province ${ref.province.codeSet}:${ref.province.code} is not in the gazetteer`);
  const key = foldVietnamese(ref.department);
  const code = departmentCode(ref.province.codeSet, province.code, ref.department);
  // A ministry ("Bộ Xây dựng") is registered under the province of its seat; the engine reads national figures of a
  // ministry's page differently from a provincial department's, so it keeps its own type.
  const type = /^bo\s/.test(key) ? 'bo' : 'so';
  const [unit] = await em.execute<{ id: number }[]>(
    `insert into admin_unit (code_set, code, name, short_name, level, type_vi, parent_id, search_key, aliases)
     values ('local', ?, ?, ?, 'department', ?, ?, ?, '{}')
     on conflict (code_set, code) do update set name = excluded.name, type_vi = excluded.type_vi returning id`,
    [code, ref.department, ref.department, type, province.id, key]);
  return unit.id;
}

/** Upsert sources (configuration only; an operator's enabled flag survives). Returns the ids registered. */
export async function registerSources(em: EntityManager, sources: SourceConfig[]): Promise<string[]> {
  const ids: string[] = [];
  for (const s of sources) {
    validateSource(s);
    const pub = await publisherId(em, s.publisher);
    await em.execute(
      `insert into source (id, name, base_url, family, listing_urls, schedule, enabled, publisher_id, min_delay_millis, max_pages, demo)
       values (?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?, ?, ?)
       on conflict (id) do update set name = excluded.name, base_url = excluded.base_url, family = excluded.family,
         listing_urls = excluded.listing_urls, schedule = excluded.schedule, publisher_id = excluded.publisher_id,
         min_delay_millis = excluded.min_delay_millis, max_pages = excluded.max_pages, demo = excluded.demo, updated_at = now()`,
      [s.id, s.name, s.baseUrl, s.family, JSON.stringify(s.listingUrls), s.schedule,
        s.enabled ?? true, pub, s.minDelayMillis ?? 2000, s.maxPages ?? 5, s.demo ?? false]);
    ids.push(s.id);
  }
  return ids;
}
