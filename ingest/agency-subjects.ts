/**
 * Provincial agencies as subjects. The engine names a figure's agency with its province ("Sở Tư pháp Tiền Giang",
 * "Công an tỉnh Bến Tre", "Văn phòng UBND thành phố Hải Phòng"); no gazetteer lists agencies, so such a figure used
 * to wait for review under the publisher (`unresolvedNamedSubject`). An agency of the publisher's own province is a
 * department of that province: ingestion files its figures under a local unit below the province (code set `local`,
 * level `department`), the same unit a source registered with that department as publisher has (sources.ts), so a
 * department's figures from its own portal and from the province's reports form one series.
 *
 * Only the publisher's province: "Sở Tư pháp Quảng Ninh" on a Hà Nội page keeps waiting for review, and so does an
 * agency named without its province or a national body (a ministry, "Cục …" of a ministry, "Bảo hiểm xã hội Việt
 * Nam"). Precision first: a department is created only from a name that says whose it is.
 *
 * Public surface: `provincialAgency`, `departmentCode`, `departmentsNamed`, `settleAgencySubjects`,
 * `MAX_DEPARTMENTS_PER_DOCUMENT`.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldVietnamese } from '../src/text/vi-fold';
import type { ExtractedFigure } from './types';
import { unresolvedNamedSubject } from './extract/serving';

/** The heads of a provincial agency's name, as the engine writes them. */
const AGENCY_HEAD_RE = /^(?:Sở|Công an|Cục Thuế|Cục Hải quan|Kho bạc Nhà nước|Bảo hiểm [Xx]ã hội|Ngân hàng Nhà nước|Ban Quản lý|Ban Dân tộc|Thanh tra|Văn phòng|Trung tâm Phục vụ [Hh]ành chính công|Trung tâm Hành chính công)\s/u;

/** A province's name in the gazetteer ("Tỉnh Tiền Giang", "Thành phố Hải Phòng") as text writes it after an agency. */
function provinceWords(province: string): { bare: string; withType: string } {
  const m = /^(Tỉnh|Thành phố)\s+(.+)$/u.exec(province.normalize('NFC').trim());
  const bare = m ? m[2] : province.normalize('NFC').trim();
  return { bare, withType: `${m ? m[1].toLowerCase() : 'tỉnh'} ${bare}` };
}

/**
 * The department an agency's name denotes in `province` (the gazetteer name of the publisher's province): its
 * canonical name ("Sở Tư pháp tỉnh Tiền Giang") and search key, or null when the name is no provincial agency of
 * that province.
 */
export function provincialAgency(name: string, province: string): { name: string; key: string } | null {
  const n = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!AGENCY_HEAD_RE.test(n)) return null;
  const { bare, withType } = provinceWords(province);
  const folded = foldVietnamese(n);
  const suffix = foldVietnamese(bare);
  if (!folded.endsWith(` ${suffix}`)) return null;
  // The agency's own words: what precedes the province and its type word ("tỉnh", "thành phố", "TP.").
  const words = n.split(' ');
  const base = words.slice(0, words.length - bare.split(' ').length).join(' ').replace(/,?\s*(?:tỉnh|thành phố|TP\.?)$/iu, '').trim();
  if (!AGENCY_HEAD_RE.test(`${base} `) || foldVietnamese(base).split(' ').length < 2) return null;
  const canonical = `${base} ${withType}`;
  return { name: canonical, key: foldVietnamese(canonical) };
}

/**
 * The local code of a department of a province: one scheme for registered sources and for agencies named in text.
 * Codes hold 80 characters; a longer one keeps its first 67 and a hash of the whole, so two long names that share a
 * beginning stay two units.
 */
export function departmentCode(provinceCodeSet: string, provinceCode: string, departmentName: string): string {
  const code = `${provinceCodeSet}:${provinceCode}:${foldVietnamese(departmentName).replace(/ /g, '-')}`;
  return code.length <= 80 ? code : `${code.slice(0, 67)}~${createHash('sha1').update(code).digest('hex').slice(0, 12)}`;
}

/**
 * Most departments one document may name: a province has about twenty departments and a dozen other agencies. A page
 * naming more (a hostile or broken page spelling out invented agencies) gets that many; the rest of its agency figures
 * wait for review rather than each adding a unit to the gazetteer.
 */
export const MAX_DEPARTMENTS_PER_DOCUMENT = 40;

interface ProvinceRow { id: number; name: string; code_set: string; code: string }

const PROVINCE_OF = `
with recursive up as (
  select id, parent_id, name, code_set::text as code_set, code from admin_unit where id = ?
  union all select a.id, a.parent_id, a.name, a.code_set::text, a.code from admin_unit a join up on a.id = up.parent_id
)
select id, name, code_set, code from up where parent_id is null`;

/**
 * The departments of `province` (its gazetteer name) that unresolved figure subjects name, each with its figures: at
 * most {@link MAX_DEPARTMENTS_PER_DOCUMENT}, in the order the figures name them. Pure: the store gives each a unit id,
 * the real-text scorer a placeholder.
 */
export function departmentsNamed(figures: readonly ExtractedFigure[], province: string): Array<{ name: string; key: string; figures: ExtractedFigure[] }> {
  const byKey = new Map<string, { name: string; key: string; figures: ExtractedFigure[] }>();
  for (const f of figures) {
    if (!unresolvedNamedSubject(f.subject)) continue;
    const agency = provincialAgency(f.subject.name, province);
    if (!agency) continue;
    let group = byKey.get(agency.key);
    if (!group) {
      if (byKey.size >= MAX_DEPARTMENTS_PER_DOCUMENT) continue; // the rest wait for review
      group = { ...agency, figures: [] };
      byKey.set(agency.key, group);
    }
    group.figures.push(f);
  }
  return [...byKey.values()];
}

/**
 * File the figures about agencies of the publisher's province under their department (in place; upserts the local
 * units, so it is idempotent and safe when two writers meet the same agency).
 */
export async function settleAgencySubjects(em: EntityManager, publisherUnitId: number, figures: ExtractedFigure[]): Promise<void> {
  // Most pages name no agency: no query for them.
  if (!figures.some((f) => unresolvedNamedSubject(f.subject) && AGENCY_HEAD_RE.test(f.subject.name.normalize('NFC')))) return;
  const [province] = await em.execute<ProvinceRow[]>(PROVINCE_OF, [publisherUnitId]);
  if (!province) return;
  for (const department of departmentsNamed(figures, province.name)) {
    const [unit] = await em.execute<{ id: number }[]>(
      `insert into admin_unit (code_set, code, name, short_name, level, type_vi, parent_id, search_key, aliases)
       values ('local', ?, ?, ?, 'department', 'so', ?, ?, '{}')
       on conflict (code_set, code) do update set name = admin_unit.name returning id`,
      [departmentCode(province.code_set, province.code, department.name), department.name.slice(0, 200), department.name.slice(0, 200), province.id, department.key.slice(0, 200)]);
    for (const f of department.figures) f.subject = { ...f.subject, unitId: String(unit.id) };
  }
}
