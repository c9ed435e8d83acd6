/**
 * Rows the gazetteer does not know: an office becomes a local unit under the publisher (once, however often it is
 * read); a ward-like name that is not in the gazetteer stays on the publisher as a sub-unit figure, flagged.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { loadSubjectContext } from '../../../ingest/gazetteer-resolver';
import { settleTableSubjects } from '../../../ingest/table-subjects';
import { figuresFromTables } from '../../../ingest/tables';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

const TABLE = {
  rows: [
    [{ text: 'Đơn vị', header: true }, { text: 'Tiếp nhận', header: true }, { text: 'Tỷ lệ đúng hạn (%)', header: true }],
    [{ text: 'Phòng Tư pháp' }, { text: '420' }, { text: '100' }],
    [{ text: 'UBND Phường 99' }, { text: '75' }, { text: '98,7' }],
    [{ text: 'UBND Phường 11' }, { text: '310' }, { text: '99,4' }],
  ],
  caption: 'Bảng 1: Hồ sơ năm 2023 (DỮ LIỆU MẪU)', heading: null, notes: [], page: null,
};

it('creates a local unit for an office and flags an unknown ward, idempotently', async () => {
  const em = db.orm.em.fork();
  const [{ id: q3 }] = await em.execute<{ id: number }[]>(`select id from admin_unit where code_set = 'gso' and code = '770'`);
  const subjects = await loadSubjectContext(em, q3);
  const read = () => figuresFromTables([TABLE], { publishedAt: new Date('2024-01-10'), publisher: subjects.publisher, resolver: subjects.resolver }).figures;
  const first = read();
  await settleTableSubjects(em, q3, first);
  const office = first.filter((f) => f.cell!.rowLabel === 'Phòng Tư pháp');
  expect(office).toHaveLength(2);
  const [unit] = await em.execute<{ id: number; name: string; parent_id: number; code_set: string; level: string }[]>(
    'select id, name, parent_id, code_set::text as code_set, level::text as level from admin_unit where id = ?', [Number(office[0].subject.unitId)]);
  expect(unit).toMatchObject({ name: 'Phòng Tư pháp', parent_id: q3, code_set: 'local', level: 'department' });
  expect(office.every((f) => f.subject.unitId === String(unit.id) && f.checkReason === undefined)).toBe(true);

  const unknown = first.filter((f) => f.cell!.rowLabel === 'UBND Phường 99');
  expect(unknown.map((f) => [f.subject.unitId, f.subject.scope, f.subject.subunitLevel])).toEqual([[String(q3), 'subunits', 'phuong'], [String(q3), 'subunits', 'phuong']]);
  expect(unknown[0].checkReason).toBe('row "UBND Phường 99" names a unit that is not in the gazetteer under the publisher');

  const known = first.find((f) => f.cell!.rowLabel === 'UBND Phường 11')!;
  expect(known.subject.name).toBe('Phường 11');

  const again = read();
  await settleTableSubjects(em, q3, again);
  expect(again.find((f) => f.cell!.rowLabel === 'Phòng Tư pháp')!.subject.unitId).toBe(String(unit.id));
  const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from admin_unit where code_set = 'local' and name = 'Phòng Tư pháp'`);
  expect(Number(n)).toBe(1);
});
