// Turns an uploaded file's bytes into text whatever Excel or LibreOffice saved:
// UTF-8 with or without BOM, UTF-16 LE/BE ("Unicode Text"), or Windows-1258
// (Excel's "CSV" on Vietnamese Windows, which writes tones as combining marks).
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const zeros = zeroBytes(bytes.subarray(0, 4096));
  if (zeros.odd > 8 && zeros.even === 0) return { encoding: 'utf-16le', bom: 0 };
  if (zeros.even > 8 && zeros.odd === 0) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1258', bom: 0 };
}

function zeroBytes(sample: Uint8Array) {
  let odd = 0;
  let even = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? odd++ : even++);
  return { odd, even };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ICONV_NAMES: Record<Encoding, string> = { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1258': 'windows1258' };

/** The file's text composed to NFC, without its byte-order mark. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, bom } = detectEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, ICONV_NAMES[encoding], { stripBOM: true });
  return { text: text.normalize('NFC'), encoding };
}

/** Comma, semicolon or tab: whichever the header line uses most outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return counts[best] > 0 ? best : ',';
}
