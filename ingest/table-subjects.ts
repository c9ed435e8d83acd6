/**
 * Subjects of table rows the gazetteer does not know. A row label that names an office ("Phòng Tư pháp", "Văn
 * phòng HĐND và UBND", "Trung tâm Phục vụ hành chính công") becomes a local unit under the publisher (code set
 * `local`, level `department`, as sources.ts does for provincial departments), so its figures are its own. A row
 * label that looks like an administrative unit but is not in the gazetteer ("Phường 99", a typo) is not invented:
 * the figure stays on the publisher as a sub-unit figure, flagged with the reason, for a reviewer.
 * Public surface: `settleTableSubjects`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import type { ExtractedFigure } from './types';

const ADMIN_WORD_RE = /^(?:ubnd\s+|uy ban nhan dan\s+)?(phuong|xa|thi tran|quan|huyen|thi xa|thanh pho|tinh)(?:\s|$)/;
const LEVEL_OF: Record<string, string> = { phuong: 'phuong', xa: 'xa', 'thi tran': 'thi_tran', quan: 'quan', huyen: 'huyen', 'thi xa': 'thi_xa', 'thanh pho': 'thanh_pho', tinh: 'tinh' };

/** Give every unresolved table-row figure a subject (in place). Idempotent: local units are upserted by code. */
export async function settleTableSubjects(em: EntityManager, publisherUnitId: number, figures: ExtractedFigure[]): Promise<void> {
  const created = new Map<string, string>();
  for (const f of figures) {
    if (!f.cell || f.subject.unitId !== null) continue;
    const key = foldVietnamese(f.subject.name);
    const admin = ADMIN_WORD_RE.exec(key);
    if (admin) {
      f.subject = { name: f.subject.name, unitId: String(publisherUnitId), scope: 'subunits', subunitLevel: LEVEL_OF[admin[1]] ?? null, explicit: true };
      const reason = `row "${f.cell.rowLabel}" names a unit that is not in the gazetteer under the publisher`;
      f.checkReason = f.checkReason ? `${f.checkReason}; ${reason}` : reason;
      continue;
    }
    let id = created.get(key);
    if (!id) {
      const code = `unit:${publisherUnitId}:${key.replace(/ /g, '-')}`.slice(0, 80);
      const [unit] = await em.execute<{ id: number }[]>(
        `insert into admin_unit (code_set, code, name, short_name, level, type_vi, parent_id, search_key, aliases)
         values ('local', ?, ?, ?, 'department', 'phong', ?, ?, '{}')
         on conflict (code_set, code) do update set name = admin_unit.name returning id`,
        [code, f.subject.name.slice(0, 200), f.subject.name.slice(0, 200), publisherUnitId, key.slice(0, 200)]);
      id = String(unit.id);
      created.set(key, id);
    }
    f.subject = { ...f.subject, unitId: id };
  }
}
