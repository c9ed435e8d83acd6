/** Stop 23, brief "served": wrong figures the engine was sure of on fresh articles (d651–d675). */
import { figuresFromText } from '../../../ingest/extract/figures';
import type { ExtractedFigure } from '../../../ingest/types';

function figures(text: string, published: string): ExtractedFigure[] {
  return figuresFromText(text, { publishedAt: new Date(`${published}T10:00:00+07:00`), publisher: { id: 'p', name: 'Báo Tin Tức', level: 'newspaper' } }).figures;
}

describe('a rank with the field it is counted in', () => {
  it('"đứng thứ ba trong tổng số 34 tỉnh" is third of 34 (d042)', () => {
    const fs = figures('Tính đến giữa tháng 8, tỉnh Hà Tĩnh đứng thứ ba trong tổng số 34 tỉnh, thành trên cả nước về Bộ chỉ số phục vụ người dân và doanh nghiệp.', '2025-08-20');
    expect(fs.map((f) => [f.metric, f.value, f.total])).toEqual([['service_index_rank', 3, 34]]);
  });
  it('"xếp hạng 3 trong số 34 tỉnh, thành" is third of 34 (d670)', () => {
    const fs = figures('Theo Bộ chỉ số phục vụ người dân, doanh nghiệp, đến ngày 20/8, UBND tỉnh Hà Tĩnh là đơn vị xếp hạng 3 trong số 34 tỉnh, thành.', '2025-08-20');
    expect(fs.map((f) => [f.metric, f.value, f.total])).toEqual([['service_index_rank', 3, 34]]);
  });
});

describe('dossiers late to be received on the national portal', () => {
  it('"còn 640 hồ sơ chậm được tiếp nhận" are neither dossiers received nor dossiers resolved late (d666)', () => {
    const fs = figures('Trong tháng 9-2025, tỉnh Hà Tĩnh còn 640 hồ sơ chậm được tiếp nhận trên Cổng Dịch vụ công quốc gia và 210 hồ sơ giải quyết quá hạn.', '2025-10-10');
    expect(fs.map((f) => [f.metric, f.value])).toEqual([['other', 640], ['late_dossiers', 210]]);
  });
  it('"540 hồ sơ quá hạn tiếp nhận" is no count of dossiers resolved late (d667)', () => {
    const fs = figures('Qua kiểm tra, trong tháng 9-2025, toàn tỉnh Hà Tĩnh có 540 hồ sơ quá hạn tiếp nhận.', '2025-10-10');
    expect(fs.map((f) => [f.metric, f.value])).toEqual([['other', 540]]);
  });
});

describe('the components of the service index listed after its total', () => {
  it('"Trong đó, điểm công khai, minh bạch là 15,2; tiến độ giải quyết đạt 18,4 điểm …" are components, not the index (d670, like d042)', () => {
    const fs = figures('Theo Bộ chỉ số phục vụ người dân, doanh nghiệp, đến ngày 20/8, tỉnh Hà Tĩnh xếp thứ 3 cả nước.\n\nTổng điểm của UBND tỉnh Hà Tĩnh là 85,12. Trong đó, điểm công khai, minh bạch là 15,2; tiến độ giải quyết đạt 18,4 điểm; dịch vụ trực tuyến là 16,9 điểm; mức độ hài lòng của người dân là 17,3 điểm; số hóa hồ sơ đạt 15,8 điểm.', '2025-08-20');
    const parts = fs.filter((f) => f.value < 25 && f.unit === 'score');
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.map((f) => [f.value, f.metric])).toEqual(parts.map((f) => [f.value, 'other']));
  });
});

describe('a share of the late dossiers themselves', () => {
  it('"Trong số 2.410 hồ sơ xử lý quá hạn …, phường A có 1.200 hồ sơ, chiếm gần 50%" is a part of the late dossiers, not a late rate (d624)', () => {
    const fs = figures('Trong số 2.410 hồ sơ xử lý quá hạn trên địa bàn tỉnh Hà Tĩnh, thành phố Hà Tĩnh có 1.200 hồ sơ, chiếm tỉ lệ gần 50%.', '2026-02-01');
    expect(fs.filter((f) => f.unit === 'percent').map((f) => [f.metric, f.value])).toEqual([['other', 50]]);
  });
  it('"70% số hồ sơ bị quá hạn là do …, 30% còn lại do …" splits the late dossiers by cause (d667)', () => {
    const fs = figures('Theo Văn phòng UBND tỉnh Hà Tĩnh, 70% số hồ sơ bị quá hạn là do phần mềm đồng bộ chậm, 30% còn lại do cán bộ thao tác sai quy trình.', '2025-10-01');
    expect(fs.filter((f) => f.unit === 'percent').map((f) => [f.metric, f.value])).toEqual([['other', 70], ['other', 30]]);
  });
});

describe('a list of targets after a colon', () => {
  it('"Các tiêu chí … theo Nghị quyết 57 của Trung ương gồm: tỷ lệ đúng hạn với 99%, …" are targets, not results (d673)', () => {
    const fs = figures('Theo Văn phòng UBND tỉnh, các tiêu chí trong giải quyết thủ tục hành chính theo Nghị quyết 57 của Trung ương gồm: tỷ lệ hồ sơ đúng hạn với 98%, tỷ lệ thanh toán trực tuyến với 55%.', '2025-09-01');
    expect(fs.map((f) => [f.metric, f.value, f.kind])).toEqual([['on_time_rate', 98, 'target'], ['e_payment_rate', 55, 'target']]);
  });
  it('every item of "UBND tỉnh đề ra một số mục tiêu: …; …" is a target, however long the list (d419)', () => {
    const item = 'tỷ lệ thủ tục hành chính được cung cấp trên nhiều phương tiện truy cập khác nhau, kể cả thiết bị di động, đạt 100%; ';
    const fs = figures(`Về phát triển chính quyền số, UBND tỉnh đề ra một số mục tiêu: ${item.repeat(4)}tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 60%.`, '2023-04-10');
    const last = fs.find((f) => f.value === 60);
    expect(last?.kind).toBe('target');
  });
});

describe('an index score stated in points and in per cent (stop 24, d764)', () => {
  it('is one figure: "đạt 90,41 điểm, chỉ số cải cách hành chính đạt 90,41%"', () => {
    const fs = figures('Đối với cấp huyện, Huyện Nga Sơn có tổng số điểm đạt được 90,41 điểm, chỉ số cải cách hành chính đạt 90,41% đứng vị trí thứ nhất.', '2024-03-02');
    expect(fs.filter((f) => f.metric === 'par_index_score').map((f) => [f.value, f.subject.name])).toEqual([[90.41, 'Huyện Nga Sơn']]);
  });
  it('stays two figures when the two numbers differ (points of a smaller maximum)', () => {
    const fs = figures('Ban Dân tộc tỉnh đạt 68,32 điểm, chỉ số cải cách hành chính đạt 81,33%, đứng vị trí cuối.', '2024-03-02');
    expect(fs.filter((f) => f.metric === 'par_index_score' || f.metric === 'other').map((f) => f.value).sort()).toEqual([68.32, 81.33]);
  });
});
