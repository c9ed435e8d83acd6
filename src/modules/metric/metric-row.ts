/** Metrics as plain rows by code, one statement per GraphQL level (a figure page's metrics). */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Metric } from './metric.entity';
import { loadRow, prefixedKeys, rowLoader, type MaybePromise, type RawRow } from '../../graphql/rows';

const COLUMNS = ['code', 'name_vi', 'name_en', 'unit', 'description', 'higher_is_better', 'definition_notes', 'definition_changed_in'] as const;
const keys = prefixedKeys(COLUMNS);
const BY_CODE = `select ${COLUMNS.join(', ')} from metric where code in (?)`;

/** Columns of a metric row for `metric` aliased `a`, each prefixed with `prefix` (for a statement that joins it). */
export const metricColumns = (a: string, prefix: string) => COLUMNS.map((c) => `${a}.${c} as ${prefix}${c}`).join(', ');

/** A driver row selected with `metricColumns(a, p)` (or the plain columns, `p` empty) → a metric row. */
export function toMetric(r: RawRow, p = ''): Metric {
  const k = keys(p);
  return {
    code: r[k.code], nameVi: r[k.name_vi], nameEn: r[k.name_en], unit: r[k.unit], description: r[k.description],
    higherIsBetter: r[k.higher_is_better], definitionNotes: r[k.definition_notes], definitionChangedIn: r[k.definition_changed_in],
  };
}

const metricLoader = (em: EntityManager) => rowLoader<string, Metric>(em, 'metric.byCode', BY_CODE, (r) => toMetric(r), (m) => m.code);

export function loadMetric(em: EntityManager, code: string): MaybePromise<Metric> {
  return loadRow(metricLoader(em), code, 'Metric');
}

/** Hand the request's metric loader the row of metric `code` read by another statement (a figure page that joined its metrics). */
export function primeMetric(em: EntityManager, code: string, make: () => Metric): void {
  metricLoader(em).prime(code, make);
}
