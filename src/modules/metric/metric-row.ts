/** Metrics as plain rows by code, one statement per GraphQL level (a figure page's metrics). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Metric } from './metric.entity';
import { loadRow, prefixedKeys, rowLoader, type MaybePromise, type RawRow } from '../../graphql/rows';
import type { TableColumns } from '../../graphql/projection';

const COLUMNS = ['code', 'name_vi', 'name_en', 'unit', 'description', 'higher_is_better', 'definition_notes', 'definition_changed_in', 'max_value'] as const;
const keys = prefixedKeys(COLUMNS);
const BY_CODE = `select ${COLUMNS.join(', ')} from metric where code in (?)`;

/** The columns the `Metric` fields read (projections, src/graphql/projection.ts). */
export const METRIC_TABLE: TableColumns = { all: COLUMNS, always: ['code'], computed: {} };

/** A driver row with metric columns prefixed `p` (none by default) → a metric row (a column not selected stays undefined). */
export function toMetric(r: RawRow, p = ''): Metric {
  const k = keys(p);
  return {
    code: r[k.code], nameVi: r[k.name_vi], nameEn: r[k.name_en], unit: r[k.unit], description: r[k.description],
    higherIsBetter: r[k.higher_is_better], definitionNotes: r[k.definition_notes], definitionChangedIn: r[k.definition_changed_in],
    maxValue: r[k.max_value],
  };
}

const metricLoader = (em: EntityManager) => rowLoader<string, Metric>(em, 'metric.byCode', BY_CODE, (r) => toMetric(r), (m) => m.code);

export function loadMetric(em: EntityManager, code: string): MaybePromise<Metric> {
  return loadRow(metricLoader(em), code, 'Metric');
}
