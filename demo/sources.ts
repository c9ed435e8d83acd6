/** The demo mirror's sites as ingestion sources (flagged `demo`), publishing units found by GSO code. */
import type { SourceConfig } from '../ingest/sources';
import { listingPath } from './render';
import type { DemoSite } from './types';

export function demoSourceId(site: DemoSite): string {
  return `demo-${site.id}`;
}

/** Source configs for `sites` served at `origin`; no politeness delay (the mirror is ours, on loopback). */
export function demoSources(sites: DemoSite[], origin: string): SourceConfig[] {
  return sites.map((site) => {
    if (!site.unit.gsoCode) throw new Error(`demo site ${site.id} has no GSO code for its unit`);
    return {
      id: demoSourceId(site),
      name: `[Dữ liệu mẫu] ${site.siteName}`,
      family: site.family === 'generic' ? 'generic' : site.family,
      baseUrl: `${origin}/${site.id}/`,
      listingUrls: [`${origin}${listingPath(site, 1)}`],
      schedule: '0 */6 * * *',
      publisher: { codeSet: 'gso', code: site.unit.gsoCode },
      minDelayMillis: 0,
      maxPages: 20,
      demo: true,
    };
  });
}
