/**
 * Operating the index crosswalk: the unmatched report and the operator override (used by the GraphQL mutation and
 * the CLI). Public surface: `overrideAgencyUnit`, `unmatchedReport`, `UnmatchedAgency`, `DVC_INDEX_SOURCE_ID`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadInputError, NotFoundError } from '../../errors';
import { type Logger, silentLogger } from '../../logger';
import { refreshPicksAfterWrite } from '../figure/figure-pick';

/** Id of the national index's source row. */
export const DVC_INDEX_SOURCE_ID = 'dvc-index';

/**
 * Tie agency `code` to `unitId` and move the figures already stored for it, in one transaction; the match becomes
 * OVERRIDE, which later matching never changes. Returns the number of figures moved.
 */
export async function overrideAgencyUnit(em: EntityManager, code: string, unitId: number, note: string | null, log: Logger = silentLogger): Promise<{ moved: number }> {
  const outcome = await moveAgencyFigures(em, code, unitId, note);
  await refreshPicksAfterWrite(em, log);
  return outcome;
}

function moveAgencyFigures(em: EntityManager, code: string, unitId: number, note: string | null): Promise<{ moved: number }> {
  return em.transactional(async (tx) => {
    const [agency] = await tx.execute<{ unit_id: number }[]>('select unit_id from index_agency where code = ? for update', [code]);
    if (!agency) throw new NotFoundError('index agency with code', code);
    const [unit] = await tx.execute<{ id: number; code_set: string }[]>('select id, code_set::text as code_set from admin_unit where id = ?', [unitId]);
    if (!unit) throw new NotFoundError('unit', unitId);
    if (unit.code_set === 'gso' || unit.code_set === 'gso_history') {
      throw new BadInputError(`unit ${unitId} belongs to the pre-2025 system; index agencies map to 2025 units or local units`);
    }
    await tx.execute(
      `update index_agency set unit_id = ?, match_status = 'override', match_note = ?, updated_at = now() where code = ?`,
      [unitId, note ?? 'set by an operator', code]);
    const moved = await tx.execute<{ id: number }[]>(
      `update figure set subject_id = ?, updated_at = now()
       where subject_id = ? and subject_label like ? and document_id in (select id from document where source_id = ?)
       returning id`,
      [unitId, agency.unit_id, `%[${code}]`, DVC_INDEX_SOURCE_ID]);
    return { moved: moved.length };
  });
}

export interface UnmatchedAgency { code: string; name: string; agencyType: string; provinceCode: string; note: string | null; unitId: number }

/** The agencies nobody matched, by code, and how many agencies there are in all. */
export async function unmatchedReport(em: EntityManager): Promise<{ total: number; matched: number; unmatched: UnmatchedAgency[] }> {
  const rows = await em.execute<Array<{ code: string; name: string; agency_type: string; province_code: string; match_note: string | null; unit_id: number }>>(
    `select code, name, agency_type::text as agency_type, province_code, match_note, unit_id from index_agency
     where match_status = 'unmatched' order by code`);
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from index_agency');
  const total = Number(n);
  return {
    total, matched: total - rows.length,
    unmatched: rows.map((r) => ({ code: r.code, name: r.name, agencyType: r.agency_type, provinceCode: r.province_code, note: r.match_note, unitId: r.unit_id })),
  };
}
