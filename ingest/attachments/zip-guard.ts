/**
 * Zip-bomb guard for DOCX / XLSX: reads the zip's central directory (no inflating) and refuses a package with too
 * many entries, too many uncompressed bytes in all, or an entry compressed beyond a plausible ratio. Office files
 * compress XML about 5-20:1; a bomb compresses 1000:1 and more.
 * Public surface: {@link checkZip}.
 */
import { ATTACHMENT_LIMITS, AttachmentError } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** An entry this small cannot be a bomb whatever its ratio (a 10 KB run of spaces compresses 500:1). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export function checkZip(bytes: Buffer): void {
  const { maxZipEntries, maxUncompressedBytes, maxCompressionRatio } = ATTACHMENT_LIMITS;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AttachmentError('broken', 'not a complete zip package (no end of central directory)');
  const entries = bytes.readUInt16LE(eocd + 10);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw new AttachmentError('zip_bomb', 'ZIP64 package: larger than any report we read');
  if (entries > maxZipEntries) throw new AttachmentError('zip_bomb', `${entries} entries in the package, over the limit of ${maxZipEntries}`);
  let at = dirOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new AttachmentError('broken', 'damaged zip central directory');
    const compressed = bytes.readUInt32LE(at + 20);
    const uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) throw new AttachmentError('zip_bomb', `entry ${name} uses ZIP64 sizes`);
    total += uncompressed;
    if (total > maxUncompressedBytes) throw new AttachmentError('zip_bomb', `more than ${maxUncompressedBytes} bytes once uncompressed`);
    if (uncompressed > RATIO_FLOOR_BYTES && uncompressed / Math.max(1, compressed) > maxCompressionRatio) {
      throw new AttachmentError('zip_bomb', `entry ${name} expands ${Math.round(uncompressed / Math.max(1, compressed))}:1, over the limit of ${maxCompressionRatio}:1`);
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}
