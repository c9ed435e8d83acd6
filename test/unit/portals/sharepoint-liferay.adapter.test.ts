/** HCMC SharePoint and Liferay adapters against hand-written fixtures. */
import { PortalLayoutError, ingestErrorAction } from '../../../ingest/errors';
import { decodeBody } from '../../../ingest/fetch';
import { adapterFor, parseArticlePage, parseListingPage } from '../../../ingest/portals';
import { fixture, fixtureBytes, vn } from './fixture';

const SP = 'https://quan12.hochiminhcity.gov.vn';
const SP_ARTICLE = `${SP}/tintuc/Lists/Posts/Post.aspx?Source=%2ftintuc&Category=Ho%E1%BA%A1t+%C4%91%E1%BB%99ng+%C4%90%E1%BA%A3ng&ItemID=1234&Mode=1#top`;
const SP_LISTING = `${SP}/tintuc/lists/posts/post.aspx?Source=%2ftintuc&Category=C%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh&Mode=2`;

describe('hcmc-sharepoint adapter', () => {
  const article = parseArticlePage(fixture('hcmc-sharepoint', 'article'), SP_ARTICLE);

  it('is chosen by URL', () => expect(adapterFor(SP_ARTICLE).id).toBe('hcmc-sharepoint'));

  it('reads title, .NET vi-VN date (CH = PM), category and canonical URL', () => {
    expect(article.title).toBe('Quận Mười Hai tăng cường tuyên truyền cải cách hành chính đến từng khu phố');
    expect(article.publishedAt?.toISOString()).toBe(vn('2018-11-30T17:25:00'));
    expect(article.category).toBe('Hoạt động Đảng');
    expect(article.canonicalUrl).toBe(
      `${SP}/tintuc/lists/posts/post.aspx?Source=%2Ftintuc&Category=Ho%E1%BA%A1t+%C4%91%E1%BB%99ng+%C4%90%E1%BA%A3ng&ItemID=1234&Mode=1`,
    );
  });

  it('keeps the body (NFD normalised, TCVN3 converted) and drops the noise', () => {
    const paras = article.text.split('\n\n');
    expect(paras[0]).toBe('Chín tháng đầu năm 2018, Ủy ban nhân dân quận hoàn thành 7/8 chỉ tiêu của chương trình cải cách hành chính và đang tập trung cho chỉ tiêu còn lại.');
    expect(article.text).toContain('mức hài lòng của người dân đạt 92%; hồ sơ được giải quyết đúng hạn chiếm 99,9%.');
    expect(article.text).toContain('Quận đã đưa 41 thủ tục lên dịch vụ công trực tuyến mức độ 3, nhiều hơn năm 2017 là 28 thủ tục.');
    expect(article.text).toContain('Ngày hội cải cách hành chính được tổ chức tại các phường.');
    expect(article.text).toBe(article.text.normalize('NFC'));
    expect(paras[paras.length - 1]).toBe('Thanh Hà');
    for (const noise of ['SỐ LƯỢT TRUY CẬP', 'Số lượt người xem', '327', 'TIN MỚI HƠN', 'TIN ĐÃ ĐƯA', 'Quận ủy sơ kết', 'Xem tiếp',
      'Xem theo ngày', 'Tìm kiếm', 'Cơ quan chủ quản', 'Ngµy', '29088636', article.title]) {
      expect(article.text).not.toContain(noise);
    }
    expect(article.text).not.toMatch(/^\d$/m);
  });

  it('reads category and date from an unclassed "category date" line', () => {
    const html = fixture('hcmc-sharepoint', 'article').replace(
      '<div class="PostInfo"><span class="Category">Hoạt động Đảng</span> <span class="DateCreate">30 Tháng Mười Một 2018 5:25:00 CH</span></div>',
      '<div>Tin tức sự kiện 26 Tháng Sáu 2019 2:15:00 CH</div>',
    );
    const a = parseArticlePage(html, SP_ARTICLE);
    expect(a.publishedAt?.toISOString()).toBe(vn('2019-06-26T14:15:00'));
    expect(a.category).toBe('Tin tức sự kiện');
  });

  it('decodes the windows-1258 page and parses it', () => {
    const { text, charset } = decodeBody(fixtureBytes('hcmc-sharepoint', 'article-cp1258'), 'text/html');
    expect(charset).toBe('windows-1258');
    const a = parseArticlePage(text, `${SP}/tintuc/lists/posts/post.aspx?Category=Tin+t%E1%BB%A9c+s%E1%BB%B1+ki%E1%BB%87n&ItemID=88&Mode=1`);
    expect(a.title).toBe('Phường Tân Định công bố kết quả đo lường sự hài lòng năm 2019');
    expect(a.publishedAt?.toISOString()).toBe(vn('2019-06-26T14:15:00'));
    expect(a.category).toBe('Tin tức sự kiện');
    expect(a.text).toBe('Năm 2019, phường tiếp nhận 15.983 hồ sơ, trong đó giải quyết đúng hạn đạt 99,2%.\n\nTỷ lệ người dân hài lòng với thái độ phục vụ của cán bộ, công chức đạt 96%.');
  });

  it('throws PortalLayoutError (skip) when the body field is missing', () => {
    let err: unknown;
    try {
      parseArticlePage(fixture('hcmc-sharepoint', 'article-missing-body'), SP_ARTICLE);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PortalLayoutError);
    expect((err as PortalLayoutError).message).toContain('ExternalClass');
    expect(ingestErrorAction(err)).toBe('skip');
  });

  it('lists the main td.TitleFront group only, canonicalised, with the &Page=2 next page', () => {
    const listing = parseListingPage(fixture('hcmc-sharepoint', 'listing'), SP_LISTING);
    const cat = 'Category=C%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh';
    expect(listing.articleUrls).toEqual([
      `${SP}/tintuc/lists/posts/post.aspx?Source=%2Ftintuc&${cat}&ItemID=310&Mode=1`,
      `${SP}/tintuc/lists/posts/post.aspx?Source=%2Ftintuc&${cat}&ItemID=305&Mode=1`,
    ]);
    expect(listing.nextPageUrl).toBe(`${SP}/tintuc/lists/posts/post.aspx?Source=%2Ftintuc&${cat}&Mode=2&Page=2`);
  });

  it('stops at a __doPostBack pager', () => {
    const listing = parseListingPage(fixture('hcmc-sharepoint', 'listing-postback'), SP_LISTING);
    expect(listing.articleUrls).toHaveLength(1);
    expect(listing.nextPageUrl).toBeNull();
  });
});

