/**
 * Which paragraphs of a page's text are article prose. Portal templates wrap the article in counters, view
 * counts, related-news lists and comment forms, and some repeat the lead paragraph; none of that may become
 * a figure.
 *
 * Public surface: `readableParagraphs`, `Paragraph`, `SkippedParagraph`.
 */
import { foldForMatching } from './normalize';

export interface Paragraph {
  start: number;
  end: number;
}

export interface SkippedParagraph extends Paragraph {
  reason: 'counter' | 'view_count' | 'page_meta' | 'trailer' | 'repeated_paragraph';
}

/** Headings that open a visitor counter; the digits below them come one per line (Vietsoftware, HCMC). */
const COUNTER_HEADING_RE = /^(?:so )?luot truy cap|^(?:tong )?(?:so )?luot truy cap|^dang truy cap|^thong ke truy cap/;

/** A line that is only digits and separators ("2", "292", "0 292") is a counter or a view count, never prose. */
const DIGITS_ONLY_RE = /^[\d\s.,:]{1,24}$/;

/** View counts and similar page furniture: "Số lượt người xem: 1674", "Lượt xem: 35". */
const VIEW_COUNT_RE = /^(?:so )?luot (?:nguoi )?xem|^luot doc|^so lan xem|^luot truy cap|^hom nay:|^truc tuyen:/;

/**
 * Headings after which the page holds only related lists and comment forms. A short line made of one of
 * these ends the article (matching the whole line keeps "tin liên quan đến…" inside prose safe).
 */
const TRAILER_RE =
  /^(?:(?:tin moi hon|tin da dua|tin cu hon|tin khac|cac tin khac|tin lien quan|cac tin lien quan|bai viet lien quan|tin cung chuyen muc|leave a reply|more from author|related articles|y kien ban doc|gui y kien|binh luan|xem theo ngay|tin bai lien quan|tin da dang)\b[\s:.]*){1,3}$/;

/** Date lines of page templates ("30 Tháng Mười Một 2018 5:25:00 CH", "Thứ Hai, 03/12/2018 09:05"). */
const PAGE_META_RE = /\d{1,2}:\d{2}(?::\d{2})?\s*(?:sa|ch|am|pm)?\s*$|\|\s*gmt/;

/** Short lines with a clock time are template date lines; long ones are prose that mentions a time. */
const PAGE_META_MAX_CHARS = 90;

/** Paragraphs shorter than this are too generic ("Xem tiếp") to call repeats of each other. */
const REPEAT_MIN_KEY_CHARS = 40;

/**
 * Split normalised text into paragraphs (lines) and decide which are article prose.
 * Returns the prose paragraphs in order and the skipped ones with a reason.
 */
export function readableParagraphs(text: string, foldedText = foldForMatching(text)): { paragraphs: Paragraph[]; skipped: SkippedParagraph[] } {
  const paragraphs: Paragraph[] = [];
  const skipped: SkippedParagraph[] = [];
  const seen = new Set<string>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line.length > 0) {
      // The fold has the text's offsets, so a line's fold is a slice of it (no second fold per line).
      const folded = foldedText.slice(start, Math.min(end, start + 200)).trim();
      const span = { start, end };
      if (COUNTER_HEADING_RE.test(folded) && line.length < 40) {
        skipped.push({ ...span, reason: 'counter' });
      } else if (DIGITS_ONLY_RE.test(line)) {
        skipped.push({ ...span, reason: 'counter' });
      } else if (TRAILER_RE.test(folded) && line.length < 60) {
        skipped.push({ start, end: text.length, reason: 'trailer' });
        break;
      } else if (VIEW_COUNT_RE.test(folded)) {
        skipped.push({ ...span, reason: 'view_count' });
      } else if (line.length < PAGE_META_MAX_CHARS && PAGE_META_RE.test(folded)) {
        skipped.push({ ...span, reason: 'page_meta' });
      } else {
        const key = foldedText.slice(start, end).replace(/[^a-z0-9%]+/g, '');
        if (key.length >= REPEAT_MIN_KEY_CHARS && seen.has(key)) skipped.push({ ...span, reason: 'repeated_paragraph' });
        else {
          seen.add(key);
          paragraphs.push(span);
        }
      }
    }
    start = end + 1;
  }
  return { paragraphs, skipped };
}
