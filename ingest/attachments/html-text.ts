/**
 * Prose text of a converted document (DOCX → HTML): paragraphs and list items outside tables, one per paragraph,
 * separated by blank lines (tables are read separately, as tables). Public surface: {@link htmlToText}.
 */
import * as cheerio from 'cheerio';

export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  const paras: string[] = [];
  $('p, li, h1, h2, h3, h4, h5, h6').each((_, el) => {
    if ($(el).closest('table').length) return;
    const t = $(el).text().normalize('NFC').replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
  });
  return paras.join('\n\n');
}
