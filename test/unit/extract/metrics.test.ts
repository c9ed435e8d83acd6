/**
 * Metric classification, kind and comparator, table-style. Sentences are our own, written in the style of
 * district portal reports; none is copied from an article.
 */
import { METRIC_CODES } from '../../../src/modules/metric/metric-catalogue';
import { METRIC_CUES } from '../../../ingest/extract/lexicon';
import { figuresFromText } from '../../../ingest/extract/figures';
import { brief, ctxFor, figuresOf } from './helpers';

type Expected = Partial<{ metric: string; value: number; total: number | null; unit: string; kind: string; comparator: string }>;

describe('metric classification (cue before or after the number)', () => {
  it.each<[string, Expected[]]>([
    ['Tỷ lệ người dân hài lòng với sự phục vụ của quận đạt 96,4%.', [{ metric: 'satisfaction_rate', value: 96.4, unit: 'percent' }]],
    ['Có 97% lượt đánh giá hài lòng tại Bộ phận một cửa.', [{ metric: 'satisfaction_rate', value: 97 }]],
    ['99,2% hồ sơ được giải quyết đúng và trước hạn.', [{ metric: 'on_time_rate', value: 99.2 }]],
    ['Quận đã tiếp nhận 12.480 hồ sơ, đã giải quyết 12.301 hồ sơ.', [
      { metric: 'dossiers_received', value: 12480, unit: 'count' },
      { metric: 'dossiers_resolved', value: 12301, unit: 'count' },
    ]],
    ['Còn 15 hồ sơ trễ hạn do phải chờ xác minh.', [{ metric: 'late_dossiers', value: 15, unit: 'count' }]],
    ['Trong số hồ sơ tiếp nhận, có 4.020 hồ sơ nộp trực tuyến, chiếm 32,2%.', [
      { metric: 'online_dossiers', value: 4020 },
      { metric: 'online_dossier_rate', value: 32.2 },
    ]],
    ['Quận cung cấp 120 dịch vụ công trực tuyến mức độ 3 và 64 dịch vụ công trực tuyến mức độ 4.', [
      { metric: 'online_services_l3', value: 120 },
      { metric: 'online_services_l4', value: 64 },
    ]],
    ['Hiện có 88 dịch vụ công trực tuyến toàn trình và 52 dịch vụ công trực tuyến một phần.', [
      { metric: 'online_services_full', value: 88 },
      { metric: 'online_services_partial', value: 52 },
    ]],
    ['Tỷ lệ hồ sơ trả kết quả qua dịch vụ bưu chính công ích đạt 23,5%.', [{ metric: 'postal_rate', value: 23.5 }]],
    ['Tỷ lệ thanh toán phí, lệ phí trực tuyến đạt 61%.', [{ metric: 'e_payment_rate', value: 61 }]],
    ['Tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt 88%.', [{ metric: 'digitisation_rate', value: 88 }]],
    ['100% thủ tục hành chính được công khai trên trang thông tin điện tử.', [{ metric: 'procedures_published_rate', value: 100 }]],
    ['100% cơ quan chuyên môn áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.', [{ metric: 'iso_rate', value: 100 }]],
    ['100% phản ánh, kiến nghị của người dân đã được xử lý.', [{ metric: 'feedback_handled_rate', value: 100 }]],
    ['Kết quả đã hoàn thành 9/10 chỉ tiêu cải cách hành chính.', [{ metric: 'targets_met', value: 9, total: 10 }]],
    ['Quận hoàn thành 21/24 nhiệm vụ đề ra.', [{ metric: 'tasks_completed', value: 21, total: 24 }]],
    ['Cán bộ, công chức đăng ký 45 sáng kiến cải cách hành chính.', [{ metric: 'initiatives', value: 45 }]],
    ['Năm qua quận tinh giản 14 biên chế.', [{ metric: 'staff_reduction', value: 14 }]],
    ['Quận kiểm tra công tác cải cách hành chính tại 8 đơn vị.', [{ metric: 'inspection_rate', value: 8, unit: 'count' }]],
    ['Chỉ số cải cách hành chính của quận đạt 85,31 điểm, xếp thứ 6/24 quận, huyện.', [
      { metric: 'par_index_score', value: 85.31, unit: 'score' },
      { metric: 'par_index_rank', value: 6, total: 24, unit: 'rank' },
    ]],
    ['Thời gian giải quyết bình quân một hồ sơ là 3,5 ngày làm việc.', [{ metric: 'processing_days', value: 3.5, unit: 'day' }]],
    ['Kết quả đạt 91,75/100 điểm theo Bộ chỉ số phục vụ người dân, doanh nghiệp.', [{ metric: 'service_index_score', value: 91.75, total: 100 }]],
  ])('%s', (text, expected) => {
    const figures = figuresOf(text, '2023-12-20');
    expect(figures.map(brief)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });
});

describe('actual vs target and comparators', () => {
  it.each<[string, Expected[]]>([
    ['Năm 2024, quận phấn đấu tỷ lệ hài lòng đạt từ 95% trở lên.', [{ metric: 'satisfaction_rate', kind: 'target', comparator: 'gte', value: 95 }]],
    ['Quận cam kết 100% phản ánh được xử lý đúng hạn.', [{ metric: 'feedback_handled_rate', kind: 'target', comparator: 'eq' }]],
    ['Phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 70%.', [{ metric: 'online_dossier_rate', kind: 'target', comparator: 'gt', value: 70 }]],
    ['Phấn đấu tỷ lệ hồ sơ trễ hạn dưới 1%.', [{ metric: 'late_dossiers', kind: 'target', comparator: 'lt', value: 1 }]],
    ['Yêu cầu không để hồ sơ trễ hạn quá 2%.', [{ metric: 'late_dossiers', kind: 'target', comparator: 'lte', value: 2 }]],
    // A bare target states its number (docs/labelling.md, rule 3); a rise and a share whose exception names a floor are floors.
    ['Phấn đấu 98% hồ sơ được giải quyết đúng hạn.', [{ metric: 'on_time_rate', kind: 'target', comparator: 'eq' }]],
    ['Phấn đấu 98% hồ sơ được giải quyết đúng hạn (riêng lĩnh vực đất đai từ 95% trở lên).', [
      { metric: 'on_time_rate', kind: 'target', comparator: 'gte', value: 98 },
      { metric: 'on_time_rate', kind: 'target', comparator: 'gte', value: 95 },
    ]],
    ['Phấn đấu tỷ lệ hồ sơ trực tuyến năm 2024 tăng 3% so với năm 2023.', [{ metric: 'online_dossier_rate', kind: 'target', comparator: 'gte', value: 3 }]],
    ['Kiểm tra tối thiểu 25% cơ quan chuyên môn.', [{ metric: 'inspection_rate', kind: 'target', comparator: 'gte', value: 25 }]],
    ['Quận đã đạt 97% hồ sơ đúng hạn.', [{ metric: 'on_time_rate', kind: 'actual', comparator: 'eq' }]],
    ['Có hơn 60 sáng kiến được công nhận.', [{ metric: 'initiatives', kind: 'actual', comparator: 'gt', value: 60 }]],
  ])('%s', (text, expected) => {
    expect(figuresOf(text).map(brief)).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('inherits "target" through a list a commitment opens', () => {
    const text = 'UBND quận cam kết thực hiện các chỉ tiêu sau:\n\n1. 100% hồ sơ được số hóa.\n\n2. Tỷ lệ hài lòng đạt 93%.';
    expect(figuresOf(text).map(brief)).toEqual([
      expect.objectContaining({ metric: 'digitisation_rate', kind: 'target', comparator: 'eq' }),
      expect.objectContaining({ metric: 'satisfaction_rate', kind: 'target', comparator: 'eq', value: 93 }),
    ]);
  });

  it('reads hedges: approximate, ranges, scale words', () => {
    const [approx] = figuresOf('Tỷ lệ hồ sơ nộp qua mạng chiếm khoảng 35%.');
    expect(approx).toMatchObject({ metric: 'online_dossier_rate', value: 35, approximate: true });
    const [range] = figuresOf('Phấn đấu tỷ lệ hồ sơ qua bưu chính công ích đạt 20 - 30%.');
    expect(range).toMatchObject({ value: 20, upperBound: 30, unit: 'percent', kind: 'target' });
    // A result stated as a range spreads over several things: refused, with its reason.
    const actualRange = figuresFromText('Tỷ lệ hồ sơ qua bưu chính công ích đạt 20 - 30%.', ctxFor());
    expect(actualRange.figures).toEqual([]);
    expect(actualRange.dropped.map((d) => d.reason)).toContain('range_of_values');
    const [scaled] = figuresOf('Toàn tỉnh tiếp nhận 1,2 triệu hồ sơ.');
    expect(scaled).toMatchObject({ metric: 'dossiers_received', value: 1200000 });
    const [spaced] = figuresOf('Mức độ hài lòng đạt 98,7 %.');
    expect(spaced).toMatchObject({ metric: 'satisfaction_rate', value: 98.7 });
  });
});

describe('counts that are not results', () => {
  it('drops a backlog ("đang giải quyết") but keeps the received and resolved counts', () => {
    const figures = figuresOf('Sở tiếp nhận 9.120 hồ sơ, đã giải quyết 8.700 hồ sơ; còn 420 hồ sơ đang giải quyết trong hạn.');
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['dossiers_received', 9120], ['dossiers_resolved', 8700]]);
  });

  it('reads one count "tiếp nhận và giải quyết" as both received and resolved, and only a joint verb does', () => {
    const joint = figuresOf('Năm 2023, quận đã tiếp nhận và giải quyết gần 8 nghìn hồ sơ.', '2023-12-20');
    expect(joint.map((f) => [f.metric, f.value])).toEqual([['dossiers_resolved', 8000], ['dossiers_received', 8000]]);
    const comma = figuresOf('Số hồ sơ quận tiếp nhận, xử lý là 1.215 hồ sơ.', '2023-12-20');
    expect(comma.map((f) => [f.metric, f.value]).sort()).toEqual([['dossiers_received', 1215], ['dossiers_resolved', 1215]]);
    // Each verb with its own count, a joint verb's channel, and "giải quyết và trả kết quả" stay one reading each.
    expect(figuresOf('Quận tiếp nhận 950 hồ sơ và giải quyết 900 hồ sơ.', '2023-12-20').map((f) => f.metric)).toEqual(['dossiers_received', 'dossiers_resolved']);
    expect(figuresOf('Quận đã tiếp nhận và giải quyết trực tuyến 320 hồ sơ.', '2023-12-20').map((f) => f.metric)).toEqual(['online_dossiers']);
    expect(figuresOf('Quận đã giải quyết và trả kết quả 640 hồ sơ.', '2023-12-20').map((f) => f.metric)).toEqual(['dossiers_resolved']);
  });

  it('reads one field\'s processing time in a plan as an other target, even after a rate in the same sentence', () => {
    const figures = figuresOf('Năm 2024 phấn đấu tỷ lệ hồ sơ đúng hạn đạt 99%, rút ngắn thời gian giải quyết hồ sơ đất đai còn 12 ngày.');
    // One field's time is other (labelling rule 17); its kind is still the plan's.
    expect(figures[1]).toMatchObject({ metric: 'other', value: 12, unit: 'day', kind: 'target' });
  });
});

describe('an online topic named before the counts (stop 23)', () => {
  // Our own sentences: the channel named once at the head of a sentence ("Đối với … trực tuyến, …"), or by a topic
  // sentence that the next one details ("Số hồ sơ … trực tuyến tăng … . Cụ thể, …"), governs the counts that follow.
  it('reads counts and bare shares after "Đối với việc tiếp nhận … hồ sơ … trực tuyến," as online dossiers', () => {
    const figures = figuresOf('Đối với việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến, UBND quận đã tiếp nhận 1.350 hồ sơ, đạt 41,2%; UBND các phường tiếp nhận 2.480 hồ sơ, đạt 30,5%.', '2023-06-30');
    expect(figures.map((f) => [f.metric, f.value])).toEqual([
      ['online_dossiers', 1350], ['online_dossier_rate', 41.2], ['online_dossiers', 2480], ['online_dossier_rate', 30.5],
    ]);
  });

  it('carries the online topic of a sentence without numbers into the sentence that details it', () => {
    const figures = figuresOf('Số hồ sơ tiếp nhận qua dịch vụ công trực tuyến của quận tăng đều qua từng năm. Cụ thể, năm 2022 quận tiếp nhận 615 hồ sơ.', '2023-06-30');
    expect(figures.map((f) => [f.metric, f.value])).toEqual([['online_dossiers', 615]]);
  });

  it('keeps other channels, topics with figures of their own and details naming their own channel as they were', () => {
    expect(figuresOf('Đối với hồ sơ nộp trực tiếp, UBND quận đã tiếp nhận 900 hồ sơ.', '2023-06-30').map((f) => f.metric)).not.toContain('online_dossiers');
    const own = figuresOf('Số hồ sơ tiếp nhận qua dịch vụ công trực tuyến của quận tăng đều qua từng năm. Cụ thể, năm 2022 quận tiếp nhận 900 hồ sơ, trong đó 615 hồ sơ trực tuyến.', '2023-06-30');
    expect(own.map((f) => [f.metric, f.value])).toEqual([['dossiers_received', 900], ['online_dossiers', 615]]);
    const counted = figuresOf('Số hồ sơ trực tuyến của quận năm 2021 là 400 hồ sơ. Cụ thể, năm 2022 quận tiếp nhận 900 hồ sơ.', '2023-06-30');
    expect(counted.find((f) => f.value === 900)?.metric).toBe('dossiers_received');
    const both = figuresOf('Số hồ sơ nộp trực tuyến và trực tiếp của quận đều tăng qua từng năm. Cụ thể, năm 2022 quận tiếp nhận 900 hồ sơ.', '2023-06-30');
    expect(both.map((f) => [f.metric, f.value])).toEqual([['dossiers_received', 900]]);
  });
});

describe('shares that name their own measure', () => {
  // Our own sentences. A share whose clause opens with "tỷ lệ <what>" and no cue of any metric is that measure's, not the
  // previous figure's metric nor the score of the index the article is about (d624, d626, d419).
  it('does not continue the previous figure into a share named for something else', () => {
    const late = figuresOf('Tỷ lệ hồ sơ trễ hạn của quận còn cao, cấp quận trên 6%, cấp phường trên 2%; tỷ lệ hồ sơ bị từ chối, trả lại chiếm trên 9%.', '2023-12-20');
    expect(late.map((f) => [f.metric, f.value])).toEqual([['late_dossiers', 6], ['late_dossiers', 2]]);
    const services = figuresOf('Năm 2023 quận phấn đấu tỷ lệ dịch vụ công trực tuyến toàn trình đạt 100%; tỷ lệ dịch vụ công có phát sinh hồ sơ trực tuyến đạt 70%.', '2023-03-20');
    expect(services.map((f) => [f.metric, f.value])).toEqual([['online_services_full', 100]]);
  });

  it('does not read such a share as the score of the index the article names', () => {
    const text = 'Năm 2023, Chỉ số hài lòng về sự phục vụ hành chính của quận đạt 88,1%.\n\nTỷ lệ hồ sơ được trả kết quả điện tử trên địa bàn quận Tân Phú mới đạt 71,5%.';
    expect(figuresOf(text, '2024-02-10').map((f) => [f.metric, f.value])).toEqual([['satisfaction_rate', 88.1]]);
  });

  it('keeps a restated share and a share with its own cue', () => {
    expect(figuresOf('Quận đạt tỷ lệ hồ sơ đúng hạn 98,5%, tỷ lệ này ở cấp phường là 99,1%.', '2023-12-20').map((f) => [f.metric, f.value])).toEqual([['on_time_rate', 98.5], ['on_time_rate', 99.1]]);
    expect(figuresOf('Tỷ lệ hồ sơ đúng hạn đạt 98,5%; tỷ lệ hồ sơ trễ hạn là 1,5%.', '2023-12-20').map((f) => [f.metric, f.value])).toEqual([['on_time_rate', 98.5], ['late_dossiers', 1.5]]);
  });
});

describe('counts under an online-dossier topic', () => {
  // Our own sentences (d549, d046): the topic is named before the counts, in a leading clause or in the sentence that a
  // "Cụ thể, …" sentence details; the counts and bare shares under it are the online channel's.
  it('reads the received counts and bare shares after "Đối với việc tiếp nhận, giải quyết hồ sơ … trực tuyến," as online', () => {
    const text = 'Đối với việc tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến, UBND quận đã tiếp nhận 3.120 hồ sơ, đạt 41,2%.';
    expect(figuresOf(text, '2023-07-05').map((f) => [f.metric, f.value])).toEqual([['online_dossiers', 3120], ['online_dossier_rate', 41.2]]);
  });

  it('reads a "Cụ thể, …" count after a sentence about online dossiers as online, and only then', () => {
    const online = 'Số hồ sơ tiếp nhận qua dịch vụ công trực tuyến của quận tăng qua từng năm. Cụ thể, năm 2022 quận tiếp nhận 512 hồ sơ.';
    expect(figuresOf(online, '2023-07-05').map((f) => [f.metric, f.value])).toEqual([['online_dossiers', 512]]);
    const all = 'Số hồ sơ quận tiếp nhận tăng qua từng năm. Cụ thể, năm 2022 quận tiếp nhận 512 hồ sơ.';
    expect(figuresOf(all, '2023-07-05').map((f) => [f.metric, f.value])).toEqual([['dossiers_received', 512]]);
  });
});

describe('procedures published', () => {
  // Our own sentences (d068, d061, d548): a publication verb ("cập nhật", "công khai", "công bố") makes a share the
  // procedures published only when it is a share of procedures.
  it('reads a share of procedures made public', () => {
    expect(figuresOf('Quận đã công khai 100% thủ tục hành chính trên Cổng dịch vụ công.', '2023-07-05').map((f) => [f.metric, f.value])).toEqual([['procedures_published_rate', 100]]);
    expect(figuresOf('Tỷ lệ TTHC được công bố đúng hạn đạt 96,5%.', '2023-07-05').map((f) => [f.metric, f.value])).toEqual([['procedures_published_rate', 96.5]]);
  });

  it('does not read a share of something else after a publication verb as procedures published', () => {
    expect(figuresOf('Công an quận đã cập nhật được 98,7% thông tin của công dân vào cơ sở dữ liệu.', '2023-07-05').map((f) => f.metric)).toEqual([]);
    const results = figuresOf('Đến nay, 100% kết quả xử lý hồ sơ TTHC của quận được đồng bộ đầy đủ lên Cổng dịch vụ công quốc gia và công bố, công khai đúng hạn.', '2023-07-05');
    expect(results.map((f) => f.metric)).not.toContain('procedures_published_rate');
  });
});

describe('cuts that are no staff cuts', () => {
  // Our own sentences: "cắt giảm" of procedures, business conditions, processing time or compliance cost is reform of
  // procedures, not a cut in staff.
  it('reads a cut of procedures or business conditions as no staff reduction', () => {
    const figures = figuresOf('Năm 2025, có 1.520/2.400 thủ tục hành chính được cắt giảm hoặc đơn giản hóa, đạt 63,3%; 840/2.100 điều kiện kinh doanh được cắt giảm, tương ứng 40%.', '2025-11-20');
    expect(figures.filter((f) => f.metric === 'staff_reduction')).toEqual([]);
    expect(figures.filter((f) => f.value === 40).map((f) => f.metric)).toEqual(['other']);
  });

  it('reads a cut of processing time or cost as no staff reduction', () => {
    const figures = figuresOf('Năm 2025, các sở bảo đảm cắt giảm ít nhất: 30% thời gian giải quyết thủ tục hành chính, 30% chi phí tuân thủ.', '2025-06-20');
    expect(figures.filter((f) => f.metric === 'staff_reduction')).toEqual([]);
    const plan = figuresOf('Các sở khi trình công bố thủ tục hành chính mới phải tham mưu cắt giảm 20% thời gian giải quyết so với quy định.', '2019-06-20');
    expect(plan.filter((f) => f.metric === 'staff_reduction')).toEqual([]);
  });

  it('keeps a cut of staff', () => {
    expect(figuresOf('Năm 2023, huyện cắt giảm 12 biên chế công chức.', '2024-01-10').map((f) => [f.metric, f.value])).toEqual([['staff_reduction', 12]]);
    expect(figuresOf('Giai đoạn 2015-2021, tỉnh đã cắt giảm 10,2% biên chế so với năm 2015.', '2022-01-10').map((f) => f.metric)).toEqual(['staff_reduction']);
  });
});

describe('changes are not levels', () => {
  it('stores "tăng N so với năm Y" as a change with its baseline year', () => {
    const figures = figuresOf('Số thủ tục cung cấp dịch vụ công trực tuyến mức độ 4 là 52 thủ tục, tăng 19 thủ tục so với năm 2022.', '2023-12-20');
    expect(figures).toEqual([
      expect.objectContaining({ metric: 'online_services_l4', value: 52, change: false }),
      expect.objectContaining({ metric: 'online_services_l4', value: 19, change: true, baselineYear: 2022 }),
    ]);
  });

  it('reads "so với cùng kỳ" as the year before the period', () => {
    const [, change] = figuresOf('Năm 2023, tỷ lệ hồ sơ trực tuyến đạt 52%, tăng 11% so với cùng kỳ.', '2024-01-10');
    expect(change).toMatchObject({ value: 11, change: true, baselineYear: 2022 });
  });
});

describe('metric codes', () => {
  it('every lexicon metric is in the catalogue', () => {
    for (const entry of METRIC_CUES) expect(METRIC_CODES.has(entry.metric)).toBe(true);
  });

  it('a longer cue phrase takes a shorter one from another metric only where that is meant (the cue regex matches the longest)', () => {
    // "hồ sơ được xử lý trực tuyến" once spoke only for the online share: a count under it had no cue at all (r-286).
    const metricsOf = new Map<string, Set<string>>();
    for (const e of METRIC_CUES) for (const c of e.cues) (metricsOf.get(c) ?? metricsOf.set(c, new Set()).get(c)!).add(e.metric);
    const shadows: string[] = [];
    for (const [long, longMetrics] of metricsOf) {
      for (const [short, shortMetrics] of metricsOf) {
        if (short === long || !new RegExp(`(?<![a-z@])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(long)) continue;
        for (const m of shortMetrics) if (!longMetrics.has(m)) shadows.push(`${long} > ${short}: ${m}`);
      }
    }
    // Each of these longer phrases means something else than the shorter one inside it.
    expect(shadows.sort()).toEqual([
      'cham giai quyet > giai quyet: dossiers_resolved', 'chat luong phuc vu giai quyet thu tuc hanh chinh > giai quyet: dossiers_resolved', 'chua dung han > dung han: on_time_rate', 'cong bo dung han > dung han: on_time_rate',
      'cong khai dung han > dung han: on_time_rate', 'dich vu cong truc tuyen > truc tuyen: online_dossier_rate',
      'giai quyet cham > giai quyet: dossiers_resolved', 'giai quyet som > giai quyet: dossiers_resolved',
      'giai quyet truc tuyen toan trinh > giai quyet: dossiers_resolved', 'giai quyet truc tuyen toan trinh > toan trinh: online_services_full',
      'giam thoi gian > giam: staff_reduction', 'ho so truc tuyen toan trinh > toan trinh: online_services_full',
      'khong dung han > dung han: on_time_rate', 'khong dung hen > dung hen: on_time_rate', 'khong dung thoi han > dung thoi han: on_time_rate',
      'muc do hai long > hai long: sipas_score', 'nop truc tuyen toan trinh > toan trinh: online_services_full',
      'rat hai long > hai long: sipas_score', 'su dung dich vu cong truc tuyen > truc tuyen: online_dossier_rate',
      'su hai long > hai long: sipas_score', 'thanh toan truc tuyen > truc tuyen: online_dossier_rate',
      'thanh toan truc tuyen > truc tuyen: online_dossiers', 'thoi gian giai quyet > giai quyet: dossiers_resolved',
      'thoi han giai quyet > giai quyet: dossiers_resolved', 'tiep nhan tren cong dich vu cong > tiep nhan: dossiers_received',
      'tiep nhan truc tuyen toan trinh > tiep nhan: dossiers_received',
      'tiep nhan truc tuyen toan trinh > toan trinh: online_services_full', 'tra loi dung han > dung han: on_time_rate',
      'ty le hai long > hai long: sipas_score', 'xu ly truc tuyen > xu ly: dossiers_resolved',
      'xu ly truc tuyen toan trinh > toan trinh: online_services_full', 'xu ly truc tuyen toan trinh > xu ly: dossiers_resolved',
      'yeu cau giai quyet > giai quyet: dossiers_resolved',
    ].sort());
  });

  it('every extracted metric is in the catalogue', () => {
    const text = [
      'Quận tiếp nhận 3.100 hồ sơ, giải quyết đúng hạn 99%; 100% văn bản được rà soát.',
      'Chỉ số SIPAS đạt 84,5 điểm; xếp thứ 3/22 về chỉ số cải cách hành chính.',
    ].join('\n');
    const figures = figuresOf(text);
    expect(figures.length).toBeGreaterThan(2);
    for (const f of figures) expect(METRIC_CODES.has(f.metric)).toBe(true);
  });
});

describe('the next place of a list of places (stop 53)', () => {
  it('reads "xếp thứ 2, 3" as two places, but a count with its noun after "thứ 2, " as no place', () => {
    const ranks = figuresOf('Năm 2022, về Chỉ số cải cách hành chính, Sở Tư pháp, Sở Nội vụ lần lượt xếp thứ 2, 3.').filter((f) => f.unit === 'rank');
    expect(ranks.map((f) => f.value)).toEqual([2, 3]);
    const counted = figuresOf('Năm 2023, về Chỉ số cải cách hành chính, huyện xếp thứ 2, 35 hồ sơ đã được giải quyết trước hạn.');
    expect(counted.filter((f) => f.unit === 'rank' && f.value === 35)).toEqual([]);
  });
});
