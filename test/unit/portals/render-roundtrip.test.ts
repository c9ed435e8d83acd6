/**
 * Demo renderers → adapters round trip: every family's rendered article parses back to the same title, instant,
 * category and paragraphs, without the sample-data banner or any page noise; listings give the article URLs the
 * renderer linked and the next page's mirror URL.
 */
import { articlePath, listingPath, renderArticle, renderListing, SAMPLE_BANNER_TEXT } from '../../../demo/render';
import type { DemoArticle, DemoSite, PortalFamily } from '../../../demo/types';
import { adapterFor, parseArticlePage, parseListingPage } from '../../../ingest/portals';

const ORIGIN = 'http://127.0.0.1:45678';

function site(family: PortalFamily, id: string, category: string): DemoSite {
  return {
    id, family, category, siteName: `Cổng thông tin điện tử ${id}`,
    unit: { name: 'Quận 3', level: 'quan', province: 'Thành phố Hồ Chí Minh', gsoCode: '770' },
  };
}

function article(siteId: string, n: number, extra: Partial<DemoArticle> = {}): DemoArticle {
  return {
    slug: `ket-qua-cai-cach-hanh-chinh-quy-${n}`, siteId, itemId: 100 + n,
    publishedAt: `2019-0${(n % 9) + 1}-1${n % 10}T14:3${n % 10}:00+07:00`,
    category: 'Cải cách hành chính',
    title: `Kết quả cải cách hành chính quý ${n} năm 2019 của quận`,
    lead: `Trong quý ${n}, bộ phận một cửa quận tiếp nhận 4.${n}12 hồ sơ, tỷ lệ đúng hạn đạt 98,${n}%.`,
    paragraphs: [
      `Theo báo cáo của Văn phòng HĐND và UBND quận, trong quý ${n} năm 2019 có 4.${n}12 hồ sơ được tiếp nhận.`,
      'Tỷ lệ hài lòng của người dân qua khảo sát tại bộ phận một cửa đạt 96,5%, tăng 1,2% so với cùng kỳ.',
      `Quận phấn đấu đến cuối năm đưa thêm ${n + 10} thủ tục lên dịch vụ công trực tuyến mức độ 3 & 4 (<b> không phải thẻ).`,
    ],
    author: 'Minh Khôi – Phòng Nội vụ',
    ...extra,
  };
}

const NOISE = [SAMPLE_BANNER_TEXT, 'DỮ LIỆU MẪU', 'Số lượt người xem', 'Số lượt xem', 'TIN MỚI HƠN', 'TIN ĐÃ ĐƯA', 'Tin cũ hơn',
  'BÀI VIẾT LIÊN QUAN', 'LEAVE A REPLY', 'Please enter', 'Post Comment', 'Lượt xem', 'SỐ LƯỢT TRUY CẬP', 'null', 'Xem tiếp',
  'Facebook', 'Quảng cáo', 'Chi tiết bài viết', 'Xuất bản thông tin', 'Tải về'];

const CASES: Array<{ family: PortalFamily; variant?: string; authorInBody: boolean }> = [
  { family: 'hcmc-sharepoint', authorInBody: true },
  { family: 'liferay', variant: 'stock', authorInBody: true },
  { family: 'liferay', variant: 'bkav', authorInBody: true },
  { family: 'wordpress-newspaper', variant: 'classic', authorInBody: false },
  { family: 'wordpress-newspaper', variant: 'tdb', authorInBody: false },
  { family: 'generic', authorInBody: true },
];

describe.each(CASES)('$family $variant', ({ family, variant, authorInBody }) => {
  const s = site(family, `demo-${family}`, 'Cải cách hành chính');
  const all = [1, 2, 3, 4, 5].map((n) => article(s.id, n));
  const ctx = { origin: ORIGIN, related: all, variant };

  it.each([
    ['with lead and author', all[1]],
    ['without lead or author', article(s.id, 7, { lead: undefined, author: undefined })],
  ])('article %s parses back to the same fields', (_label, a) => {
    const html = renderArticle(s, a, ctx);
    expect(html).toContain('class="cchc-sample-banner"');
    const url = ORIGIN + articlePath(s, a);
    expect(adapterFor(url, html).id).toBe(family);
    const parsed = parseArticlePage(html, url);
    expect(parsed.title).toBe(a.title);
    expect(parsed.publishedAt?.toISOString()).toBe(new Date(a.publishedAt).toISOString());
    expect(parsed.category).toBe(a.category);
    expect(parsed.canonicalUrl).toBe(url);
    const expected = [...(a.lead ? [a.lead] : []), ...a.paragraphs, ...(authorInBody && a.author ? [a.author] : [])];
    expect(parsed.text.split('\n\n')).toEqual(expected);
    for (const noise of NOISE) expect(parsed.text).not.toContain(noise);
  });

  it('listing pages link the articles and the next page', () => {
    const page1 = parseListingPage(renderListing(s, all.slice(0, 3), 1, 2, ctx), ORIGIN + listingPath(s, 1));
    expect(page1.articleUrls).toEqual(all.slice(0, 3).map((a) => ORIGIN + articlePath(s, a)));
    expect(page1.nextPageUrl).toBe(ORIGIN + listingPath(s, 2));
    const page2 = parseListingPage(renderListing(s, all.slice(3), 2, 2, ctx), ORIGIN + listingPath(s, 2));
    expect(page2.articleUrls).toEqual(all.slice(3).map((a) => ORIGIN + articlePath(s, a)));
    expect(page2.nextPageUrl).toBeNull();
  });
});
