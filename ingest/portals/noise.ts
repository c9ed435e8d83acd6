/**
 * Text patterns of page furniture that leaks into article text on Vietnamese portals (DOMAIN.md "page noise",
 * portals.md §9). Each pattern matches a whole paragraph, never part of one, so prose is never cut. Pure.
 *
 * Public surface: the exported constants and predicates.
 */

/** The banner every demo-mirror page carries ("DỮ LIỆU MẪU – Trang mô phỏng …"); it must never reach `text`. */
export const SAMPLE_BANNER_RE = /^DỮ LIỆU MẪU\b.*\(sample data\)$|^DỮ LIỆU MẪU\s*[–-]/iu;

/** Headings of related-news blocks (SharePoint, Bkav, VCMS, tagDiv in both languages). */
export const RELATED_HEADING_RE =
  /^(TIN MỚI HƠN|TIN ĐÃ ĐƯA|TIN CŨ HƠN|CÁC TIN KHÁC|TIN KHÁC|TIN LIÊN QUAN|BÀI VIẾT LIÊN QUAN|MORE FROM AUTHOR|RELATED ARTICLES|XEM NHIỀU|TIN XEM NHIỀU|TIN ĐỌC NHIỀU|TIN MỚI|BÀI MỚI|TIN CÙNG CHUYÊN MỤC)\s*:?$/iu;

/** An item of a related-news list: a title ending in "(dd/MM)" or "(dd/MM/yyyy)", or the list's "more" link. */
const RELATED_ITEM_RE = /\(\s*\d{1,2}\/\d{1,2}(\/\d{2,4})?\s*\)\s*$|^(Xem tiếp|Xem thêm|Xem tất cả)\s*(»|›|>>)?$/iu;

/** Visitor-counter labels (the digits after them are dropped as a run). */
const COUNTER_LABEL_RE =
  /^(SỐ LƯỢT TRUY CẬP|LƯỢT TRUY CẬP|THỐNG KÊ TRUY CẬP|Tổng lượt truy cập|Đang (truy cập|online)|Hôm nay|Hôm qua|Tuần này|Tháng này|Trực tuyến)\s*:?\s*[\d.,]*$/iu;

/** View counts: "Số lượt người xem: 1674", "Lượt xem: 292", "292 lượt xem", "292 views". */
const VIEW_COUNT_RE = /^((Số\s+)?lượt\s+(người\s+)?(xem|đọc)|Số lần xem|Views?)\s*:?\s*[\d.,]+$|^[\d.,]+\s+(lượt xem|views?)$/iu;

/** A paragraph of bare numbers: tagDiv's "0 292" (comments, views) or one counter digit. */
const BARE_NUMBERS_RE = /^\d[\d.,]*(\s+\d[\d.,]*)*$/u;

/** Comment-form strings of the tagDiv theme, English and the partial Vietnamese translation. */
const COMMENT_FORM_RE =
  /^(LEAVE A REPLY|Để lại bình luận|Gửi bình luận|Ý kiến bạn đọc|Please enter your (comment|name here)!?|You have entered an incorrect email address!?|Post Comment|Cancel reply|Hủy trả lời|Bình luận\s*:|(Tên|Name|Email|Website)\s*:\s*\*?|Save my name, email, and website in this browser for the next time I comment\.?)$/iu;

/** Share bars, print/back links and previous/next labels. */
const WIDGET_LABEL_RE =
  /^(Share|Chia sẻ|Facebook|Twitter|Pinterest|WhatsApp|Linkedin|Zalo|Email|Print|In bài viết|In trang|Quay lại|Về đầu trang|Gửi email|Gửi bài viết|Lưu bài viết|Previous article|Next article|Bài trước|Bài sau|Bài viết trước|Bài viết sau|Xem theo ngày|Tìm kiếm|Trang chủ|Không tiêu đề)$/iu;

/** true for the demo mirror's sample-data banner text. */
export function isSampleBanner(p: string): boolean {
  return SAMPLE_BANNER_RE.test(p);
}

/** true for an item of a related-news list. */
export function isRelatedItem(p: string): boolean {
  return RELATED_ITEM_RE.test(p);
}

/** true for a paragraph that is page furniture (counter, view count, comment form, widget label). */
export function isTextNoise(p: string): boolean {
  return (
    COUNTER_LABEL_RE.test(p) ||
    VIEW_COUNT_RE.test(p) ||
    BARE_NUMBERS_RE.test(p) ||
    COMMENT_FORM_RE.test(p) ||
    WIDGET_LABEL_RE.test(p)
  );
}
