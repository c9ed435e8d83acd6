/** Subjects: the publisher by default, explicit mentions through the resolver, sub-units by level word. */
import { extractWithSignals } from '../../../ingest/extract/figures';
import { agencyNameSpans, isSubjectUncertain, maskOfficeHolders } from '../../../ingest/extract/subjects';
import { foldVietnamese } from '../../../src/text/vi-fold';
import { packageSubjectContext } from '../../../ingest/gazetteer-packages';
import type { ExtractionContext } from '../../../ingest/types';
import { ctxFor, DISTRICT, figuresOf } from './helpers';

describe('subjects', () => {
  it('defaults to the publishing unit', () => {
    const [f] = figuresOf('Tỷ lệ hồ sơ đúng hạn đạt 99,4%.');
    expect(f.subject).toEqual({ name: DISTRICT.name, unitId: DISTRICT.id, scope: 'unit', subunitLevel: null, explicit: false });
  });

  it('reads "TTHC phường" as the wards of the district', () => {
    const [f] = figuresOf('100% thủ tục hành chính phường được áp dụng quy trình ISO.');
    expect(f.subject).toMatchObject({ scope: 'subunits', subunitLevel: 'phuong', unitId: DISTRICT.id, explicit: true });
  });

  it('reads "các xã" before the figure as sub-units', () => {
    const [f] = figuresOf('UBND các xã đạt 96% hồ sơ đúng hạn.');
    expect(f.subject).toMatchObject({ scope: 'subunits', subunitLevel: 'xa' });
  });

  it('reads "của quận" (the level word alone) as the publisher of that level, not the sub-units named before it', () => {
    // Our words, the structure of d710: a count of wards earlier in the sentence, then the district's own index.
    const text = 'Năm 2023, quận hoàn thành 40/41 nhiệm vụ; 8/8 phường được xếp loại Tốt; chỉ số cải cách hành chính của quận đạt 88,2%, xếp thứ 5/16 quận, huyện.';
    const score = figuresOf(text).find((f) => f.value === 88.2);
    expect(score?.subject).toMatchObject({ unitId: DISTRICT.id, scope: 'unit', explicit: true });
    // The wards of the district stay theirs, and another level's word is no mention of the publisher.
    const [wards] = figuresOf('Chỉ số hài lòng của các phường đạt 91%.');
    expect(wards.subject).toMatchObject({ scope: 'subunits', subunitLevel: 'phuong' });
    const [ward] = figuresOf('Chỉ số hài lòng của phường đạt 91%.');
    expect(ward.subject.explicit).toBe(false);
    // What the district holds is not the district: "các phường của quận".
    const held = figuresOf('Năm 2023, 8/8 phường của quận đạt loại Tốt; tỷ lệ hài lòng của các phường của quận đạt 93%.').find((f) => f.value === 93);
    expect(held?.subject).toMatchObject({ scope: 'subunits', subunitLevel: 'phuong' });
    // A named unit after the level word is that unit.
    const [named] = figuresOf('Tỷ lệ đúng hạn của quận Bình Tân đạt 97%.');
    expect(named.subject).toMatchObject({ name: 'quận Bình Tân', unitId: null });
  });

  it('keeps a hyphenated name whole: "tỉnh Bà Rịa - Vũng Tàu" is not "tỉnh Bà Rịa" (stop 24, d760)', () => {
    const province = { publisher: { id: 's', name: 'Sở Văn hóa, Thể thao và Du lịch Sơn La', level: 'so' } };
    const f = figuresOf('Chỉ số cải cách hành chính năm 2024 của tỉnh Bà Rịa - Vũng Tàu đạt 93,35%, xếp thứ 2/63 tỉnh, thành phố.', '2025-05-10', province);
    expect(f.map((x) => [x.metric, x.value, x.subject.name])).toEqual([
      ['par_index_score', 93.35, 'tỉnh Bà Rịa - Vũng Tàu'], ['par_index_rank', 2, 'tỉnh Bà Rịa - Vũng Tàu']]);
    const [g] = figuresOf('Năm 2024, tỷ lệ hồ sơ đúng hạn của thành phố Phan Rang – Tháp Chàm đạt 97,1%.', '2025-05-10', province);
    expect(g.subject.name).toBe('thành phố Phan Rang – Tháp Chàm');
  });

  it('resolves a named unit through the resolver', () => {
    const [f] = figuresOf('Trong đó UBND phường Tây Thạnh đạt 100% hồ sơ đúng hạn.');
    expect(f.subject).toMatchObject({ name: 'Phường Tây Thạnh', unitId: 'u-ward', scope: 'unit', explicit: true });
  });

  it('recognises the publisher when named, and keeps an unknown unit as written', () => {
    const [own] = figuresOf('UBND quận Tân Phú đạt 98% hồ sơ đúng hạn.');
    expect(own.subject).toMatchObject({ unitId: DISTRICT.id, explicit: true });
    const [other] = figuresOf('Tỷ lệ hài lòng đạt 91% tại UBND huyện Cần Giờ.');
    expect(other.subject).toMatchObject({ name: 'huyện Cần Giờ', unitId: null, explicit: true });
  });

  it('reads an agency named right before a number as its holder, but not an agency the numbers come from', () => {
    const province = { publisher: { id: 'p', name: 'Vĩnh Long', level: 'tinh' } };
    const [held] = figuresOf('Trong tháng 5, Sở Tư pháp tiếp nhận 2.315 hồ sơ.', undefined, province);
    expect(held.subject).toMatchObject({ name: 'Sở Tư pháp Vĩnh Long', scope: 'unit', explicit: true });
    expect(isSubjectUncertain(held.subject)).toBe(false);
    for (const text of ['Theo Sở Tư pháp tỉnh Vĩnh Long, tỷ lệ hồ sơ đúng hạn đạt 98%.', 'Số liệu của Sở Tư pháp cho thấy tỷ lệ hồ sơ đúng hạn đạt 98%.', 'Số liệu từ Sở Tư pháp cho thấy tỷ lệ hồ sơ đúng hạn đạt 98%.']) {
      const [f] = figuresOf(text, undefined, province);
      expect({ text, name: f.subject.name }).not.toEqual({ text, name: 'Sở Tư pháp Vĩnh Long' });
    }
  });

  it("names a centrally run city's centre with the city's level word (stop 38)", () => {
    const publisher = { id: 'hp', name: 'UBND thành phố Hải Phòng', level: 'tinh' };
    const [f] = figuresOf('Trong tháng 7/2025, Trung tâm Phục vụ hành chính công thành phố đã tiếp nhận 8.306 hồ sơ.', undefined, { publisher });
    expect(f.subject).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công thành phố Hải Phòng', scope: 'unit', explicit: true });
  });

  it('names the provincial centre once when the centre publishes its own page', () => {
    const publisher = { id: 'c', name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn', level: 'tinh' };
    const [f] = figuresOf('Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 4.120 hồ sơ.', undefined, { publisher });
    expect(f.subject).toMatchObject({ name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Kạn', scope: 'unit', explicit: true });
  });

  it('marks "toàn tỉnh" on a district\'s page as uncertain: the province around it is not the publisher', () => {
    const { result, signals } = extractWithSignals('Trong quý I, toàn tỉnh tiếp nhận 56.039 hồ sơ.', ctxFor());
    expect(result.figures.map((f) => f.subject.scope)).toEqual(['province_wide']);
    expect(signals.map((s) => s.subjectUncertain)).toEqual([true]);
    const own = extractWithSignals('Trong quý I, toàn tỉnh tiếp nhận 56.039 hồ sơ.', ctxFor(undefined, { publisher: { id: 'p', name: 'Kon Tum', level: 'tinh' } }));
    expect(own.signals.map((s) => s.subjectUncertain)).toEqual([false]);
  });

  it('keeps the uncertain mark on the subject itself, so a copy (a worker thread\'s structured clone) keeps it', () => {
    const { result } = extractWithSignals('Trong quý I, toàn tỉnh tiếp nhận 56.039 hồ sơ.', ctxFor());
    const copy = structuredClone(result.figures[0]);
    expect(copy.subject).toMatchObject({ scope: 'province_wide', uncertain: true });
    expect(isSubjectUncertain(copy.subject)).toBe(true);
    expect(isSubjectUncertain({ ...copy.subject })).toBe(true);
    const [named] = figuresOf('Trong quý I, toàn huyện tiếp nhận 56.039 hồ sơ.');
    expect(isSubjectUncertain(structuredClone(named.subject))).toBe(false);
    expect(named.subject).not.toHaveProperty('uncertain');
  });

  it("reads a department a province's paper names in its title (abbreviated too) as the article's unit, the centre after it as where its dossiers go", () => {
    const ctx = ctxFor('2020-10-05', { publisher: { id: 'ht', name: 'Hà Tĩnh', level: 'tinh' }, title: 'Sở TN&MT tiếp nhận gần 1.200 hồ sơ qua Trung tâm Phục vụ hành chính công' });
    const figures = figuresOf('Trong 9 tháng đầu năm 2020, đơn vị này đã tiếp nhận 1.184 hồ sơ qua Trung tâm Phục vụ hành chính công tỉnh.', undefined, ctx);
    expect(figures.map((f) => [f.value, f.subject.name, f.subject.scope])).toContainEqual([1184, 'Sở Tài nguyên và Môi trường Hà Tĩnh', 'unit']);
    // The centre leading the title is the centre's article.
    const centre = figuresOf('Trong 9 tháng đầu năm 2020, Trung tâm tiếp nhận 5.310 hồ sơ.', undefined, ctxFor('2020-10-05', { publisher: { id: 'ht', name: 'Hà Tĩnh', level: 'tinh' }, title: 'Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ của Sở Tư pháp' }));
    expect(centre.map((f) => f.subject.name)).toEqual(['Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh']);
  });

  it("marks the centre's figures, the provinces' average and a province's own named dossier flow as uncertain: the text does not tell which reading the figure has", () => {
    const ctx = { publishedAt: new Date('2023-07-05T08:00:00+07:00'), publisher: { id: 'p', name: 'Lâm Đồng', level: 'tinh' } };
    const centre = extractWithSignals('Trong 6 tháng đầu năm 2023, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 18.250 hồ sơ.', ctx);
    expect(centre.result.figures.map((f) => f.subject.name)).toEqual(['Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng']);
    expect(centre.signals.map((s) => s.subjectUncertain)).toEqual([true]);
    const average = extractWithSignals('Chỉ số cải cách hành chính năm 2022 của các tỉnh, thành phố có giá trị trung bình đạt 84,79%.', ctx);
    expect(average.result.figures.map((f) => [f.value, f.subject.name])).toEqual([[84.79, 'Việt Nam']]);
    expect(average.signals.map((s) => [s.subjectUncertain, s.subjectSource])).toEqual([[true, 'national']]);
    const country = extractWithSignals('Chỉ số cải cách hành chính năm 2022 có giá trị trung bình của cả nước đạt 84,79%.', ctx);
    expect(country.signals.map((s) => [s.subjectUncertain, s.subjectSource])).toEqual([[false, 'national']]);
    // The province naming itself in its dossier flow: its government or its whole area.
    const named = extractWithSignals('Trong 6 tháng đầu năm 2023, Lâm Đồng tiếp nhận 152.300 hồ sơ.', ctx);
    expect(named.result.figures.map((f) => [f.subject.name, f.subject.scope])).toEqual([['Lâm Đồng', 'unit']]);
    expect(named.signals.map((s) => s.subjectUncertain)).toEqual([true]);
  });

  it("reads an article on a province's source that never names the province but speaks of the Government as national: the country, as a guess", () => {
    const ctx = { publishedAt: new Date('2021-03-02T08:00:00+07:00'), publisher: { id: 'hn', name: 'Hà Nội', level: 'tinh' }, title: 'Chính phủ đặt mục tiêu về dịch vụ công trực tuyến' };
    const text = 'Theo Nghị quyết của Chính phủ, năm 2021 có 3.820 dịch vụ công trực tuyến toàn trình được cung cấp.';
    const national = extractWithSignals(text, ctx);
    expect(national.result.figures.map((f) => [f.value, f.subject.name, f.subject.explicit])).toEqual([[3820, 'Việt Nam', true]]);
    expect(national.signals.map((s) => [s.subjectUncertain, s.subjectSource])).toEqual([[true, 'publisher']]);
    // Naming the province, or speaking of "the city", keeps the publisher.
    const own = extractWithSignals(`${text} Hà Nội đã triển khai đầy đủ.`, ctx);
    expect(own.result.figures.map((f) => f.subject.name)).toEqual(['Hà Nội']);
    const self = extractWithSignals(`${text} UBND thành phố chỉ đạo triển khai.`, ctx);
    expect(self.result.figures.map((f) => f.subject.name)).toEqual(['Hà Nội']);
  });

  it('names the provincial centre as the text does when it is the centre for administration and investment promotion', () => {
    // Our own sentences.
    const ctx = ctxFor('2018-05-10', { publisher: { id: 'qn', name: 'Quảng Nam', level: 'tinh' } });
    const named = figuresOf('Theo Trung tâm Hành chính công và xúc tiến đầu tư, trong tuần trung tâm đã tiếp nhận 1.210 hồ sơ.', undefined, ctx);
    expect(named.map((f) => [f.value, f.subject.name])).toEqual([[1210, 'Trung tâm Hành chính công và Xúc tiến đầu tư tỉnh Quảng Nam']]);
    // A title naming the centre makes it the article's unit, under the name the text gives it.
    const titled = ctxFor('2019-08-20', { publisher: { id: 'qt', name: 'Quảng Trị', level: 'tinh' }, title: 'Gần 1.500 thủ tục được giải quyết tại Trung tâm hành chính công tỉnh' });
    const body = 'Các sở đưa 1.439 thủ tục vào Trung tâm hành chính công và xúc tiến đầu tư tỉnh. Từ đầu năm 2019 đến nay, trung tâm đã tiếp nhận 41.200 hồ sơ.';
    expect(figuresOf(body, undefined, titled).filter((f) => f.metric === 'dossiers_received').map((f) => f.subject.name)).toEqual(['Trung tâm Hành chính công và Xúc tiến đầu tư tỉnh Quảng Trị']);
    // Any other centre keeps the usual name.
    const plain = figuresOf('Trong tuần, Trung tâm Phục vụ hành chính công đã tiếp nhận 1.210 hồ sơ.', undefined, ctx);
    expect(plain.map((f) => f.subject.name)).toEqual(['Trung tâm Phục vụ hành chính công tỉnh Quảng Nam']);
  });

  it("reads a title naming the publisher's province and a unit below it as the province's article", () => {
    // Our own sentences: the province asks one of its units to clear a backlog; the unit's own figures are named.
    const ctx = ctxFor('2026-02-03', { publisher: { id: 'ag', name: 'An Giang', level: 'tinh' }, title: 'Chủ tịch An Giang yêu cầu đặc khu Phú Quốc xử lý dứt điểm hồ sơ quá hạn' });
    const text = 'Tính đến cuối tháng 1/2026, mức độ hài lòng của người dân chỉ đạt 91,4%. Trong số đó, đặc khu Phú Quốc còn 2.100 hồ sơ quá hạn.';
    expect(figuresOf(text, undefined, ctx).map((f) => [f.value, f.subject.name])).toEqual([[91.4, 'An Giang'], [2100, 'đặc khu Phú Quốc']]);
    // A title naming the unit alone, or placing it in its province, stays the unit's article.
    for (const title of ['Đặc khu Phú Quốc xử lý dứt điểm hồ sơ quá hạn', 'Đặc khu Phú Quốc (An Giang) xử lý dứt điểm hồ sơ quá hạn']) {
      const own = figuresOf('Tính đến cuối tháng 1/2026, mức độ hài lòng của người dân chỉ đạt 91,4%.', undefined, { ...ctx, title });
      expect({ title, subject: own.map((f) => f.subject.name.toLowerCase()) }).toEqual({ title, subject: ['đặc khu phú quốc'] });
    }
  });

  it("reads the country's dossier flow on a ministry's page as the country's, as a guess", () => {
    // Our own sentences.
    const ctx = ctxFor('2024-10-31', { publisher: { id: 'b', name: 'Bộ Tài chính', level: 'bo' } });
    const national = figuresOf('Trong quý III/2024, các cơ quan hành chính trong nước đã tiếp nhận hơn 70 triệu hồ sơ.', undefined, ctx);
    expect(national.map((f) => [f.metric, f.subject.name, f.subject.uncertain === true])).toEqual([['dossiers_received', 'Việt Nam', true]]);
    const portal = figuresOf('Tính đến ngày 30/9/2024, hơn 9,2 triệu hồ sơ được tiếp nhận qua Cổng Dịch vụ công quốc gia.', undefined, ctx);
    expect(portal.map((f) => f.subject.name)).toEqual(['Việt Nam']);
    // The ministry's own dossiers, and a province's page naming the national portal, keep their publisher.
    expect(figuresOf('Trong quý III/2024, Bộ đã tiếp nhận 12.400 hồ sơ.', undefined, ctx).map((f) => f.subject.name)).toEqual(['Bộ Tài chính']);
    const province = ctxFor('2024-10-31', { publisher: { id: 'p', name: 'Lâm Đồng', level: 'tinh' } });
    expect(figuresOf('Quý III/2024, có 9.200 hồ sơ được tiếp nhận qua Cổng Dịch vụ công quốc gia.', undefined, province).map((f) => f.subject.name)).not.toContain('Việt Nam');
  });

  it("reads a count of provinces out of all 63 (or 34) as the country's figure, on any publisher's page", () => {
    const dept = { publisher: { id: 'p', name: 'Sở Nội vụ tỉnh Long An', level: 'so' } };
    const text = 'Năm 2022, Chỉ số CCHC của các tỉnh, thành phố có giá trị trung bình đạt 85,1%; 40/63 đơn vị đạt kết quả cao hơn mức trung bình. Có 32/63 địa phương đạt kết quả Chỉ số CCHC cao hơn mức trung bình của cả nước.';
    const counts = figuresOf(text, undefined, dept).filter((f) => f.total === 63);
    expect(counts.map((f) => [f.value, f.subject.name, f.subject.scope])).toEqual([[40, 'Việt Nam', 'unit'], [32, 'Việt Nam', 'unit']]);
    const paper = { publisher: { id: 'hn', name: 'Hà Nội', level: 'tinh' } };
    expect(figuresOf('Đây là năm thứ hai có 63/63 địa phương đạt Chỉ số cải cách hành chính trên 80%.', undefined, paper).map((f) => f.subject.name)).toEqual(['Việt Nam']);
    // A province's own units out of 63 ("63/63 xã"), or "đơn vị" with no word of the provinces, stay the province's.
    const province = { publisher: { id: 'ta', name: 'Thanh Hóa', level: 'tinh' } };
    expect(figuresOf('Đến nay 63/63 xã đã có bộ phận một cửa hiện đại.', undefined, province).map((f) => f.subject.scope)).toEqual(['subunits']);
    expect(figuresOf('Đến nay 60/63 đơn vị đã số hóa hồ sơ.', undefined, province).map((f) => f.subject.name)).not.toContain('Việt Nam');
  });

  it("names a province's agency the text names in full as the holder of its number, not the publisher", () => {
    const district = { publisher: { id: 'vt', name: 'UBND huyện Vĩnh Thuận', level: 'huyen' } };
    const [tax] = figuresOf('Chỉ số CCHC năm 2018 của khối ngành dọc, số điểm cao nhất 92 điểm thuộc về Cục Thuế tỉnh Kiên Giang.', undefined, district);
    expect(tax.subject).toMatchObject({ name: 'Cục Thuế tỉnh Kiên Giang', scope: 'unit', explicit: true });
    expect(isSubjectUncertain(tax.subject)).toBe(false);
    // "Văn phòng UBND tỉnh" on a department's page: the office of the department's province.
    const dept = { publisher: { id: 'tt', name: 'Sở Thông tin và Truyền thông tỉnh Tây Ninh', level: 'so' } };
    const [office] = figuresOf('Theo bảng xếp hạng chỉ số CCHC năm 2021, Văn phòng UBND tỉnh có tỷ lệ điểm số cao nhất 97,14%.', undefined, dept);
    expect(office.subject).toMatchObject({ name: 'Văn phòng UBND tỉnh Tây Ninh', scope: 'unit', explicit: true });
    const paper = { publisher: { id: 'bd', name: 'Bình Định', level: 'tinh' } };
    const [land] = figuresOf('5 tháng đầu năm 2022, Văn phòng đăng ký đất đai tỉnh Bình Định và 11 chi nhánh đã tiếp nhận 63.349 hồ sơ đất đai.', undefined, paper);
    expect(land.subject).toMatchObject({ name: 'Văn phòng đăng ký đất đai tỉnh Bình Định', scope: 'unit', explicit: true });
    // A branch of a town the text does not name is the branch, named as the text names it: never the province's figure
    // (until 1.43.0 it stayed the publisher's as a guess, and a confident one was served as the province's). No unit
    // of the gazetteer: the store holds it for review.
    const [branch] = figuresOf('Riêng Chi nhánh Văn phòng đăng ký đất đai thị xã đã tiếp nhận 13.039 hồ sơ.', undefined, paper);
    expect(branch.subject).toMatchObject({ name: 'Chi nhánh Văn phòng đăng ký đất đai thị xã', unitId: null, scope: 'unit', explicit: true });
    // On the town's own page the branch is named with the town.
    const town = { publisher: { id: 'tu', name: 'Thị xã Tân Uyên', level: 'thi_xa' } };
    const [own] = figuresOf('Riêng Chi nhánh Văn phòng đăng ký đất đai thị xã đã tiếp nhận 13.039 hồ sơ.', undefined, town);
    expect(own.subject).toMatchObject({ name: 'Chi nhánh Văn phòng đăng ký đất đai thị xã Tân Uyên', unitId: null });
  });

  it("gives a first place in the departments' ranking to the agency named before it, never to the province", () => {
    const dept = { publisher: { id: 'tt', name: 'Sở Thông tin và Truyền thông tỉnh Tây Ninh', level: 'so' } };
    const lead = figuresOf('Theo bảng xếp hạng chỉ số CCHC năm 2021, Văn phòng UBND tỉnh có tỷ lệ điểm số cao nhất 97,14%, đứng đầu bảng xếp hạng khối các sở, ban, ngành tỉnh.', undefined, dept);
    expect(lead.map((f) => [f.metric, f.subject.name])).toEqual([['par_index_score', 'Văn phòng UBND tỉnh Tây Ninh'], ['par_index_rank', 'Văn phòng UBND tỉnh Tây Ninh']]);
    // The office joined to the city that leads the districts' table: the office holds the departments' first place.
    const portal = { publisher: { id: 'yb', name: 'Cổng Thông tin điện tử tỉnh Yên Bái', level: 'tinh' } };
    const joined = figuresOf('Theo Quyết định số 885/QĐ-UBND ngày 8/6/2022 của UBND tỉnh Yên Bái phê duyệt Chỉ số CCHC năm 2021, Văn phòng UBND tỉnh và Thành phố Yên Bái tiếp tục dẫn đầu bảng xếp hạng chỉ số CCHC năm 2021 đối với các sở, ban, ngành thuộc UBND tỉnh.', undefined, portal);
    expect(joined.map((f) => [f.metric, f.subject.name])).toEqual([['par_index_rank', 'Văn phòng UBND tỉnh Yên Bái']]);
    // No agency named: the province stays, as a guess.
    const bare = figuresOf('Trong Chỉ số CCHC năm 2021, tỉnh Yên Bái đứng đầu bảng xếp hạng đối với các sở, ban, ngành.', undefined, portal);
    expect(bare.map((f) => isSubjectUncertain(f.subject))).toEqual([true]);
    // The province leading the country keeps its rank.
    const country = figuresOf('Năm 2021, tỉnh Yên Bái dẫn đầu cả nước về Chỉ số CCHC.', undefined, portal);
    expect(country.map((f) => [f.subject.name, isSubjectUncertain(f.subject)])).toEqual([['tỉnh Yên Bái', false]]);
  });

  it('reads a ministry written by its abbreviation ("Bộ TN&MT", "Bộ GTVT") as that ministry, not the publisher nor the country', () => {
    const agency = { publisher: { id: 'c', name: 'Cục Quản lý tài nguyên nước', level: 'bo' } };
    const [received] = figuresOf('Đối với lĩnh vực tài nguyên nước, Bộ TN&MT đã tiếp nhận tổng số 164 hồ sơ.', undefined, agency);
    expect(received.subject).toMatchObject({ name: 'Bộ Tài nguyên và Môi trường', scope: 'unit', explicit: true });
    const national = { publisher: null };
    const [rank] = figuresOf('Chỉ số CCHC năm 2013: Bộ GTVT đứng ở vị trí số 1 về cải cách hành chính.', undefined, national);
    expect(rank.subject).toMatchObject({ name: 'Bộ Giao thông vận tải', explicit: true });
    // The ministry the numbers come from is no subject.
    const [source] = figuresOf('Theo số liệu thống kê của Bộ KH&CN, tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ giải quyết đạt 45%.', undefined, national);
    expect(source.subject.name).toBe('Việt Nam');
  });

  it('reads a title opening with a ministry that achieves ("Bộ Xây dựng dẫn đầu …") as that ministry\'s article on a source registered under Hà Nội, not one that announces', () => {
    const hanoi = (title: string): Partial<ExtractionContext> => ({ publishedAt: new Date('2025-06-10T09:00:00+07:00'), publisher: { id: 'hn', name: 'Thành phố Hà Nội', level: 'tinh' }, title });
    const [achieves] = figuresOf('Đến nay, đã có 178 dịch vụ công trực tuyến toàn trình.', undefined, hanoi('Bộ Xây dựng dẫn đầu các bộ, ngành về cung cấp dịch vụ công trực tuyến'));
    expect(achieves.subject).toMatchObject({ name: 'Bộ Xây dựng', scope: 'unit' });
    const [announces] = figuresOf('Năm 2024, thành phố có 1.250 dịch vụ công trực tuyến toàn trình.', undefined, hanoi('Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2024'));
    expect(announces.subject.unitId).toBe('hn');
    const [beside] = figuresOf('Đến nay, đã có 178 dịch vụ công trực tuyến toàn trình.', undefined, hanoi('Bộ Xây dựng đạt kết quả cao tại Hà Nội'));
    expect(beside.subject.name).not.toBe('Bộ Xây dựng');
  });

  it('names a central agency ("Tổng cục Hải quan", and on a ministry\'s page "Kho bạc Nhà nước", "Vụ Pháp chế") but reads the same words on a province\'s page as its branch', () => {
    const read = (text: string, publisher: { id: string; name: string; level: string }) => figuresOf(text, '2024-03-01T09:00:00+07:00', { publisher }).map((f) => f.subject.name);
    const province = { id: 'qn', name: 'Tỉnh Quảng Nam', level: 'tinh' };
    const ministry = { id: 'btc', name: 'Bộ Tài chính', level: 'bo' };
    expect(read('Năm 2023, Kho bạc Nhà nước đạt 90,5 điểm Chỉ số cải cách hành chính.', ministry)).toEqual(['Kho bạc Nhà nước']);
    expect(read('Năm 2023, Kho bạc Nhà nước đạt 90,5 điểm Chỉ số cải cách hành chính.', province)).toEqual(['Kho bạc Nhà nước tỉnh Quảng Nam']);
    expect(read('Năm 2023, Cục Thuế đạt 90,5 điểm Chỉ số cải cách hành chính.', province)).toEqual(['Cục Thuế tỉnh Quảng Nam']);
    expect(read('Năm 2023, Tổng cục Hải quan đạt 90,5 điểm Chỉ số cải cách hành chính.', province)).toEqual(['Tổng cục Hải quan']);
    // A name that goes on with a province is the province's branch on a ministry's page too.
    expect(read('Năm 2023, Cục Thuế tỉnh Kiên Giang đạt 90,5 điểm Chỉ số cải cách hành chính.', ministry)).toEqual(['Cục Thuế tỉnh Kiên Giang']);
    // "Vụ" must head a name: "Vụ việc này" is no agency.
    expect(read('Năm 2023, Vụ việc này đạt 90,5 điểm Chỉ số cải cách hành chính.', ministry)).toEqual(['Bộ Tài chính']);
  });

  it('reads a bare place name opening a provincial paper\'s title as a district only when the text speaks of "huyện" bare, and of no other district level', () => {
    const paper = (title: string): Partial<ExtractionContext> => ({ publishedAt: new Date('2022-07-12T09:00:00+07:00'), publisher: { id: 'kh', name: 'Tỉnh Khánh Hòa', level: 'tinh' }, title });
    const bare = 'Huyện ủy tổ chức hội nghị. Theo báo cáo của UBND huyện, 6 tháng đầu năm 2022, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,4%.';
    expect(figuresOf(bare, undefined, paper('Diên Khánh tổng kết công tác cải cách hành chính')).map((f) => f.subject.name.toLowerCase())).toEqual(['huyện diên khánh']);
    // Another district named after its level word is no bare use: the title's name stays unplaced.
    const named = 'Theo báo cáo của UBND huyện Khánh Vĩnh, 6 tháng đầu năm 2022, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,4%.';
    expect(figuresOf(named, undefined, paper('Diên Khánh tổng kết công tác cải cách hành chính')).map((f) => f.subject.name.toLowerCase())).not.toEqual(['huyện diên khánh']);
  });

  it('reads a title opening with a ministry or a central agency as its article on a national paper registered under Hà Nội whose text never names the city (d2031, d2039, d1951)', () => {
    const hanoi = (title: string): Partial<ExtractionContext> => ({ publishedAt: new Date('2023-10-20T09:00:00+07:00'), publisher: { id: 'hn', name: 'Thành phố Hà Nội', level: 'tinh' }, title });
    const text = 'Trong 9 tháng năm 2023, đã có hơn 840.000 hồ sơ được nộp trực tuyến.';
    const [ministry] = figuresOf(text, undefined, hanoi('Bộ Công Thương quyết liệt đẩy mạnh chuyển đổi số'));
    expect(ministry.subject.name).toBe('Bộ Công Thương');
    // A central agency is not in the gazetteer: named, with an id of its own, so that it waits for a reviewer.
    const [customs] = figuresOf(text, undefined, hanoi('Tổng cục Hải quan mở rộng Cơ chế một cửa quốc gia'));
    expect(customs.subject).toMatchObject({ name: 'Tổng cục Hải quan', unitId: 'title:Tổng cục Hải quan', scope: 'unit' });
    const [bank] = figuresOf(text, undefined, hanoi('Ngân hàng Nhà nước giữ vững thứ hạng về cải cách hành chính'));
    expect(bank.subject.name).toBe('Ngân hàng Nhà nước Việt Nam');
    const [treasury] = figuresOf(text, undefined, hanoi('Kho bạc Nhà nước đưa toàn bộ dịch vụ công lên mạng'));
    expect(treasury.subject.name).toBe('Kho bạc Nhà nước');
    // The city's own article: its paper names it, or speaks of "thành phố", or the ministry only announces; a branch.
    const [named] = figuresOf('Trong 9 tháng năm 2023, Hà Nội có hơn 840.000 hồ sơ được nộp trực tuyến.', undefined, hanoi('Bộ Công Thương làm việc về chuyển đổi số'));
    expect(named.subject.unitId).toBe('hn');
    const [itself] = figuresOf('Trong 9 tháng năm 2023, thành phố đã có hơn 840.000 hồ sơ được nộp trực tuyến.', undefined, hanoi('Bộ Công Thương làm việc về chuyển đổi số'));
    expect(itself.subject.unitId).toBe('hn');
    const [branch] = figuresOf(text, undefined, hanoi('Ngân hàng Nhà nước chi nhánh Hà Nội đẩy mạnh dịch vụ trực tuyến'));
    expect(branch.subject.name).not.toBe('Ngân hàng Nhà nước Việt Nam');
  });

  it('reads a ministry that only reports ("Bộ KH&CN cho hay, …") as the source, not the subject (d2231)', () => {
    const [f] = figuresOf('Bộ Nội vụ cho hay, tính đến ngày 26/11, tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ giải quyết thủ tục hành chính tháng 11/2025 đạt 51,7%.', undefined, { publishedAt: new Date('2025-12-01T09:00:00+07:00'), publisher: { id: 'hn', name: 'Thành phố Hà Nội', level: 'tinh' }, title: 'Chuyển đổi số quốc gia' });
    expect(f.subject.name).not.toBe('Bộ Nội vụ');
  });

  it('reads a province\'s branch of a central agency opening the title as the article\'s unit, but not two holders nor another province\'s branch (d1440, d1837, d2010)', () => {
    const pn = (title: string): Partial<ExtractionContext> => ({ publishedAt: new Date('2024-04-20T09:00:00+07:00'), publisher: { id: 'pn', name: 'Tỉnh Phú Yên', level: 'tinh' }, title });
    const text = 'Trong quý I năm 2024, tỷ lệ hồ sơ trực tuyến đạt 98,6%.';
    expect(figuresOf(text, undefined, pn('Cục Thuế Phú Yên dẫn đầu về chỉ số cải cách hành chính'))[0].subject).toMatchObject({ name: 'Cục Thuế tỉnh Phú Yên', unitId: 'title:Cục Thuế tỉnh Phú Yên' });
    expect(figuresOf(text, undefined, pn('BHXH đẩy mạnh cải cách thủ tục hành chính'))[0].subject.name).toBe('Bảo hiểm xã hội tỉnh Phú Yên');
    expect(figuresOf(text, undefined, pn('Cục Thuế tỉnh và huyện Tuy An dẫn đầu'))[0].subject.name).not.toBe('Cục Thuế tỉnh Phú Yên');
    expect(figuresOf(text, undefined, pn('Công an tỉnh Khánh Hòa triển khai dịch vụ công'))[0].subject.name).not.toBe('Công an tỉnh Phú Yên');
  });

  it('reads a ranking\'s field written "trong tổng số 17 bộ, ngành" as no subject of the score after it (d1826)', () => {
    const text = 'Chỉ số cải cách hành chính năm 2023 của Bộ Tư pháp tiếp tục duy trì thứ hạng cao, đứng thứ 2 trong tổng số 17 bộ, ngành với chỉ số cải cách hành chính đạt 89,89%.';
    const score = figuresOf(text, undefined, { publishedAt: new Date('2024-04-10T09:00:00+07:00'), publisher: { id: 'hn', name: 'Thành phố Hà Nội', level: 'tinh' }, title: 'Bộ Tư pháp đứng thứ hai về cải cách hành chính' }).find((f) => f.value === 89.89);
    expect(score?.subject).toMatchObject({ name: 'Bộ Tư pháp', scope: 'unit' });
  });

  it('reads a province the gazetteer names with its type ("Tỉnh Bắc Kạn", as ingestion passes it) as it reads the bare name (stop 29)', () => {
    const text = 'Năm 2024, Sở Tư pháp tiếp nhận 1.200 hồ sơ. Ban Quản lý các Khu công nghiệp tỉnh đạt 70,06 điểm Chỉ số cải cách hành chính. Toàn tỉnh có 1.500 dịch vụ công trực tuyến toàn trình.';
    const read = (name: string) => figuresOf(text, undefined, { publishedAt: new Date('2025-01-10T09:00:00+07:00'), publisher: { id: 'bk', name, level: 'tinh' } })
      .map((f) => [f.metric, f.value, f.subject.name.replace(/Bắc Kạn$/, 'BK'), f.subject.scope, f.subject.unitId]);
    expect(read('Tỉnh Bắc Kạn')).toEqual(read('Bắc Kạn'));
    expect(read('Tỉnh Bắc Kạn').map((r) => r[2])).toEqual(['Sở Tư pháp BK', 'Ban Quản lý các Khu công nghiệp tỉnh BK', 'toàn tỉnh BK']);
  });

  it('reads a title naming the publisher\'s city as "TP. Hồ Chí Minh" as the publisher, whether or not its name has the type word (stop 29)', () => {
    for (const name of ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh']) {
      const [f] = figuresOf('Năm 2025, thành phố tiếp nhận 2.513.000 hồ sơ.', undefined, { publishedAt: new Date('2025-12-20T09:00:00+07:00'), publisher: { id: 'hcm', name, level: 'tinh' }, title: 'TP. Hồ Chí Minh: Giải quyết hơn 2 triệu hồ sơ' });
      expect(f.subject.unitId).toBe('hcm');
    }
  });

  it('does not confuse Quận 1 with Quận 11', () => {
    const [f] = figuresOf('UBND Quận 11 đạt 97% hồ sơ đúng hạn.', undefined, { publisher: { id: 'q1', name: 'Quận 1', level: 'quan' } });
    expect(f.subject).toMatchObject({ name: 'Quận 11', unitId: null });
  });
});

describe('the unit an article is about, from its lead', () => {
  const province: ExtractionContext = { publishedAt: new Date('2025-10-10T08:00:00+07:00'), publisher: { id: 'p', name: 'Quảng Ngãi', level: 'tinh' }, title: 'Một cửa gần dân hơn' };
  const read = (text: string, ctx = province) => extractWithSignals(text, ctx).result.figures.map((f) => [f.metric, f.subject.name, f.subject.uncertain === true]);

  it('takes the commune a provincial paper\'s lead names and the text comes back to', () => {
    const text = 'Bộ phận một cửa xã Nghĩa Hành làm việc cả thứ Bảy.\n\nTừ tháng 7 đến tháng 9/2025, đã có 3.210 hồ sơ được tiếp nhận.\n\nLãnh đạo xã Nghĩa Hành cho biết sẽ mở thêm quầy.';
    expect(read(text)).toEqual([['dossiers_received', 'xã Nghĩa Hành', false]]);
  });

  it('does not when the text speaks of the province itself', () => {
    const text = 'Ảnh: Bộ phận một cửa xã Nghĩa Hành.\n\nTừ tháng 7 đến tháng 9/2025, Quảng Ngãi tiếp nhận 93.210 hồ sơ; UBND tỉnh yêu cầu các xã giữ tỷ lệ đúng hạn.';
    expect(read(text).map(([, name]) => name)).not.toContain('xã Nghĩa Hành');
  });

  it('does not when a national paper\'s text speaks of the whole country', () => {
    const national = { ...province, publisher: null };
    const own = 'Ảnh: bộ phận một cửa phường Long Bình.\n\nTrong quý III, đã có 9.400 hồ sơ được tiếp nhận tại bộ phận một cửa phường Long Bình.';
    expect(read(own, national).map(([, name]) => name)).toEqual(['phường Long Bình']);
    const country = 'Ảnh: bộ phận một cửa phường Long Bình.\n\nCác địa phương trên cả nước bỏ bớt giấy tờ.\n\nTrong quý III, đã có 9,4 triệu hồ sơ được tiếp nhận.\n\nCán bộ phường Long Bình trực cả ngày.';
    expect(read(country, national).map(([, name]) => name)).not.toContain('phường Long Bình');
  });

  it('does not when the lead names two units of one level as often', () => {
    const text = 'Xã Nghĩa Hành và xã Tư Nghĩa đưa bộ phận một cửa mới vào hoạt động.\n\nTừ tháng 7 đến tháng 9/2025, hai xã tiếp nhận 5.210 hồ sơ.';
    expect(read(text).map(([, name]) => name)).toEqual(['toàn tỉnh Quảng Ngãi']);
  });

  it('does not read a byline ("P.G") as a ward, nor decide when the title names a place', () => {
    const byline = read('P.G |\n\nNăm 2024, bộ phận một cửa tiếp nhận 8.100 hồ sơ.');
    expect(byline).toHaveLength(1);
    expect(byline[0][1]).not.toMatch(/P\.\s*G/);
    const titled = { ...province, title: 'Quảng Ngãi: một cửa gần dân hơn' };
    const lead = 'Bộ phận một cửa xã Nghĩa Hành mở cửa cả thứ Bảy.\n\nNăm 2024, đã có 8.100 hồ sơ được tiếp nhận.\n\nCán bộ xã Nghĩa Hành trực cả ngày.';
    expect(read(lead).map(([, name]) => name)).toEqual(['xã Nghĩa Hành']);
    expect(read(lead, titled).map(([, name]) => name)).not.toContain('xã Nghĩa Hành');
  });

  it('reads a commune\'s own public-service centre as the commune, not the province\'s centre', () => {
    const text = 'UBND tỉnh cho biết, quý III/2025, Trung tâm Phục vụ hành chính công xã Tư Nghĩa tiếp nhận 2.400 hồ sơ.';
    expect(read(text)).toEqual([['dossiers_received', 'xã Tư Nghĩa', false]]);
  });
});

describe('an article unit from the title keeps an id of its own (stop 30)', () => {
  // Ingestion files a figure under its subject's id: a department or centre the title names must not take the
  // publisher's, or its figures are stored and served as the province's.
  const province = { id: '42', name: 'Tỉnh Lai Châu', level: 'tinh' };
  const resolver = { resolve: (m: string) => (/^tỉnh lai châu$/iu.test(m.trim()) ? { id: '42', name: 'Tỉnh Lai Châu', level: 'tinh' } : null) };
  const at = new Date('2023-03-01T10:00:00+07:00');

  it('a department named in a provincial paper\'s title', () => {
    const { result } = extractWithSignals('Năm 2022, Sở tiếp nhận 1.820 hồ sơ, giải quyết đúng hạn 99,4%.\n\nChỉ số cải cách hành chính tỉnh Lai Châu năm 2022 đạt 86,1 điểm.', {
      publishedAt: at, publisher: province, title: 'Sở Tư pháp Lai Châu dẫn đầu chỉ số DDCI năm 2022', resolver,
    });
    const own = result.figures.filter((f) => f.metric === 'dossiers_received' || f.metric === 'on_time_rate');
    expect(own.map((f) => [f.subject.name, f.subject.unitId === '42'])).toEqual([['Sở Tư pháp Lai Châu', false], ['Sở Tư pháp Lai Châu', false]]);
    // The province the text names is the province, not the title's department.
    const index = result.figures.find((f) => f.metric === 'par_index_score');
    expect([index?.subject.unitId, index?.subject.name.startsWith('Sở')]).toEqual(['42', false]);
  });

  it('the province\'s public-service centre named in the title of another agency\'s page', () => {
    const office = { id: '77', name: 'Văn phòng UBND tỉnh Bạc Liêu', level: 'so' };
    const { result } = extractWithSignals('Trong năm 2022, Trung tâm đã tiếp nhận 61.240 hồ sơ thủ tục hành chính.', {
      publishedAt: at, publisher: office, title: 'Kết quả hoạt động năm 2022 của Trung tâm Phục vụ hành chính công tỉnh Bạc Liêu',
    });
    expect(result.figures.map((f) => [f.subject.name.startsWith('Trung tâm'), f.subject.unitId === '77'])).toEqual([[true, false]]);
  });
});

describe("a district's offices and a list of units by bare name (stop 31)", () => {
  const town = { publisher: { id: 'bc', name: 'Thị xã Bến Cát', level: 'thi_xa' } };

  it('does not give an office the numbers it only reports or acts on', () => {
    for (const text of [
      'Theo báo cáo của Phòng Tư pháp thị xã, năm 2023 toàn thị xã đã tiếp nhận 1.200 hồ sơ.',
      'Phòng Nội vụ thị xã cho biết, năm 2023 thị xã tiếp nhận 5.000 hồ sơ.',
    ]) {
      const [f] = figuresOf(text, undefined, town);
      expect(f.subject.name).not.toMatch(/^Phòng/);
    }
  });

  it("gives an office its first number and the next ones of its clause, not a scope named after them", () => {
    const figures = figuresOf('Phòng Tài nguyên và Môi trường thị xã tiếp nhận 820 hồ sơ, toàn thị xã tiếp nhận 9.400 hồ sơ.', undefined, town);
    expect(figures.map((f) => [f.value, f.subject.name.startsWith('Phòng')])).toEqual([[820, true], [9400, false]]);
  });

  it('reads bare names after a plural level word and a colon, and nothing that is no name', () => {
    const province = { publisher: { id: 'ct', name: 'Thành phố Cần Thơ', level: 'tinh' } };
    const listed = figuresOf('Tỷ lệ hồ sơ trễ hạn năm 2023 ở các quận: Ninh Kiều 3,2%; Cái Răng 2,6%.', undefined, province);
    expect(listed.map((f) => f.subject.name)).toEqual(['Ninh Kiều', 'Cái Răng']);
    const notNames = figuresOf('Tỷ lệ hồ sơ đúng hạn của các xã: Trong năm 2023 đạt 97,5%.', undefined, province);
    expect(notNames.map((f) => f.subject.name)).not.toContain('Trong');
  });
});

describe("an office holder's name after their unit (stop 38)", () => {
  it.each([
    ['Chủ tịch UBND phường Hòa Khánh Huỳnh Anh Vũ cho biết', 'Chủ tịch UBND phường Hòa Khánh huỳnh anh vũ cho biết'],
    ['Phó Chủ tịch UBND TP Hà Nội Trương Việt Dũng chủ trì', 'Phó Chủ tịch UBND TP Hà Nội trương việt dũng chủ trì'],
    ['Chủ tịch UBND tỉnh Thừa Thiên Huế Nguyễn Văn Phương', 'Chủ tịch UBND tỉnh Thừa Thiên Huế nguyễn văn phương'],
    ['Phó Chủ tịch UBND tỉnh Đỗ Tiến Đông cho biết', 'Phó Chủ tịch UBND tỉnh đỗ tiến đông cho biết'],
    ['PCT Thường trực UBND tỉnh Đỗ Tiến Đông – Trưởng Ban', 'PCT Thường trực UBND tỉnh đỗ tiến đông – Trưởng Ban'],
    ['PCT UBND tỉnh Đỗ Tiến Đông cho biết', 'PCT UBND tỉnh đỗ tiến đông cho biết'],
    ['Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn', 'Chủ tịch UBND tỉnh Hà Giang nguyễn văn sơn'],
  ])('masks the person in "%s"', (text, masked) => {
    expect(maskOfficeHolders(text)).toBe(masked);
  });

  it.each([
    ['là Sở Giáo dục và Đào tạo (72,42 điểm)', 'giáo dục và đào tạo'],
    ['Sở Văn hóa, Thể thao và Du lịch đạt 85%', 'văn hóa, thể thao và du lịch'],
    ['Sở Lao động - Thương binh và Xã hội', 'lao động - thương binh và xã hội'],
    ['Bộ Khoa học và Công nghệ xếp thứ 3', 'khoa học và công nghệ'],
    ['Sở Lao động, TB và XH thứ 17', 'lao động, tb và xh'],
  ])('knows the words of a department\'s name in "%s"', (text, words) => {
    const folded = foldVietnamese(text);
    const spans = agencyNameSpans(folded);
    expect(spans.map(([s, e]) => folded.slice(s, e))).toEqual([foldVietnamese(words)]);
  });

  it('names a centrally run city\'s whole area "toàn thành phố …" and a province\'s "toàn tỉnh …"', () => {
    const city: ExtractionContext = { publisher: { id: '92', name: 'UBND thành phố Cần Thơ', level: 'tinh' }, publishedAt: new Date('2024-03-15') };
    const [c] = extractWithSignals('Năm 2024, toàn thành phố tiếp nhận 120.500 hồ sơ.', city).result.figures;
    expect(c.subject).toMatchObject({ scope: 'province_wide', name: 'toàn thành phố Cần Thơ' });
    const province: ExtractionContext = { publisher: { id: '83', name: 'UBND tỉnh Bến Tre', level: 'tinh' }, publishedAt: new Date('2024-03-15') };
    const [p] = extractWithSignals('Năm 2024, toàn tỉnh tiếp nhận 98.400 hồ sơ.', province).result.figures;
    expect(p.subject).toMatchObject({ scope: 'province_wide', name: 'toàn tỉnh Bến Tre' });
  });

  it('finds no department in "tiếp nhận và giải quyết"', () => {
    expect(agencyNameSpans(foldVietnamese('tiếp nhận và giải quyết 120 hồ sơ đúng hạn'))).toEqual([]);
  });

  it.each([
    'Chủ tịch UBND tỉnh Thừa Thiên Huế phát biểu',
    'Chủ tịch UBND huyện Trần Văn Thời cho biết',
    'Chủ tịch UBND Thành phố Hồ Chí Minh phát biểu',
    'Phó Chủ tịch UBND tỉnh Hà Tĩnh phát biểu',
    'Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu',
    'UBND phường Hòa Khánh Bắc Nguyễn Văn An',
  ])('leaves "%s" as written (no office holder, or no person after the unit)', (text) => {
    expect(maskOfficeHolders(text)).toBe(text);
  });

  it('masks every such name of a long page and keeps its length', () => {
    const sentence = 'Chủ tịch UBND xã Tân Phú Nguyễn Văn An cho biết, xã đã tiếp nhận 120 hồ sơ. ';
    const page = sentence.repeat(5000);
    const masked = maskOfficeHolders(page);
    expect(masked.length).toBe(page.length);
    expect(masked.split('xã Tân Phú nguyễn văn an').length - 1).toBe(5000);
  });
});

describe("a province's department on a district's page (stop 38)", () => {
  const on = new Date('2021-03-18T12:00:00+07:00');
  const text = 'UBND tỉnh đã công bố Chỉ số cải cách hành chính năm 2020 của 20 sở, ban, ngành tỉnh, theo đó: Sở Tư pháp đạt 93,12 điểm; Sở Tài chính 90,88 điểm; Thanh tra tỉnh 82,35 điểm; Văn phòng UBND tỉnh 81,41 điểm; Ban Dân tộc 80,36 điểm.';

  it('names the department of the province the gazetteer places the district in (d2372)', () => {
    const ctx = packageSubjectContext({ name: 'Huyện Mang Yang', level: 'huyen', province: 'Tỉnh Gia Lai', on });
    expect(ctx).not.toBeNull();
    const { result } = extractWithSignals(text, { publishedAt: on, publisher: ctx!.publisher, resolver: ctx!.resolver, title: null });
    expect(result.figures.map((f) => [f.value, f.subject.name])).toEqual([
      [93.12, 'Sở Tư pháp Gia Lai'], [90.88, 'Sở Tài chính Gia Lai'], [82.35, 'Thanh tra tỉnh Gia Lai'],
      [81.41, 'Văn phòng UBND tỉnh Gia Lai'], [80.36, 'Ban Dân tộc tỉnh Gia Lai'],
    ]);
  });

  it('leaves them a guess under the district when no resolver knows its province', () => {
    const publisher = { id: 'my', name: 'Huyện Mang Yang', level: 'huyen' };
    const { result } = extractWithSignals(text, { publishedAt: on, publisher, title: null });
    expect(result.figures.map((f) => f.subject.name)).toEqual(Array(5).fill('Huyện Mang Yang'));
    expect(result.figures.every((f) => isSubjectUncertain(f.subject))).toBe(true);
  });
});

describe('the ministry a national paper writes about (stop 40)', () => {
  const paper: ExtractionContext = { publishedAt: new Date('2024-04-20T08:00:00+07:00'), publisher: { id: 'p', name: 'Tạp chí Giao thông', level: 'newspaper' }, title: 'Đẩy mạnh cải cách thủ tục hành chính' };
  const names = (text: string, ctx = paper) => extractWithSignals(text, ctx).result.figures.map((f) => f.subject.name);

  it('takes the one ministry the lead names and has act', () => {
    const text = 'Theo báo cáo của Bộ Giao thông vận tải, trong quý I/2024, Bộ đã tiếp nhận 3.215 hồ sơ.\nĐã giải quyết 3.102 hồ sơ.';
    expect(names(text)).toEqual(['Bộ Giao thông vận tải', 'Bộ Giao thông vận tải']);
  });

  it('not a ministry that issues a plan for everyone, nor one beside a province, nor one of two', () => {
    const plan = 'Bộ Nội vụ đã chính thức ban hành Kế hoạch chuyển đổi số.\nĐến năm 2030, tối thiểu 80% hồ sơ được nộp trực tuyến.';
    expect(names(plan)).not.toContain('Bộ Nội vụ');
    const province = 'Bộ Giao thông vận tải và tỉnh Lào Cai ký kết phối hợp.\nBộ đã tiếp nhận 3.215 hồ sơ.\nĐã giải quyết 3.102 hồ sơ.';
    expect(names(province)[1]).not.toBe('Bộ Giao thông vận tải');
    const two = 'Bộ Giao thông vận tải và Bộ Công an đã thống nhất quy trình.\nĐã giải quyết 3.102 hồ sơ.';
    expect(names(two)).not.toContain('Bộ Giao thông vận tải');
  });

  it('takes a ministry a title names past its opening, unless it announces', () => {
    const text = 'Năm 2023, đã có 11.962 hồ sơ được nộp trực tuyến.';
    expect(names(text, { ...paper, title: 'Gần 96% hồ sơ gửi Bộ Xây dựng được tiếp nhận trực tuyến' })).toEqual(['Bộ Xây dựng']);
    expect(names(text, { ...paper, title: 'Chỉ số cải cách hành chính: Bộ Nội vụ công bố kết quả' })).not.toContain('Bộ Nội vụ');
  });
});

describe('departments only some cities have (stop 40)', () => {
  it('reads "Sở Quy hoạch - Kiến trúc" and "Sở Du lịch" as departments of the province', () => {
    const ctx: ExtractionContext = { publishedAt: new Date('2022-01-06T08:00:00+07:00'), publisher: { id: 'p', name: 'UBND thành phố Hà Nội', level: 'tinh' }, title: null };
    const names = (text: string) => extractWithSignals(text, ctx).result.figures.map((f) => f.subject.name);
    expect(names('Năm 2021, Sở Quy hoạch - Kiến trúc đã tiếp nhận 1.541 hồ sơ.')).toEqual(['Sở Quy hoạch - Kiến trúc Hà Nội']);
    expect(names('Năm 2021, Sở Du lịch đã tiếp nhận 412 hồ sơ.')).toEqual(['Sở Du lịch Hà Nội']);
  });

  it('reads "TP." that ends a sentence before "Tính từ …" as no city named Tính (d4959)', () => {
    // Our words, the structure of d4959: the abbreviation closes one sentence, "Tính từ đầu năm" opens the next.
    // A national paper: no publisher to fall back on, so the nearest name would be taken.
    const text = 'Cũng trong tháng 9/2022, TP tiếp tục triển khai phần mềm một cửa điện tử và Dịch vụ công trực tuyến TP. Tính từ đầu năm đến ngày 20/9/2022, đã tiếp nhận 21.543 hồ sơ.';
    const [f] = figuresOf(text, '2022-09-25', { publisher: null, title: 'Hải Phòng: vận hành Cổng Dịch vụ công trực tuyến' });
    expect(f.value).toBe(21543);
    expect(f.subject.name).not.toMatch(/Tính/u);
    // A city whose name only starts like such a word is still a city ("TP. Tuy Hòa").
    const [g] = figuresOf('Năm 2022, TP. Tuy Hòa đã tiếp nhận 8.120 hồ sơ.', '2022-09-25', { publisher: null, title: 'Phú Yên: vận hành Cổng Dịch vụ công' });
    expect(g.subject.name).toMatch(/Tuy Hòa/u);
  });

  it('never reads a level word ending a line and the next line\'s first word as a named unit', () => {
    // A headline that ends on "cấp xã", then a paragraph opening "Đến …": no commune named "Đến", nor one named "xã".
    const text = 'Dịch vụ công trực tuyến ở cấp xã\n\nĐến tháng 5/2024, tổng số dịch vụ công trực tuyến toàn trình ở cấp xã là 2.340 dịch vụ.';
    const province = { id: 'u-province', name: 'Tỉnh Quảng Bình', level: 'tinh' };
    const [f] = figuresOf(text, '2024-06-10', { publisher: province });
    expect(f.value).toBe(2340);
    expect(f.subject).toMatchObject({ scope: 'subunits', subunitLevel: 'xa' });
  });
});

describe('joint holders (stop 49)', () => {
  it('gives each unit named jointly before "cùng"/"đều" the figure, and a count two units reached together to neither alone', () => {
    const shares = figuresOf('Năm 2023, phường Tây Thạnh và phường Sơn Kỳ đều có tỷ lệ hồ sơ đúng hạn 100%.').filter((f) => f.metric === 'on_time_rate');
    expect(shares.map((f) => foldVietnamese(f.subject.name)).sort()).toEqual(['phuong son ky', 'phuong tay thanh']);
    // Without "cùng"/"đều" a count is the two units' sum: no copy is made for the first.
    const counts = figuresOf('Năm 2023, phường Tây Thạnh và phường Sơn Kỳ tiếp nhận 5.120 hồ sơ.').filter((f) => f.metric === 'dossiers_received');
    expect(counts).toHaveLength(1);
  });

  it('gives each unit of a joint place the place, but not a unit that closed the clause before', () => {
    const ranks = figuresOf('Chỉ số cải cách hành chính năm 2023: phường Tây Thạnh và phường Sơn Kỳ xếp thứ 1 với 92 điểm.').filter((f) => f.metric === 'par_index_rank');
    expect(ranks.map((f) => foldVietnamese(f.subject.name)).sort()).toEqual(['phuong son ky', 'phuong tay thanh']);
    const places = figuresOf('Chỉ số cải cách hành chính năm 2023: xếp thứ 2 là phường Tây Thạnh và phường Sơn Kỳ xếp thứ 3.').filter((f) => f.metric === 'par_index_rank');
    expect(places.map((f) => [f.value, foldVietnamese(f.subject.name)])).toEqual([[2, 'phuong tay thanh'], [3, 'phuong son ky']]);
  });
});

describe("one office head shared by a list of places (stop 53)", () => {
  it('names one office per place, and never an agency listed after a head word as that head\'s office', () => {
    const ranks = figuresOf('Năm 2021, theo bảng xếp hạng Chỉ số cải cách hành chính, Cục Hải quan Bình Dương, Long An và Cần Thơ đứng thứ 2 với 88/90 điểm.')
      .filter((f) => f.metric === 'par_index_rank');
    expect(ranks.map((f) => foldVietnamese(f.subject.name)).sort()).toEqual(['cuc hai quan binh duong', 'cuc hai quan can tho', 'cuc hai quan long an']);
    // "Bảo hiểm xã hội Việt Nam, Bộ Tư pháp và Bộ Tài chính" lists agencies: no "Bảo hiểm xã hội Bộ Tư pháp".
    const places = figuresOf('Năm 2024, Bảo hiểm xã hội Việt Nam, Bộ Tư pháp và Bộ Tài chính cùng đứng thứ 1 về Chỉ số cải cách hành chính.', '2025-02-15');
    expect(places.length).toBeGreaterThan(0);
    expect(places.filter((f) => /^bao hiem xa hoi bo/.test(foldVietnamese(f.subject.name)))).toEqual([]);
  });
});

describe("the province's place on a ward's or a district's page (stop 52)", () => {
  const on = new Date('2023-06-12T09:00:00+07:00');
  /** The figures a ward of Hà Nội's page reads in `text`, its subjects resolved through the gazetteer. */
  const onWardPage = (text: string) => {
    const ctx = packageSubjectContext({ name: 'Phường Dịch Vọng', level: 'phuong', province: 'Thành phố Hà Nội', on });
    expect(ctx).not.toBeNull();
    return extractWithSignals(text, { publishedAt: on, publisher: ctx!.publisher, resolver: ctx!.resolver, title: null }).result.figures;
  };

  it('files a place among the provinces under the province, not the ward that publishes it (t066)', () => {
    const text = 'Năm 2022, công tác cải cách hành chính có nhiều chuyển biến; Chỉ số PAR INDEX của Thành phố xếp thứ 4/63 tỉnh, thành phố trực thuộc Trung ương.';
    expect(onWardPage(text).map((f) => [f.metric, f.value, f.total, f.subject.name])).toEqual([['par_index_rank', 4, 63, 'Thành phố Hà Nội']]);
  });

  it("keeps a place among the ward's own peers the ward's", () => {
    const peers = 'Năm 2022, Chỉ số cải cách hành chính của Phường xếp thứ 4/21 phường, thị trấn.';
    expect(onWardPage(peers).map((f) => [f.metric, f.value, f.subject.name])).toEqual([['par_index_rank', 4, 'Phường Dịch Vọng']]);
  });
});
