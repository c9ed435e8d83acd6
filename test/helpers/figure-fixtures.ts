/**
 * Realistic figures for API tests: the district-level units of Hồ Chí Minh City from the seeded gazetteer, 2018-2021,
 * three metrics, each district publishing a yearly report on its portal for the years it existed (Quận 2, Quận 9 and
 * Quận Thủ Đức until 2020, Thành phố Thủ Đức from 2021: 24 units a year, then 22), with the sentences the figures
 * were read from — plus the awkward cases the selection rule and the ranking must handle (listed in `CASES`).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AdminUnit, CodeSet } from '../../src/modules/unit/admin-unit.entity';
import { Source } from '../../src/modules/source/source.entity';
import { Document } from '../../src/modules/document/document.entity';
import { Comparator, Figure, FigureKind, ReviewStatus, SubjectScope } from '../../src/modules/figure/figure.entity';
import { Metric } from '../../src/modules/metric/metric.entity';

export const YEARS = [2018, 2019, 2020, 2021] as const;
export const HCMC_CODE = '79';
export const EXTRACTOR_VERSION = 'test-1';

/** The special cases, by what they test (unit codes are GSO district codes of HCMC). */
export const CASES = {
  /** on_time_rate 2019: Quận 1 and Quận 3 share 99.9 → same rank. */
  tie: { metric: 'on_time_rate', year: 2019, codes: ['760', '770'], value: 99.9 },
  /** on_time_rate 2019: Huyện Cần Giờ published nothing → missing, never zero. */
  missing: { metric: 'on_time_rate', year: 2019, code: '787' },
  /** on_time_rate 2019, Bình Thạnh: a 9-month figure (97.1) published before the full-year one → full year wins. */
  partialAlternative: { metric: 'on_time_rate', year: 2019, code: '765', partialValue: 97.1 },
  /** satisfaction_rate 2020, Quận 12: only a 6-month figure (93.4) → shown, flagged partial. */
  partialOnly: { metric: 'satisfaction_rate', year: 2020, code: '761', value: 93.4 },
  /** satisfaction_rate 2018, Gò Vấp: preliminary 91.0 (Dec 2018) then final 92.5 (Jan 2019) → later publication wins. */
  laterPublication: { metric: 'satisfaction_rate', year: 2018, code: '764', early: 91.0, late: 92.5 },
  /** on_time_rate 2018, Tân Bình: a CONFIRMED 98.0 published earlier beats an automatic 97.0 published later. */
  reviewedWins: { metric: 'on_time_rate', year: 2018, code: '766', confirmed: 98.0, auto: 97.0 },
  /** satisfaction_rate 2021, Quận 11: its only figure (9.9, a misreading) is REJECTED → no point. */
  rejectedOnly: { metric: 'satisfaction_rate', year: 2021, code: '772', value: 9.9 },
  /** on_time_rate 2020, Quận 5: a TARGET of ≥ 100 next to the actual value → only in kind TARGET. */
  target: { metric: 'on_time_rate', year: 2020, code: '774', value: 100 },
  /** dossiers_received 2019, Quận 6: "tăng 1.200 hồ sơ" is a change, never a level. */
  change: { metric: 'dossiers_received', year: 2019, code: '775', value: 1200 },
  /** satisfaction_rate 2019, Quận 7: "100% phường đạt" is about the wards → left out of the district's series. */
  subunits: { metric: 'satisfaction_rate', year: 2019, code: '778', value: 100 },
  /** online_services_full 2021 → 2022 for Quận 1, 3, 4: the definition changed in 2022 → flagged. */
  definitionChange: { metric: 'online_services_full', years: [2021, 2022], codes: ['760', '770', '773'] },
} as const;

/** The regular value of a metric for a district and year (deterministic, distinct enough to rank). */
export function regularValue(metric: string, code: string, year: number): number {
  const n = Number(code);
  switch (metric) {
    case 'on_time_rate': return 95 + ((n * 13 + year * 5) % 49) / 10;
    case 'satisfaction_rate': return 90 + ((n * 7 + year * 3) % 89) / 10;
    case 'dossiers_received': return 10_000 + ((n * 37 + year * 11) % 9_000);
    case 'online_services_full': return 40 + ((n + year) % 30);
    default: throw new Error(`no regular value for ${metric}`);
  }
}

