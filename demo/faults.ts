/**
 * A deliberately faulty demo site for the ingestion fault tests: each article slug has a behaviour
 * (a 500 that heals, a 429 with Retry-After, a body that stalls, a 20 MB page, windows-1258 bytes, a lying charset
 * header, a robots.txt disallow, a redirect loop, malformed HTML, one article under two URLs, a page edited between
 * runs). Sample data written by the team; served only when the mirror is started with `faultySlugs`.
 * Public surface: `FAULT_SITE`, `FAULT_ARTICLES`, `FAULT_SLUGS`, `FAULT_ROBOTS_TXT`, `handleFault`, `FaultState`.
 */
import type http from 'node:http';
import type { DemoArticle, DemoSite } from './types';
import { toCp1258 } from './cp1258';

export const FAULT_SITE: DemoSite = {
  id: 'faults',
  family: 'wordpress-newspaper',
  siteName: 'Trang tin Phường Đức Xuân (trang thử lỗi)',
  unit: { name: 'Phường Đức Xuân', level: 'phuong', province: 'Bắc Kạn', gsoCode: '01840' },
  category: 'Cải cách hành chính',
};

export interface FaultState {
  hits: Map<string, number>;
}

type Behaviour = (req: http.IncomingMessage, res: http.ServerResponse, html: () => string, hit: number) => boolean;

/** Bytes of a 20 MB page, streamed in chunks (bigger than the fetcher's 10 MB limit). */
const HUGE_PAGE_BYTES = 20 * 1024 * 1024;

