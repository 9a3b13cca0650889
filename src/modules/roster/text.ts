// Text as it arrives from spreadsheets: composed to Unicode NFC once, with
// whitespace trimmed and collapsed, and a check for the legacy Vietnamese font
// encodings (TCVN3, VNI) that Unicode readers show as garbled Latin letters.

const SPACES = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

const NEEDS_WORK = /^\s|\s$|[\t\r\n\u00a0\u2000-\u200b\u3000\ufeff]|\s\s/;

/** Trimmed, runs of whitespace (including NBSP, tabs, newlines) made one space; for text already NFC. */
export function collapseSpaces(input: string): string {
  return NEEDS_WORK.test(input) ? input.replace(SPACES, ' ').trim() : input;
}

/** NFC, trimmed, runs of whitespace (including NBSP, tabs, newlines) made one space. */
export function cleanText(input: string): string {
  return collapseSpaces(input.normalize('NFC'));
}

/** Lower case without diacritics or punctuation: `Họ và tên` → `hovaten`. */
export function foldKey(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** For comparing names and organisations (already clean): case-folded. */
export function foldName(input: string): string {
  return collapseSpaces(input).toLowerCase();
}

// Latin-1 letters Vietnamese uses; any other Latin-1 symbol or letter in a name
// (¨ © ® µ ¸ Ë Ñ ö ø ...) is what TCVN3 or VNI text looks like read as Unicode.
const VIETNAMESE_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
const FOREIGN_LATIN1 = new RegExp(
  `[${Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i))
    .filter((ch) => !VIETNAMESE_LATIN1.includes(ch))
    .map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('')}]`,
);
// VNI spells tones as trailing letters: "Nguyeãn", "Vaên", "Leâ" — vowel pairs Vietnamese never has.
const VNI_PAIRS = /(?:e[âãàáäåø]|a[êâãø]|o[âø])/i;

/** True when the text looks like TCVN3 or VNI rather than Unicode Vietnamese. */
export function looksLikeLegacyFont(text: string): boolean {
  return FOREIGN_LATIN1.test(text) || VNI_PAIRS.test(text);
}
