/**
 * A tiny PDF writer for sample reports: text runs at given positions on A4 pages, one standard font (Helvetica),
 * and a /ToUnicode map so text extractors read Vietnamese letters back exactly. Letters outside ASCII get the
 * single-byte codes 128-255 in order of first use (at most 128 distinct ones per document); they are not drawn
 * with real glyphs, which a text-extraction fixture does not need. Not a general PDF library.
 */

export interface PdfText { x: number; y: number; text: string; size?: number }
export interface PdfPage { texts: PdfText[] }

/** Uniform advance width (1/1000 em) for every code: makes extracted widths predictable. */
const ADVANCE = 500;

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** `options.bogusEncryption` adds a Standard security handler no password opens (to test encrypted-file handling). */
export function writePdf(pages: PdfPage[], options: { bogusEncryption?: boolean } = {}): Buffer {
  const codes = new Map<string, number>();
  const encode = (s: string): string => {
    let out = '';
    for (const ch of s.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      let code: number;
      if (cp >= 32 && cp < 127) code = cp;
      else {
        let c = codes.get(ch);
        if (c === undefined) {
          c = 128 + codes.size;
          if (c > 255) throw new Error('pdf-writer: more than 128 distinct non-ASCII letters');
          codes.set(ch, c);
        }
        code = c;
      }
      out += code === 40 || code === 41 || code === 92 ? `\\${String.fromCharCode(code)}` : code < 127 ? String.fromCharCode(code) : `\\${code.toString(8).padStart(3, '0')}`;
    }
    return out;
  };
  const contents = pages.map((p) => p.texts.map((t) => `BT /F1 ${t.size ?? 10} Tf ${t.x} ${t.y} Td (${encode(t.text)}) Tj ET`).join('\n'));
  const objects: string[] = [];
  const add = (body: string) => { objects.push(body); return objects.length; };
  const catalog = add('');
  const pagesObj = add('');
  const differences = [...codes.values()].map((c) => `${c} /g${c}`).join(' ');
  const encoding = add(`<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${differences}] >>`);
  const bf = [`<0020> <007E> <0020>`];
  const chars = [...codes.entries()].map(([ch, c]) => `<${c.toString(16).toUpperCase().padStart(2, '0')}> <${[...ch].map((x) => hex4(x.codePointAt(0)!)).join('')}>`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `1 beginbfrange ${bf[0].replace(/<0020> <007E> <0020>/, '<20> <7E> <0020>')} endbfrange`,
    ...(chars.length ? [`${chars.length} beginbfchar`, ...chars, 'endbfchar'] : []),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = add(`<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`);
  const font = add(`<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(ADVANCE).join(' ')}] /Encoding ${encoding} 0 R /ToUnicode ${toUnicode} 0 R >>`);
  const pageIds: number[] = [];
  for (const content of contents) {
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const hex32 = (b: number) => `<${b.toString(16).padStart(2, '0').repeat(32)}>`;
  const encrypt = options.bogusEncryption
    ? ` /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex32(0x5a)} /U ${hex32(0xa5)} /P -4 >> /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`
    : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
