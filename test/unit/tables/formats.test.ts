/**
 * Attached reports: the same ward ranking as DOCX, XLSX and PDF gives the same figures as the HTML table; bad files
 * (legacy formats, zip bombs, broken, encrypted, scanned) give a clear reason. Fixtures are generated here.
 */
import JSZip from 'jszip';
import { DOSSIER_TABLE, WARD_RANKING, WARD_RANKING_EXPECTED } from '../../../demo/reports/data';
import { tablesToDocx, tablesToPdf, tablesToXlsx } from '../../../demo/reports/formats';
import { writePdf } from '../../../demo/reports/pdf-writer';
import { ATTACHMENT_LIMITS, AttachmentError, attachmentFormat, readAttachment, type AttachmentFormat } from '../../../ingest/attachments';
import { figuresFromDocument } from '../../../ingest/tables';
import { ctx } from './helpers';

async function figuresOf(bytes: Buffer, format: AttachmentFormat) {
  const content = await readAttachment(bytes, format);
  return { content, ...figuresFromDocument({ text: content.text, tables: content.tables }, ctx()) };
}

async function reason(bytes: Buffer, format: AttachmentFormat): Promise<string> {
  try {
    await readAttachment(bytes, format);
  } catch (err) {
    expect(err).toBeInstanceOf(AttachmentError);
    return (err as Error).message;
  }
  throw new Error('read without error');
}

function expectRanking(figures: ReturnType<typeof figuresFromDocument>['figures'], page: number | null) {
  const cells = figures.filter((f) => f.cell?.tableIndex === 1);
  expect(cells).toHaveLength(10);
  for (const e of WARD_RANKING_EXPECTED) {
    const score = cells.find((f) => f.cell!.rowLabel === e.row && f.metric === 'par_index_score');
    expect(score).toMatchObject({ value: e.score, subject: { unitId: expect.stringMatching(/^700[2-6]$/) }, period: { year: 2023 } });
    expect(score!.cell).toMatchObject({ columnHeader: 'Tổng điểm', caption: WARD_RANKING.caption, page });
    expect(cells.find((f) => f.cell!.rowLabel === e.row && f.metric === 'par_index_rank')!.value).toBe(e.rank);
  }
}

