/**
 * Deterministic synthetic demo content for benchmarks: N articles per site across the three portal families,
 * Vietnamese sentences with figures of the kinds the extractor reads. Not for the demo (that content is hand-written).
 */
import type { DemoArticle, DemoSite } from '../demo/types';
import { mulberry32 } from '../src/random';

const SITES: DemoSite[] = [
  ['b-quan-1', 'hcmc-sharepoint', 'Quận 1', 'quan', '760'], ['b-quan-3', 'hcmc-sharepoint', 'Quận 3', 'quan', '770'],
  ['b-quan-5', 'hcmc-sharepoint', 'Quận 5', 'quan', '774'], ['b-quan-11', 'hcmc-sharepoint', 'Quận 11', 'quan', '772'],
  ['b-tan-hong', 'liferay', 'Huyện Tân Hồng', 'huyen', '869'], ['b-lai-vung', 'liferay', 'Huyện Lai Vung', 'huyen', '876'],
  ['b-cao-lanh', 'liferay', 'Thành phố Cao Lãnh', 'thanh_pho', '866'], ['b-song-cau', 'wordpress-newspaper', 'Phường Sông Cầu', 'phuong', '01837'],
  ['b-duc-xuan', 'wordpress-newspaper', 'Phường Đức Xuân', 'phuong', '01840'], ['b-phung-chi-kien', 'wordpress-newspaper', 'Phường Phùng Chí Kiên', 'phuong', '01834'],
].map(([id, family, name, level, gsoCode]) => ({
  id, family: family as DemoSite['family'], siteName: `Cổng thông tin ${name}`, category: 'Cải cách hành chính',
  unit: { name, level, province: '', gsoCode },
}));

/** Every run serves the same pages. */
const rng = mulberry32;

const pct = (r: () => number, lo: number, hi: number) => (lo + r() * (hi - lo)).toFixed(1).replace('.', ',');
const count = (r: () => number, lo: number, hi: number) => Math.round(lo + r() * (hi - lo)).toLocaleString('de-DE');

export function syntheticContent(articlesPerSite: number): { sites: DemoSite[]; articles: DemoArticle[] } {
  const articles: DemoArticle[] = [];
  for (const site of SITES) {
    const r = rng(site.id.length * 7919 + articlesPerSite);
    for (let i = 0; i < articlesPerSite; i++) {
      const year = 2018 + (i % 7);
      const months = [3, 6, 9, 12][i % 4];
      const period = months === 12 ? `năm ${year}` : `${months} tháng đầu năm ${year}`;
      articles.push({
        slug: `${site.id}-bai-${i + 1}`, siteId: site.id, itemId: 10_000 + i,
        publishedAt: `${year}-${String(Math.min(12, months + 1)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}T08:00:00+07:00`,
        category: site.category,
        title: `${site.unit.name} báo cáo kết quả cải cách hành chính ${period} (bài ${i + 1})`,
        paragraphs: [
          `Trong ${period}, Bộ phận tiếp nhận và trả kết quả của ${site.unit.name} đã tiếp nhận ${count(r, 800, 40000)} hồ sơ; tỷ lệ hồ sơ giải quyết đúng hạn đạt ${pct(r, 95, 100)}%.`,
          `Tỷ lệ hài lòng của người dân đạt ${pct(r, 85, 99)}%; tỷ lệ hồ sơ nộp trực tuyến đạt ${pct(r, 10, 80)}%, tỷ lệ số hóa hồ sơ đạt ${pct(r, 40, 95)}%.`,
          `Năm ${year + 1}, đơn vị phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt từ ${pct(r, 97, 99)}% trở lên và hoàn thành ${count(r, 5, 9)}/10 chỉ tiêu cải cách hành chính.`,
        ],
      });
    }
  }
  return { sites: SITES, articles };
}