const BEHAVIOURS: Record<string, Behaviour> = {
  'loi-may-chu-roi-phuc-hoi': (_req, res, _html, hit) => {
    if (hit > 1) return false;
    res.writeHead(500, { 'content-type': 'text/html' });
    res.end('<h1>Lỗi máy chủ</h1>');
    return true;
  },
  'qua-nhieu-yeu-cau': (_req, res, _html, hit) => {
    if (hit > 1) return false;
    res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' });
    res.end('Too Many Requests');
    return true;
  },
  'trang-tai-cham': (_req, res, html) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(html().slice(0, 500)); // …and the rest never comes
    return true;
  },
  'trang-qua-lon': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const chunk = Buffer.alloc(1024 * 1024, '<p>dữ liệu</p>\n');
    let sent = 0;
    const pump = () => {
      while (sent < HUGE_PAGE_BYTES) {
        sent += chunk.length;
        if (!res.write(chunk)) { res.once('drain', pump); return; }
      }
      res.end();
    };
    res.on('error', () => undefined);
    pump();
    return true;
  },
  'ma-hoa-windows-1258': (_req, res, html) => {
    const body = toCp1258(html().replace(/<meta charset="?utf-8"?\s*\/?>/i, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'));
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1258' });
    res.end(body);
    return true;
  },
  'khai-bao-ma-sai': (_req, res, html) => {
    // The header claims Latin-1, the bytes and the meta tag are UTF-8 (a common misconfigured IIS site).
    res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
    res.end(Buffer.from(html(), 'utf8'));
    return true;
  },
  'vong-lap-chuyen-huong': (req, res) => {
    const looped = (req.url ?? '').includes('vong=1');
    res.writeHead(302, { location: looped ? '/faults/vong-lap-chuyen-huong/' : '/faults/vong-lap-chuyen-huong/?vong=1' });
    res.end();
    return true;
  },
  // A poison page: the server fails on it every time (the job queue tests dead-letter it). No article of the fault
  // site uses this slug; tests give it to an article of their own.
  'trang-luon-loi': (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<h1>Lỗi máy chủ</h1>');
    return true;
  },
  'html-hong': (_req, res, html) => {
    // Unclosed elements and a truncated tail: parsers must still find the title and text.
    const broken = html().replace(/<\/p>/g, '').replace(/<\/div>/g, '').replace(/<\/body>[\s\S]*$/, '<div class="td-post');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(broken);
    return true;
  },
};

export const FAULT_SLUGS: ReadonlySet<string> = new Set(Object.keys(BEHAVIOURS));

/** robots.txt of the fault mirror: one article is off limits to every crawler. */
export const FAULT_ROBOTS_TXT = 'User-agent: *\nDisallow: /faults/bi-chan-boi-robots/\n';

/** Apply the behaviour of `slug`; false means "serve the page normally". */
export function handleFault(slug: string, req: http.IncomingMessage, res: http.ServerResponse, html: () => string, state: FaultState): boolean {
  const behaviour = BEHAVIOURS[slug];
  if (!behaviour) return false;
  const key = `fault:${slug}`;
  const hit = (state.hits.get(key) ?? 0) + 1;
  state.hits.set(key, hit);
  return behaviour(req, res, html, hit);
}

const article = (slug: string, itemId: number, day: string, title: string, paragraphs: string[]): DemoArticle => ({
  slug, siteId: 'faults', itemId, publishedAt: `2024-${day}T08:30:00+07:00`, category: 'Cải cách hành chính', title, paragraphs,
});

/** The fault site's articles: short, each with figures, so a stored page is visible as figures. */
export const FAULT_ARTICLES: DemoArticle[] = [
  article('loi-may-chu-roi-phuc-hoi', 901, '07-05', 'Phường Đức Xuân sơ kết cải cách hành chính 6 tháng đầu năm 2024', [
    'Trong 6 tháng đầu năm 2024, Bộ phận một cửa phường tiếp nhận 1.284 hồ sơ, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%.',
    'Tỷ lệ hài lòng của người dân đạt 96,5%. Phường tiếp tục niêm yết công khai 100% thủ tục hành chính tại trụ sở.']),
  article('qua-nhieu-yeu-cau', 902, '07-12', 'Phường Đức Xuân đẩy mạnh dịch vụ công trực tuyến', [
    'Tính đến hết tháng 6 năm 2024, tỷ lệ hồ sơ nộp trực tuyến của phường đạt 64,3%, tăng so với cùng kỳ.',
    'Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 41,7%.']),
  article('trang-tai-cham', 903, '07-19', 'Phường Đức Xuân rà soát thủ tục hành chính', [
    'Năm 2024, phường phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên.']),
  article('trang-qua-lon', 904, '07-26', 'Phường Đức Xuân tổ chức đối thoại với người dân', [
    'Trong quý II năm 2024, phường tiếp nhận 37 phản ánh, kiến nghị; 100% phản ánh được xử lý đúng hạn.']),
  article('ma-hoa-windows-1258', 905, '08-02', 'Phường Đức Xuân số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', [
    'Trong 7 tháng đầu năm 2024, tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính của phường đạt 87,4%.',
    'Phường đã tiếp nhận 1.452 hồ sơ qua Bộ phận một cửa.']),
  article('khai-bao-ma-sai', 906, '08-09', 'Phường Đức Xuân nâng cao chất lượng phục vụ', [
    'Kết quả khảo sát 7 tháng đầu năm 2024 cho thấy mức độ hài lòng của tổ chức, cá nhân đạt 97,1%.']),
  article('bi-chan-boi-robots', 907, '08-16', 'Trang nội bộ: kế hoạch kiểm tra', [
    'Năm 2024, phường phấn đấu kiểm tra ít nhất 50% tổ dân phố.']),
  article('vong-lap-chuyen-huong', 908, '08-23', 'Phường Đức Xuân sơ kết công tác một cửa', [
    'Trong 8 tháng đầu năm 2024, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,5%.']),
  article('html-hong', 909, '08-30', 'Phường Đức Xuân triển khai thanh toán không dùng tiền mặt', [
    'Trong 8 tháng đầu năm 2024, tỷ lệ hồ sơ thanh toán trực tuyến đạt 45,2%.',
    'Phường đã tiếp nhận 1.690 hồ sơ thủ tục hành chính.']),
  article('cung-bai-hai-dia-chi', 910, '09-06', 'Phường Đức Xuân công khai thủ tục hành chính', [
    'Đến nay, 100% thủ tục hành chính thuộc thẩm quyền của phường được công khai trên Cổng dịch vụ công.']),
  // The same article published at a second address (a CMS copy): one document, not two.
  article('cung-bai-hai-dia-chi-ban-sao', 912, '09-06', 'Phường Đức Xuân công khai thủ tục hành chính', [
    'Đến nay, 100% thủ tục hành chính thuộc thẩm quyền của phường được công khai trên Cổng dịch vụ công.']),
  article('bai-duoc-sua', 911, '09-13', 'Phường Đức Xuân sơ kết 9 tháng năm 2024', [
    'Trong 9 tháng năm 2024, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,9%; tỷ lệ hài lòng đạt 95,8%.']),
];
