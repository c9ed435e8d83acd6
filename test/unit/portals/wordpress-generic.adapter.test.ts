/** WordPress Newspaper and generic adapters against hand-written fixtures. */
import { PortalLayoutError } from '../../../ingest/errors';
import { adapterFor, parseArticlePage, parseListingPage } from '../../../ingest/portals';
import { fixture, vn } from './fixture';

const WP = 'https://binhminh.example.vn';

describe('wordpress-newspaper adapter', () => {
  it('classic: fields from the post header, canonical from rel=canonical, noise dropped', () => {
    const html = fixture('wordpress-newspaper', 'article-classic');
    expect(adapterFor(`${WP}/?p=1187`, html).id).toBe('wordpress-newspaper');
    const a = parseArticlePage(html, `${WP}/?p=1187`);
    expect(a.title).toBe('Phường Bình Minh tập huấn dịch vụ công trực tuyến cho người dân');
    expect(a.publishedAt?.toISOString()).toBe(vn('2021-11-25T17:12:40'));
    expect(a.category).toBe('Cải cách hành chính');
    expect(a.canonicalUrl).toBe(`${WP}/phuong-binh-minh-tap-huan-dich-vu-cong-truc-tuyen/`);
    expect(a.text.split('\n\n')).toEqual([
      'Ngày 25/11, Ủy ban nhân dân phường Bình Minh mở lớp hướng dẫn người dân nộp hồ sơ qua Cổng dịch vụ công quốc gia, với khoảng 60 hộ kinh doanh tham dự.',
      'Mười một tháng qua, bộ phận một cửa của phường đã tiếp nhận 1.300 hồ sơ và trả kết quả đúng hạn toàn bộ.',
      'Phường đề nghị cán bộ tiếp tục hỗ trợ người dân cài đặt tài khoản định danh điện tử.',
    ]);
    for (const noise of ['0 292', '292', 'LEAVE A REPLY', 'Please enter', 'BÀI VIẾT LIÊN QUAN', 'MORE FROM AUTHOR', 'Quảng cáo', 'Share',
      'Previous article', 'TAGS', 'Fans']) {
      expect(a.text).not.toContain(noise);
    }
  });

  it('tdb cloud template: title, date, category and body from the tdb blocks', () => {
    const a = parseArticlePage(fixture('wordpress-newspaper', 'article-tdb'), 'https://anphuoc.example.vn/?p=3021');
    expect(a.title).toBe('Xã An Phước số hóa hồ sơ một cửa');
    expect(a.publishedAt?.toISOString()).toBe(vn('2023-03-14T08:05:00'));
    expect(a.category).toBe('Tin tức');
    expect(a.canonicalUrl).toBe('https://anphuoc.example.vn/xa-an-phuoc-so-hoa-ho-so-mot-cua/');
    expect(a.text).toBe(
      'Đến hết tháng 2/2023, xã An Phước đã số hóa 87% hồ sơ thủ tục hành chính còn hiệu lực.\n\nTỷ lệ hồ sơ nộp trực tuyến một phần đạt 41%, tăng so với cùng kỳ năm trước.',
    );
  });

  it('lists main-column modules (tracking parameters dropped) and finds /page/3/', () => {
    const listing = parseListingPage(fixture('wordpress-newspaper', 'listing'), `${WP}/category/cai-cach-hanh-chinh/page/2/`);
    expect(listing.articleUrls).toEqual([`${WP}/phuong-binh-minh-tap-huan-dich-vu-cong-truc-tuyen/`, `${WP}/?p=1170`]);
    expect(listing.nextPageUrl).toBe(`${WP}/category/cai-cach-hanh-chinh/page/3/`);
  });

  it('throws PortalLayoutError when the content block is missing', () => {
    const html = fixture('wordpress-newspaper', 'article-tdb').replace(/<div class="td_block_wrap tdb_single_content[\s\S]*?<\/div><\/div>/, '');
    expect(() => parseArticlePage(html, 'https://anphuoc.example.vn/?p=3021', 'wordpress-newspaper')).toThrow(PortalLayoutError);
  });
});

describe('generic adapter', () => {
  const url = 'https://sonoivu.example.gov.vn/tin-tuc/so-noi-vu-cong-bo-chi-so-hai-long-nam-2022-118.html';

  it('takes h1, meta date, breadcrumb category and the densest block', () => {
    const html = fixture('generic', 'article');
    expect(adapterFor(url, html).id).toBe('generic');
    const a = parseArticlePage(html, url);
    expect(a.title).toBe('Sở Nội vụ công bố chỉ số hài lòng năm 2022');
    expect(a.publishedAt?.toISOString()).toBe(vn('2022-12-28T16:40:00'));
    expect(a.category).toBe('Cải cách hành chính');
    expect(a.canonicalUrl).toBe(url);
    expect(a.text.split('\n\n')).toEqual([
      'Kết quả đo lường năm 2022 cho thấy chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính đạt 87,6%.',
      'Trong số 20 sở, ngành được khảo sát, có 14 đơn vị đạt trên 85%.',
      'Sở đề nghị các đơn vị còn lại xây dựng kế hoạch khắc phục trước quý I năm 2023.',
    ]);
  });

  it('lists same-host article links and the "Trang sau" page', () => {
    const listing = parseListingPage(fixture('generic', 'listing'), 'https://sonoivu.example.gov.vn/cai-cach-hanh-chinh?page=2');
    expect(listing.articleUrls).toEqual([
      'https://sonoivu.example.gov.vn/tin-tuc/so-noi-vu-cong-bo-chi-so-hai-long-nam-2022-118.html',
      'https://sonoivu.example.gov.vn/tin-tuc/ke-hoach-cai-cach-hanh-chinh-2023-112.html',
    ]);
    expect(listing.nextPageUrl).toBe('https://sonoivu.example.gov.vn/cai-cach-hanh-chinh?page=3');
  });

  it('a page without any prose block is a PortalLayoutError', () => {
    expect(() => parseArticlePage('<html><body><h1>Trang chủ</h1><a href="/">x</a></body></html>', url)).toThrow(PortalLayoutError);
  });
});
