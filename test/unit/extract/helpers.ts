/** Shared helpers for the extraction tests: a context for a made-up district and a one-call extractor. */
import { figuresFromText } from '../../../ingest/extract/figures';
import type { ExtractedFigure, ExtractionContext, ResolvedUnit, SubjectResolver } from '../../../ingest/types';

export const DISTRICT: ResolvedUnit = { id: 'u-district', name: 'Quận Tân Phú', level: 'quan' };
const WARD: ResolvedUnit = { id: 'u-ward', name: 'Phường Tây Thạnh', level: 'phuong' };

/** A tiny gazetteer: exact folded-name lookups, enough to test subject resolution. */
export const TEST_RESOLVER: SubjectResolver = {
  resolve(mention) {
    const key = mention.normalize('NFC').toLowerCase().replace(/^ubnd\s+/, '');
    if (key === 'quận tân phú' || key === 'q.tân phú') return DISTRICT;
    if (key === 'phường tây thạnh') return WARD;
    return null;
  },
};

export function ctxFor(published = '2023-06-30', extra: Partial<ExtractionContext> = {}): ExtractionContext {
  return { publishedAt: new Date(`${published}T10:00:00+07:00`), publisher: DISTRICT, resolver: TEST_RESOLVER, ...extra };
}

/** Figures of a text under the default context. */
export function figuresOf(text: string, published?: string, extra?: Partial<ExtractionContext>): ExtractedFigure[] {
  return figuresFromText(text, ctxFor(published, extra)).figures;
}

/** A compact, assertion-friendly view of a figure. */
export function brief(f: ExtractedFigure): Record<string, unknown> {
  return { metric: f.metric, value: f.value, total: f.total, unit: f.unit, kind: f.kind, comparator: f.comparator };
}
