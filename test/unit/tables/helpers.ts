/** A small gazetteer for the table tests: Quận 3 and some of its wards, plus Phường 4 of another district. */
import type { ExtractionContext, ResolvedUnit, SubjectResolver } from '../../../ingest/types';
import { resolverOverUnits, type GazetteerRow } from '../../../ingest/gazetteer-resolver';
import { foldVietnamese } from '../../../src/text/vi-fold';

const row = (id: number, parent: number | null, name: string, type: string): GazetteerRow =>
  ({ id, parent_id: parent, name, type_vi: type, code_set: 'gso', search_key: foldVietnamese(name), aliases: [] });

export const UNITS: GazetteerRow[] = [
  row(79, null, 'Thành phố Hồ Chí Minh', 'thanh_pho'),
  row(770, 79, 'Quận 3', 'quan'),
  row(771, 79, 'Quận 10', 'quan'),
  row(7001, 771, 'Phường 04', 'phuong'), // Phường 4 of Quận 10 comes first: the publisher's own ward must still win
  row(7002, 770, 'Phường 04', 'phuong'),
  row(7003, 770, 'Phường Võ Thị Sáu', 'phuong'),
  row(7004, 770, 'Phường 11', 'phuong'),
  row(7005, 770, 'Phường 01', 'phuong'),
  row(7006, 770, 'Phường 14', 'phuong'),
];

export const QUAN_3: ResolvedUnit = { id: '770', name: 'Quận 3', level: 'quan' };
export const RESOLVER: SubjectResolver = resolverOverUnits(UNITS, UNITS[1]);

export function ctx(published = '2024-01-15', extra: Partial<ExtractionContext> = {}): ExtractionContext {
  return { publishedAt: new Date(`${published}T09:00:00+07:00`), publisher: QUAN_3, resolver: RESOLVER, ...extra };
}
