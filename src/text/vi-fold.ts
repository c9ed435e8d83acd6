/**
 * Accent- and case-free keys for Vietnamese names. Pure; used by the gazetteer search (src) and by the
 * extraction engine's subject matching (ingest/extract), which is why it lives outside both.
 */

/** NFC-normalise, then fold to lower-case ASCII: "Quận Bình Thạnh" → "quan binh thanh", "Đồng Tháp" → "dong thap". */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
