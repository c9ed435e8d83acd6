/** Journey: a journalist downloads one metric as CSV and opens it (BOM, Vietnamese intact, RFC 4180). */
import { journeyContext } from '../../helpers/api-journey';
import { figuresCsvRoute } from '../../../src/http/figures-csv';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { Figure } from '../../../src/modules/figure/figure.entity';

const j = journeyContext({
  prepare: async (db, fx) => {
    // Evidence is text from public web pages: one sentence that a spreadsheet would run as a formula.
    const em = db.orm.em.fork();
    const hostile = await em.findOneOrFail(Figure, { id: fx.figures[0].id });
    hostile.evidenceSentence = '=HYPERLINK("http://example.invalid/x", "bấm vào đây")';
    await em.flush();
  },
  routes: (db) => ({
    // Small pages, so even this fixture spans several of them.
    '/export/figures.csv': figuresCsvRoute({ orm: db.orm, config: loadConfig({ NODE_ENV: 'test' }), logger: silentLogger, pageRows: 25 }),
  }),
});

/** A small RFC 4180 reader, as a spreadsheet would read the file. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function download(query: string): Promise<{ res: Response; bytes: Buffer; rows: Array<Record<string, string>> }> {
  const res = await fetch(`${j.api.url}/export/figures.csv?${query}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { res, bytes, rows: [] };
  const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
  return { res, bytes, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

describe('journalist: download one metric as CSV and open it', () => {
  it('serves a UTF-8 CSV with a BOM, a header, and every non-rejected figure of the metric', async () => {
    const { res, bytes, rows } = await download('metric=satisfaction_rate');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="figures-satisfaction_rate.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const expected = j.fx.figures.filter((f) => f.metric.unwrap().code === 'satisfaction_rate' && f.reviewStatus !== 'rejected');
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => Number(r.figure_id))).toEqual(expected.map((f) => f.id).sort((a, b) => a - b));
  });

  it('keeps Vietnamese text intact and quotes fields with commas and quotes (RFC 4180)', async () => {
    const { rows } = await download('metric=satisfaction_rate&unitCodes=765&yearFrom=2019&yearTo=2019');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unit_name: 'Quận Bình Thạnh', unit_code: '765', unit_level: 'DISTRICT', metric_code: 'satisfaction_rate',
      metric_name_vi: 'Tỷ lệ hài lòng của người dân, tổ chức', year: '2019', period_label: 'năm 2019', kind: 'ACTUAL',
      comparator: 'EQ', review_status: 'AUTO', partial_year: 'false', published_at: '2020-01-15T03:00:00.000Z',
    });
    expect(rows[0].evidence_sentence).toMatch(/^Mức độ hài lòng của người dân, tổ chức đạt \d+(,\d)?%\.$/);
    expect(rows[0].document_url).toMatch(/^https:\/\/quanbinhthanh\.hochiminhcity\.gov\.vn\//);
    expect(Number(rows[0].value)).toBeGreaterThan(90);
  });

  it('takes the same filters as `figures` (lists comma-separated, enums in any case)', async () => {
    const gql = await j.api.gql(`query($f: FigureFilter) { figures(filter: $f, first: 500) { totalCount } }`, {
      f: { metrics: ['on_time_rate'], levels: ['DISTRICT'], provinceId: String(j.fx.hcmc.id), yearFrom: 2019, yearTo: 2020, kind: 'ACTUAL', sourceIds: ['hcm-cac-quan'] },
    });
    const { rows } = await download(`metric=on_time_rate&levels=district&provinceId=${j.fx.hcmc.id}&yearFrom=2019&yearTo=2020&kind=actual&sourceIds=hcm-cac-quan`);
    expect(rows.length).toBe(gql.body.data.figures.totalCount);
    expect(rows.length).toBeGreaterThan(30);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['ACTUAL']));
    const targets = await download('metric=on_time_rate&kind=TARGET');
    expect(targets.rows.map((r) => r.comparator)).toEqual(['GTE']);
    const reviewed = await download('reviewStatus=CONFIRMED,REJECTED');
    expect(reviewed.rows.map((r) => r.review_status).sort()).toEqual(['CONFIRMED', 'REJECTED']);
  });

  it('defuses text a spreadsheet would run as a formula, and keeps it readable', async () => {
    const { rows } = await download(`documentId=${j.fx.figures[0].document.id}`);
    const row = rows.find((r) => Number(r.figure_id) === j.fx.figures[0].id)!;
    expect(row.evidence_sentence).toBe(`'=HYPERLINK("http://example.invalid/x", "bấm vào đây")`);
  });

  it('streams an export in pages (25 rows each here) without losing or repeating rows', async () => {
    const { rows } = await download('');
    const kept = j.fx.figures.filter((f) => f.reviewStatus !== 'rejected');
    expect(rows).toHaveLength(kept.length);
    expect(new Set(rows.map((r) => r.figure_id)).size).toBe(kept.length);
  });

  it('refuses unknown parameters and bad values with 400 and a message naming them', async () => {
    const typo = await fetch(`${j.api.url}/export/figures.csv?metirc=on_time_rate`);
    expect(typo.status).toBe(400);
    expect(await typo.json()).toMatchObject({ code: 'BAD_USER_INPUT', error: expect.stringContaining('unknown parameter "metirc"') });
    const injection = await fetch(`${j.api.url}/export/figures.csv?metric=${encodeURIComponent("x' or 1=1 --")}`);
    expect(injection.status).toBe(400);
    const year = await fetch(`${j.api.url}/export/figures.csv?yearFrom=20x9`);
    expect((await year.json()).error).toMatch(/yearFrom must be a whole number/);
    const level = await fetch(`${j.api.url}/export/figures.csv?levels=galaxy`);
    expect((await level.json()).error).toMatch(/levels: "galaxy" is not one of/);
  });
});