describe('attachment formats', () => {
  it('DOCX: tables with merged cells through mammoth, prose outside them', async () => {
    const { figures, content } = await figuresOf(await tablesToDocx('Báo cáo kết quả cải cách hành chính', [WARD_RANKING, DOSSIER_TABLE]), 'docx');
    expect(content.tables).toHaveLength(2);
    expect(content.text).toContain('Báo cáo kết quả cải cách hành chính');
    expectRanking(figures, null);
    const dossiers = figures.filter((f) => f.cell?.tableIndex === 2);
    expect(dossiers).toHaveLength(20);
    expect(dossiers.find((f) => f.cell!.rowLabel === 'UBND Phường 4' && f.cell!.columnHeader === 'Đã giải quyết / Trễ hạn')).toMatchObject({ metric: 'late_dossiers', value: 4 });
    expect(figures.filter((f) => f.checkReason)).toEqual([]);
  });

  it('XLSX: one table per sheet, the merged title row as caption, numbers as numbers', async () => {
    const { figures, content } = await figuresOf(await tablesToXlsx([WARD_RANKING, DOSSIER_TABLE]), 'xlsx');
    expect(content.tables).toHaveLength(2);
    expectRanking(figures, null);
    expect(figures.filter((f) => f.cell?.tableIndex === 2)).toHaveLength(20);
    expect(figures.find((f) => f.cell?.rowLabel === 'Tổng cộng' && f.metric === 'dossiers_received')).toMatchObject({ value: 3335, subject: { unitId: '770' } });
  });

  it('PDF: tables rebuilt from text positions, with the page of each cell', async () => {
    const { figures, content } = await figuresOf(tablesToPdf('Báo cáo kết quả', [WARD_RANKING, DOSSIER_TABLE]), 'pdf');
    expect(content.pages).toBe(1);
    expect(content.text).toContain('Báo cáo kết quả');
    expectRanking(figures, 1);
    expect(figures.filter((f) => f.cell?.tableIndex === 2)).toHaveLength(20);
  });

  it('PDF: a table running over several pages keeps reading, each row citing its page', async () => {
    const { figures, content } = await figuresOf(tablesToPdf('Báo cáo', [WARD_RANKING], 12), 'pdf');
    expect(content.pages).toBeGreaterThan(1);
    expect(content.tables).toHaveLength(1);
    expect(figures.filter((f) => f.cell)).toHaveLength(12 * 10);
    expect(new Set(figures.map((f) => f.cell!.page)).size).toBe(content.pages);
  });

  it('names formats by extension, download-handler query or media type', () => {
    expect(attachmentFormat('https://x.gov.vn/Lists/Attachments/bao-cao.PDF')).toBe('pdf');
    expect(attachmentFormat('https://x.gov.vn/download.aspx?file=ket%20qua.xlsx&id=3')).toBe('xlsx');
    expect(attachmentFormat('https://x.gov.vn/download?id=3', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(attachmentFormat('https://x.gov.vn/tin-tuc/bai-viet.aspx')).toBeNull();
  });
});

describe('bad attachments', () => {
  it('legacy .doc / .xls: format not supported', async () => {
    expect(await reason(Buffer.from('anything'), 'doc')).toMatch(/^unsupported: format not supported: legacy \.doc/);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await reason(ole, 'xlsx')).toMatch(/^unsupported: format not supported: a legacy binary Office file/);
  });

  it('a zip bomb inside a DOCX is refused before inflating', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(8 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await reason(bomb, 'docx')).toMatch(new RegExp(`^zip_bomb: entry word/document.xml expands \\d+:1, over the limit of ${ATTACHMENT_LIMITS.maxCompressionRatio}:1`));
  });

  it('broken files: truncated zip, truncated PDF, not a PDF', async () => {
    const docx = await tablesToDocx('x', [WARD_RANKING]);
    expect(await reason(docx.subarray(0, docx.length - 30), 'docx')).toMatch(/^broken: /);
    expect(await reason(Buffer.from('<html>not a pdf</html>'), 'pdf')).toBe('broken: not a PDF (no %PDF- header)');
    expect(await reason(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog'), 'pdf')).toMatch(/^broken: not a readable PDF/);
  });

  it('an encrypted PDF and a PDF without text give their own reasons', async () => {
    const pages = [{ texts: [{ x: 50, y: 700, text: 'Báo cáo' }] }];
    expect(await reason(writePdf(pages, { bogusEncryption: true }), 'pdf')).toBe('encrypted: the PDF is password-protected');
    expect(await reason(writePdf([{ texts: [] }, { texts: [] }]), 'pdf')).toMatch(/^no_text: no text layer in 2 page\(s\)/);
  });

  it('a report longer than the page limit is read up to it, and says what was left out', async () => {
    const pages = Array.from({ length: ATTACHMENT_LIMITS.maxPdfPages + 5 }, (_, i) => ({ texts: [{ x: 50, y: 700, text: `Trang ${i + 1}` }] }));
    const content = await readAttachment(writePdf(pages), 'pdf');
    expect(content.pages).toBe(ATTACHMENT_LIMITS.maxPdfPages + 5);
    expect(content.truncated).toBe(`pages ${ATTACHMENT_LIMITS.maxPdfPages + 1}-${ATTACHMENT_LIMITS.maxPdfPages + 5} not read (limit ${ATTACHMENT_LIMITS.maxPdfPages})`);
    expect(content.text).toContain(`Trang ${ATTACHMENT_LIMITS.maxPdfPages}`);
    expect(content.text).not.toContain(`Trang ${ATTACHMENT_LIMITS.maxPdfPages + 1}`);
  });

  it('a file over the size limit is refused unread', async () => {
    expect(await reason(Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1), 'pdf')).toMatch(/^too_large: /);
  });
});
