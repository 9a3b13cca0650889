// Turns an uploaded file's bytes into text whatever Excel or LibreOffice saved:
// UTF-8 with or without BOM, UTF-16 LE/BE ("Unicode Text"), or Windows-1258
// (Excel's "CSV" on Vietnamese Windows, which writes tones as combining marks).
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

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

const ICONV_NAMES: Record<Encoding, string> = { 'utf-8': 'utf8', 'utf-16le': 'utf16le', 'utf-16be': 'utf16be', 'windows-1258': 'windows1258' };

/** The file's text composed to NFC, without its byte-order mark. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, pieces } = decodePieces(bytes);
  return { text: [...pieces].join(''), encoding };
}

/** Bytes decoded at a time: the whole text of a big file is never held at once. */
const PIECE_BYTES = 1 << 20;

/**
 * The file's text composed to NFC, without its byte-order mark, in pieces that
 * each end after a line feed (the last one excepted). NFC never composes across
 * a line feed, so composing piece by piece gives the text composed whole.
 */
export function decodePieces(bytes: Uint8Array, pieceBytes = PIECE_BYTES): { encoding: Encoding; pieces: Iterable<string> } {
  const { encoding, bom } = detectEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  const decoder = encoding === 'utf-8' ? new StringDecoder('utf8') : iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: true });
  function* pieces() {
    let carry = '';
    for (let at = 0; at < body.length; at += pieceBytes) {
      const text = carry + decoder.write(body.subarray(at, at + pieceBytes));
      const end = text.lastIndexOf('\n') + 1;
      carry = text.slice(end);
      if (end > 0) yield text.slice(0, end).normalize('NFC');
    }
    const rest = carry + (decoder.end() ?? '');
    if (rest) yield rest.normalize('NFC');
  }
  return { encoding, pieces: pieces() };
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
