/** Metrics as plain rows by code, one statement per GraphQL level (a figure page's metrics). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Metric } from './metric.entity';
import { loadRow, rowLoader, type RawRow } from '../../graphql/rows';

const toMetric = (r: RawRow): Metric => ({
  code: r.code, nameVi: r.name_vi, nameEn: r.name_en, unit: r.unit, description: r.description,
  higherIsBetter: r.higher_is_better, definitionNotes: r.definition_notes, definitionChangedIn: r.definition_changed_in,
});

export function loadMetric(em: EntityManager, code: string): Promise<Metric> {
  const loader = rowLoader<string, Metric>(em, 'metric.byCode', `select code, name_vi, name_en, unit, description, higher_is_better, definition_notes, definition_changed_in
    from metric where code in (?)`, toMetric, (m) => m.code);
  return loadRow(loader, code, 'Metric');
}