const LR = 'https://tamnong.dongthap.gov.vn';

describe('liferay adapter', () => {
  const bkavUrl = `${LR}/chi-tiet-bai-viet/-/asset_publisher/QwErTy123456/content/danh-gia-chi-so-cchc-6-thang?redirect=https%3A%2F%2Ftamnong.dongthap.gov.vn%2Ftin-hoat-dong%3Fp_p_id%3D101_INSTANCE_QwErTy123456`;

  it('Bkav: title without "null", template date to the minute, category from the portlet title, no repeated lead', () => {
    const a = parseArticlePage(fixture('liferay', 'article-bkav'), bkavUrl);
    expect(adapterFor(bkavUrl).id).toBe('liferay');
    expect(a.title).toBe('Huyện Tam Nông đánh giá chỉ số cải cách hành chính sáu tháng đầu năm 2020');
    expect(a.publishedAt?.toISOString()).toBe(vn('2020-06-20T09:30:00'));
    expect(a.category).toBe('Tin hoạt động');
    expect(a.canonicalUrl).toBe(`${LR}/chi-tiet-bai-viet/-/asset_publisher/QwErTy123456/content/danh-gia-chi-so-cchc-6-thang`);
    const lead = 'Sáng 20/6, Ủy ban nhân dân huyện Tam Nông họp đánh giá việc cải thiện chỉ số cải cách hành chính sáu tháng đầu năm 2020.';
    expect(a.text.split(lead)).toHaveLength(2); // once, not twice
    expect(a.text.startsWith(lead)).toBe(true);
    expect(a.text).toContain('từ 98% trở lên trong sáu tháng cuối năm.');
    expect(a.text).toContain('Báo cáo sáu tháng (tệp đính kèm)');
    for (const noise of ['null', 'Thứ Bẩy', 'Số lượt xem', '292', 'Tin mới hơn', 'Tin cũ hơn', 'Tiếp xúc cử tri', 'Facebook', 'In trang',
      'Đánh giá:', 'Tổng lượt truy cập', 'Chi tiết bài viết', 'Cơ quan chủ quản']) {
      expect(a.text).not.toContain(noise);
    }
  });

  it('Bkav without the template date line: the HH:ss date gives the hour only', () => {
    const html = fixture('liferay', 'article-bkav').replace('<p><em>Thứ Bẩy, ngày 20/06/2020 09:30</em></p>', '');
    expect(parseArticlePage(html, bkavUrl).publishedAt?.toISOString()).toBe(vn('2020-06-20T09:00:00'));
  });

  it('stock 6.2 with a non-friendly URL and numeric character references', () => {
    const url = `https://sotuphap.hochiminhcity.gov.vn/tin-tuc;jsessionid=AB12?p_p_id=101_INSTANCE_Zx9Yw8Vu7Ts6&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-4&p_p_col_count=1&p_p_auth=XyZ98&_101_INSTANCE_Zx9Yw8Vu7Ts6_struts_action=%2Fasset_publisher%2Fview_content&_101_INSTANCE_Zx9Yw8Vu7Ts6_assetEntryId=77120&_101_INSTANCE_Zx9Yw8Vu7Ts6_type=content&_101_INSTANCE_Zx9Yw8Vu7Ts6_urlTitle=rut-ngan-thoi-gian&_101_INSTANCE_Zx9Yw8Vu7Ts6_redirect=%2Ftin-tuc&enableXemTheoNgay=true`;
    expect(adapterFor(url).id).toBe('liferay');
    const a = parseArticlePage(fixture('liferay', 'article-stock-nonfriendly'), url);
    expect(a.title).toBe('Sở Tư pháp rút ngắn thời gian cấp phiếu lý lịch');
    expect(a.publishedAt?.toISOString()).toBe(vn('2018-12-03T09:05:00'));
    expect(a.category).toBeNull(); // "Xuất bản thông tin" is the portlet's default title, not a category
    expect(a.canonicalUrl).toBe(
      'https://sotuphap.hochiminhcity.gov.vn/tin-tuc?_101_INSTANCE_Zx9Yw8Vu7Ts6_assetEntryId=77120&_101_INSTANCE_Zx9Yw8Vu7Ts6_struts_action=%2Fasset_publisher%2Fview_content&_101_INSTANCE_Zx9Yw8Vu7Ts6_type=content&_101_INSTANCE_Zx9Yw8Vu7Ts6_urlTitle=rut-ngan-thoi-gian&p_p_id=101_INSTANCE_Zx9Yw8Vu7Ts6',
    );
    expect(a.text).toBe(
      'Từ tháng 10/2018, thời gian cấp phiếu lý lịch giảm còn 5 ngày làm việc.\n\nTỷ lệ hồ sơ nộp trực tuyến đạt 35%.\n\nTài liệu đính kèm',
    );
  });

  it('lists the main portlet (not the "Xem nhiều" sidebar) and the _cur=2 page', () => {
    const listing = parseListingPage(fixture('liferay', 'listing'), `${LR}/tin-hoat-dong`);
    expect(listing.articleUrls).toEqual([
      `${LR}/chi-tiet-bai-viet/-/asset_publisher/QwErTy123456/content/danh-gia-chi-so-cchc-6-thang`,
      `${LR}/chi-tiet-bai-viet/-/asset_publisher/QwErTy123456/content/mot-cua-lien-thong`,
    ]);
    const next = new URL(listing.nextPageUrl ?? '');
    expect(next.searchParams.get('_101_INSTANCE_QwErTy123456_cur')).toBe('2');
    expect(next.searchParams.has('p_p_auth')).toBe(false);
  });
});
