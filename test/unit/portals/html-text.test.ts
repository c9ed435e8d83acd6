/** html-text: element → clean paragraphs, noise rules one by one, each with prose that must survive. */
import * as cheerio from 'cheerio';
import { cleanParagraphs, extractParagraphs } from '../../../ingest/portals/html-text';
import { looksLikeTcvn3, tcvn3ToUnicode } from '../../../ingest/portals/tcvn3';

function paras(bodyHtml: string): string[] {
  const $ = cheerio.load(`<html><body><div id="root">${bodyHtml}</div></body></html>`);
  return extractParagraphs($, $('#root'));
}

describe('extractParagraphs', () => {
  it('turns blocks and <br> into paragraphs and collapses inline whitespace (&nbsp; included)', () => {
    expect(paras('<p>Một&nbsp;&nbsp; <b>hai</b>\n ba</p><div>bốn<br>năm</div><ul><li>sáu</li><li>bảy</li></ul>')).toEqual([
      'Một hai ba', 'bốn', 'năm', 'sáu', 'bảy',
    ]);
  });

  it('keeps a data-table row on one line', () => {
    expect(paras('<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>Tỷ lệ đúng hạn</td><td><p>99,5%</p></td></tr></table>')).toEqual([
      'Chỉ tiêu | Kết quả', 'Tỷ lệ đúng hạn | 99,5%',
    ]);
  });

  it('drops scripts, styles, forms, hidden elements and the sample-data banner', () => {
    expect(
      paras('<script>var a=1;</script><style>p{}</style><div style="display:none">ẩn</div><form><input name="q">Tìm</form>' +
        '<div class="cchc-sample-banner">DỮ LIỆU MẪU – Trang mô phỏng phục vụ thử nghiệm cchc-atlas (sample data)</div><p>Nội dung.</p>'),
    ).toEqual(['Nội dung.']);
  });

  it('drops a one-digit-per-element visitor counter and its label', () => {
    expect(paras('<div>SỐ LƯỢT TRUY CẬP</div><ul><li>0</li><li>0</li><li>1</li><li>2</li><li>3</li></ul><p>Năm 2019 đạt 7/8 chỉ tiêu.</p>')).toEqual([
      'Năm 2019 đạt 7/8 chỉ tiêu.',
    ]);
  });

  it('drops related-news headings and their link lists, but not prose after them', () => {
    expect(
      paras('<p>Thân bài.</p><h3>TIN MỚI HƠN</h3><ul><li><a href="#">Bài A</a> (03/12)</li></ul><span>Tin cũ hơn</span><ul><li><a href="#">Bài B</a></li></ul>' +
        '<h4><a>BÀI VIẾT LIÊN QUAN</a><a>MORE FROM AUTHOR</a></h4><div><a href="#">Bài C</a></div><p>Đoạn kết có 100% hồ sơ.</p>'),
    ).toEqual(['Thân bài.', 'Đoạn kết có 100% hồ sơ.']);
  });

  it('converts TCVN3 text inside .VnTime fonts and leaves Unicode text in such fonts alone', () => {
    expect(paras('<p><span style="font-family:.VnTime">Ngµy 15/3, UBND x· tæ chøc héi nghÞ.</span></p><p><font face=".VnTime">Ngày hội</font></p>')).toEqual([
      'Ngày 15/3, UBND xã tổ chức hội nghị.', 'Ngày hội',
    ]);
  });

  it('removes MS Word o:p tags but keeps their paragraph', () => {
    expect(paras('<p class="MsoNormal"><span lang="VI">Đạt 92%.<o:p></o:p></span></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>')).toEqual(['Đạt 92%.']);
  });

  it('normalises NFD and numeric character references to NFC', () => {
    const [p] = paras(`<p>${'Thủ tục hành chính'.normalize('NFD')} &#273;&#432;&#7907;c c&#244;ng khai</p>`);
    expect(p).toBe('Thủ tục hành chính được công khai');
    expect(p).toBe(p.normalize('NFC'));
  });

  it('does not modify the document it reads', () => {
    const $ = cheerio.load('<div id="root"><script>x</script><p>a</p></div>');
    extractParagraphs($, $('#root'));
    expect($('#root script')).toHaveLength(1);
  });
});

describe('cleanParagraphs', () => {
  it.each([
    ['view counts', ['Số lượt người xem: 1674', 'Lượt xem: 292', '292 lượt xem', 'Số lượt xem: 1.043']],
    ['tagDiv counters', ['0 292', '0', '292']],
    ['comment forms', ['LEAVE A REPLY', 'Please enter your comment!', 'Please enter your name here', 'You have entered an incorrect email address!', 'Post Comment', 'Hủy trả lời', 'Bình luận:', 'Tên:*']],
    ['widget labels', ['Chia sẻ', 'Facebook', 'In bài viết', 'Quay lại', 'Previous article', 'Xem theo ngày', 'Tìm kiếm']],
    ['template nulls', ['null']],
  ])('drops %s', (_label, noise) => {
    expect(cleanParagraphs([...noise, 'Giữ lại đoạn này: 98% hồ sơ đúng hạn.'])).toEqual(['Giữ lại đoạn này: 98% hồ sơ đúng hạn.']);
  });

  it('drops a paragraph repeated back-to-back, keeps a later repeat', () => {
    expect(cleanParagraphs(['A dài.', 'A dài.', 'B.', 'A dài.'])).toEqual(['A dài.', 'B.', 'A dài.']);
  });

  it('drops runs of single digits but keeps short numbered prose', () => {
    expect(cleanParagraphs(['2', '9', '0', '8', '8', '6', '3', '6', '1. Quán triệt chủ đề năm 2021.'])).toEqual(['1. Quán triệt chủ đề năm 2021.']);
  });

  it('strips a leading template "null " from a paragraph', () => {
    expect(cleanParagraphs(['null Đánh giá kết quả 6 tháng'])).toEqual(['Đánh giá kết quả 6 tháng']);
  });
});

describe('tcvn3', () => {
  it('maps the classic samples', () => {
    expect(tcvn3ToUnicode('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(tcvn3ToUnicode('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(tcvn3ToUnicode('bé phËn mét cöa', '.VnTimeH')).toBe('BỘ PHẬN MỘT CỬA');
  });

  it('recognises mojibake but not real Unicode Vietnamese', () => {
    expect(looksLikeTcvn3('Ngµy')).toBe(true);
    expect(looksLikeTcvn3('Ngày hội')).toBe(false);
    expect(looksLikeTcvn3('plain ascii')).toBe(false);
  });
});