/** The value the API should show for the chosen figure (special cases applied). */
export function expectedValue(metric: string, code: string, year: number): number | null {
  const c = CASES;
  if (metric === c.tie.metric && year === c.tie.year && (c.tie.codes as readonly string[]).includes(code)) return c.tie.value;
  if (metric === c.missing.metric && year === c.missing.year && code === c.missing.code) return null;
  if (metric === c.partialOnly.metric && year === c.partialOnly.year && code === c.partialOnly.code) return c.partialOnly.value;
  if (metric === c.laterPublication.metric && year === c.laterPublication.year && code === c.laterPublication.code) return c.laterPublication.late;
  if (metric === c.reviewedWins.metric && year === c.reviewedWins.year && code === c.reviewedWins.code) return c.reviewedWins.confirmed;
  if (metric === c.rejectedOnly.metric && year === c.rejectedOnly.year && code === c.rejectedOnly.code) return null;
  return regularValue(metric, code, year);
}

/** 99.9 → "99,9"; 15983 → "15.983" (how the portals write numbers). */
export function viNumber(value: number): string {
  const [int, frac] = String(value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${grouped},${frac}` : grouped;
}

export interface FigureFixtures {
  hcmc: AdminUnit;
  /** HCMC's district-level units of the GSO list (valid until 2025-06-30), by code. */
  districts: Map<string, AdminUnit>;
  /** HCMC's districts dissolved on 2021-01-01 (code set gso_history: 762 Thủ Đức, 763 Quận 9, 769 Quận 2), by code. */
  dissolved: Map<string, AdminUnit>;
  sources: Source[];
  documents: Document[];
  figures: Figure[];
  /** The unit with this GSO district code. */
  unit(code: string): AdminUnit;
  /** The figures stored for a unit, metric and year (all candidates). */
  candidates(code: string, metric: string, year: number): Figure[];
}

interface FigureSpec {
  metric: string;
  value: number;
  sentence: string;
  year: number;
  fromMonth?: number | null;
  toMonth?: number | null;
  periodLabel?: string;
  kind?: FigureKind;
  comparator?: Comparator;
  isChange?: boolean;
  baselineYear?: number | null;
  scope?: SubjectScope;
  status?: ReviewStatus;
}

interface DocSpec {
  unit: AdminUnit;
  source: Source;
  slug: string;
  title: string;
  publishedAt: Date;
  figures: FigureSpec[];
}

function slugOf(unit: AdminUnit): string {
  return unit.searchKey.replace(/ /g, '');
}

/** Insert sources, documents and figures; returns handles to them. */
export async function insertHcmcFigures(em: EntityManager): Promise<FigureFixtures> {
  const hcmc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: HCMC_CODE });
  const units = await em.find(AdminUnit, { parent: hcmc }, { orderBy: { code: 'asc', codeSet: 'asc' } });
  const districts = new Map(units.filter((u) => u.codeSet === CodeSet.GSO).map((u) => [u.code, u]));
  const dissolved = new Map(units.filter((u) => u.codeSet === CodeSet.GSO_HISTORY).map((u) => [u.code, u]));
  const now = new Date('2022-03-01T00:00:00Z');
  const sourceQ1 = em.create(Source, {
    id: 'hcm-quan-1', name: 'Cổng thông tin điện tử Quận 1', baseUrl: 'https://quan1.hochiminhcity.gov.vn', family: 'hcmc-sharepoint',
    listingUrls: ['https://quan1.hochiminhcity.gov.vn/tin-tuc'], schedule: '0 5 * * *', enabled: true, publisher: districts.get('760'),
    minDelayMillis: 2000, maxPages: 5, demo: false, createdAt: now, updatedAt: now,
  });
  const sourceAll = em.create(Source, {
    id: 'hcm-cac-quan', name: 'Cổng thông tin các quận, huyện TP.HCM', baseUrl: 'https://hochiminhcity.gov.vn', family: 'hcmc-sharepoint',
    listingUrls: ['https://hochiminhcity.gov.vn/tin-tuc'], schedule: '0 6 * * *', enabled: true, publisher: hcmc,
    minDelayMillis: 2000, maxPages: 5, demo: false, createdAt: now, updatedAt: now,
  });
  const docs: DocSpec[] = [];
  for (const unit of units) {
    for (const year of YEARS) {
      if (existedIn(unit, year)) docs.push(yearlyReport(unit, unit.code === '760' ? sourceQ1 : sourceAll, year));
    }
  }
  docs.push(...specialDocuments(districts, sourceAll, sourceQ1));
  const metrics = new Map((await em.find(Metric, {})).map((m) => [m.code, m]));
  const documents: Document[] = [];
  const figures: Figure[] = [];
  for (const spec of docs) {
    const { doc, figs } = buildDocument(em, spec, metrics);
    documents.push(doc);
    figures.push(...figs);
  }
  await em.flush();
  return {
    hcmc, districts, dissolved, sources: [sourceQ1, sourceAll], documents, figures,
    unit: (code) => districts.get(code) ?? (() => { throw new Error(`no HCMC district ${code}`); })(),
    candidates: (code, metric, year) => figures.filter((f) => f.subject.id === districts.get(code)?.id && f.metric.unwrap().code === metric && f.periodYear === year),
  };
}

/** Whether a unit existed at some time in a year (its validity interval overlaps the year). */
export function existedIn(unit: Pick<AdminUnit, 'validFrom' | 'validTo'>, year: number): boolean {
  return (!unit.validFrom || unit.validFrom <= `${year}-12-31`) && (!unit.validTo || unit.validTo >= `${year}-01-01`);
}

/** A district's yearly report: on-time rate, satisfaction and dossiers received (minus the special cases). */
function yearlyReport(unit: AdminUnit, source: Source, year: number): DocSpec {
  const code = unit.code;
  const c = CASES;
  const skip = (metric: string) =>
    (metric === c.missing.metric && year === c.missing.year && code === c.missing.code)
    || (metric === c.partialOnly.metric && year === c.partialOnly.year && code === c.partialOnly.code)
    || (metric === c.laterPublication.metric && year === c.laterPublication.year && code === c.laterPublication.code)
    || (metric === c.reviewedWins.metric && year === c.reviewedWins.year && code === c.reviewedWins.code)
    || (metric === c.rejectedOnly.metric && year === c.rejectedOnly.year && code === c.rejectedOnly.code);
  const onTime = expectedValue('on_time_rate', code, year)!;
  const sat = regularValue('satisfaction_rate', code, year);
  const received = regularValue('dossiers_received', code, year);
  const figures: FigureSpec[] = [];
  if (!skip('dossiers_received')) {
    figures.push({ metric: 'dossiers_received', value: received, year, sentence: `Năm ${year}, ${unit.name} tiếp nhận ${viNumber(received)} hồ sơ thủ tục hành chính.` });
  }
  if (!skip('on_time_rate')) {
    figures.push({ metric: 'on_time_rate', value: onTime, year, sentence: `Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt ${viNumber(onTime)}%.` });
  }
  if (!skip('satisfaction_rate')) {
    figures.push({ metric: 'satisfaction_rate', value: sat, year, sentence: `Mức độ hài lòng của người dân, tổ chức đạt ${viNumber(sat)}%.` });
  }
  return {
    unit, source, slug: `tong-ket-cchc-nam-${year}`, title: `${unit.name}: tổng kết công tác cải cách hành chính năm ${year}`,
    publishedAt: new Date(`${year + 1}-01-15T03:00:00Z`), figures,
  };
}

/** Documents for the special cases. */
function specialDocuments(d: Map<string, AdminUnit>, src: Source, srcQ1: Source): DocSpec[] {
  const c = CASES;
  const u = (code: string) => d.get(code)!;
  const docs: DocSpec[] = [
    { unit: u(c.partialAlternative.code), source: src, slug: 'so-ket-9-thang-2019', title: 'Quận Bình Thạnh: sơ kết CCHC 9 tháng năm 2019',
      publishedAt: new Date('2019-10-05T03:00:00Z'), figures: [{ metric: 'on_time_rate', value: c.partialAlternative.partialValue, year: 2019,
        fromMonth: 1, toMonth: 9, periodLabel: '9 tháng đầu năm 2019', sentence: `Trong 9 tháng đầu năm 2019, tỷ lệ hồ sơ đúng hạn đạt ${viNumber(c.partialAlternative.partialValue)}%.` }] },
    { unit: u(c.partialOnly.code), source: src, slug: 'so-ket-6-thang-2020', title: 'Quận 12: sơ kết CCHC 6 tháng đầu năm 2020',
      publishedAt: new Date('2020-07-10T03:00:00Z'), figures: [{ metric: 'satisfaction_rate', value: c.partialOnly.value, year: 2020,
        fromMonth: 1, toMonth: 6, periodLabel: '6 tháng đầu năm 2020', sentence: `6 tháng đầu năm 2020, mức độ hài lòng đạt ${viNumber(c.partialOnly.value)}%.` }] },
    { unit: u(c.laterPublication.code), source: src, slug: 'bao-cao-nhanh-2018', title: 'Quận Gò Vấp: báo cáo nhanh kết quả CCHC năm 2018',
      publishedAt: new Date('2018-12-20T03:00:00Z'), figures: [{ metric: 'satisfaction_rate', value: c.laterPublication.early, year: 2018,
        sentence: `Ước cả năm 2018, mức độ hài lòng đạt ${viNumber(c.laterPublication.early)}%.` }] },
    { unit: u(c.laterPublication.code), source: src, slug: 'bao-cao-chinh-thuc-2018', title: 'Quận Gò Vấp: báo cáo chính thức kết quả CCHC năm 2018',
      publishedAt: new Date('2019-02-20T03:00:00Z'), figures: [{ metric: 'satisfaction_rate', value: c.laterPublication.late, year: 2018,
        sentence: `Năm 2018, mức độ hài lòng của người dân đạt ${viNumber(c.laterPublication.late)}%.` }] },
    { unit: u(c.reviewedWins.code), source: src, slug: 'ket-qua-2018-da-kiem-tra', title: 'Quận Tân Bình: kết quả CCHC năm 2018',
      publishedAt: new Date('2019-01-05T03:00:00Z'), figures: [{ metric: 'on_time_rate', value: c.reviewedWins.confirmed, year: 2018,
        status: ReviewStatus.CONFIRMED, sentence: `Năm 2018, tỷ lệ hồ sơ giải quyết đúng hạn đạt ${viNumber(c.reviewedWins.confirmed)}%.` }] },
    { unit: u(c.reviewedWins.code), source: src, slug: 'nhin-lai-2018', title: 'Quận Tân Bình: nhìn lại năm 2018',
      publishedAt: new Date('2019-03-01T03:00:00Z'), figures: [{ metric: 'on_time_rate', value: c.reviewedWins.auto, year: 2018,
        sentence: `Năm 2018 có ${viNumber(c.reviewedWins.auto)}% hồ sơ đúng hạn.` }] },
    { unit: u(c.rejectedOnly.code), source: src, slug: 'tin-van-2021', title: 'Quận 11: tin văn năm 2021',
      publishedAt: new Date('2022-01-20T03:00:00Z'), figures: [{ metric: 'satisfaction_rate', value: c.rejectedOnly.value, year: 2021,
        status: ReviewStatus.REJECTED, sentence: `Năm 2021 có 9,9 nghìn lượt đánh giá mức độ hài lòng.` }] },
    { unit: u(c.target.code), source: src, slug: 'ke-hoach-cchc-2020', title: 'Quận 5: kế hoạch CCHC năm 2020',
      publishedAt: new Date('2020-01-10T03:00:00Z'), figures: [{ metric: 'on_time_rate', value: c.target.value, year: 2020, kind: FigureKind.TARGET,
        comparator: Comparator.GTE, sentence: 'Phấn đấu 100% hồ sơ được giải quyết đúng hạn.' }] },
    { unit: u(c.change.code), source: src, slug: 'so-sanh-2019', title: 'Quận 6: số hồ sơ năm 2019 tăng',
      publishedAt: new Date('2020-01-20T03:00:00Z'), figures: [{ metric: 'dossiers_received', value: c.change.value, year: 2019, isChange: true,
        baselineYear: 2018, sentence: 'Số hồ sơ tiếp nhận năm 2019 tăng 1.200 hồ sơ so với năm 2018.' }] },
    { unit: u(c.subunits.code), source: src, slug: 'phuong-2019', title: 'Quận 7: các phường đạt chuẩn năm 2019',
      publishedAt: new Date('2020-01-25T03:00:00Z'), figures: [{ metric: 'satisfaction_rate', value: c.subunits.value, year: 2019,
        scope: SubjectScope.SUBUNITS, sentence: '100% phường đạt mức độ hài lòng trên 90%.' }] },
  ];
  for (const code of c.definitionChange.codes) {
    const source = code === '760' ? srcQ1 : src;
    for (const year of c.definitionChange.years) {
      const v = regularValue('online_services_full', code, year);
      docs.push({ unit: u(code), source, slug: `dvc-toan-trinh-${year}`, title: `${u(code).name}: dịch vụ công trực tuyến năm ${year}`,
        publishedAt: new Date(`${year + 1}-02-01T03:00:00Z`), figures: [{ metric: 'online_services_full', value: v, year,
          sentence: `Năm ${year}, ${u(code).name} cung cấp ${v} dịch vụ công trực tuyến toàn trình.` }] });
    }
  }
  return docs;
}

function buildDocument(em: EntityManager, spec: DocSpec, metrics: Map<string, Metric>): { doc: Document; figs: Figure[] } {
  const lead = `${spec.title}.`;
  const text = [lead, ...spec.figures.map((f) => f.sentence), 'Số lượt truy cập: 1674.'].join('\n');
  const url = `https://${slugOf(spec.unit)}.hochiminhcity.gov.vn/tin-tuc/${spec.slug}`;
  const doc = em.create(Document, {
    url, source: spec.source, title: spec.title, publishedAt: spec.publishedAt, category: 'Cải cách hành chính',
    fetchedAt: new Date(spec.publishedAt.getTime() + 86_400_000), httpStatus: 200,
    contentHash: createHash('sha256').update(text).digest('hex'), rawHtmlGz: gzipSync(`<html><body>${text}</body></html>`),
    text, extractorVersion: EXTRACTOR_VERSION, createdAt: new Date(), updatedAt: new Date(),
  });
  const figs = spec.figures.map((f) => {
    const start = text.indexOf(f.sentence);
    return em.create(Figure, {
      document: doc, metric: metrics.get(f.metric)!, subject: spec.unit, subjectScope: f.scope ?? SubjectScope.UNIT,
      subjectLabel: spec.unit.name, value: String(f.value), unit: f.metric === 'dossiers_received' || f.metric === 'online_services_full' ? 'count' : 'percent',
      kind: f.kind ?? FigureKind.ACTUAL, comparator: f.comparator ?? Comparator.EQ, approximate: false, isChange: f.isChange ?? false, checkFailed: false,
      baselineYear: f.baselineYear ?? null, periodYear: f.year, periodFromMonth: f.fromMonth ?? null, periodToMonth: f.toMonth ?? null,
      periodLabel: f.periodLabel ?? `năm ${f.year}`, evidenceSentence: f.sentence, evidenceStart: start, evidenceEnd: start + f.sentence.length,
      confidence: 0.9, extractorVersion: EXTRACTOR_VERSION, reviewStatus: f.status ?? ReviewStatus.AUTO,
      fingerprint: createHash('sha256').update(`${url}|${f.metric}|${f.year}|${f.value}|${f.sentence}`).digest('hex'),
      createdAt: new Date(), updatedAt: new Date(),
    });
  });
  return { doc, figs };
}
