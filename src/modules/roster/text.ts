// Text as it arrives from spreadsheets: composed to Unicode NFC once, with
// whitespace trimmed and collapsed, and a check for the legacy Vietnamese font
// encodings (TCVN3, VNI) that Unicode readers show as garbled Latin letters.

const SPACES = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;

/** NFC, trimmed, runs of whitespace (including NBSP, tabs, newlines) made one space. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(SPACES, ' ').trim();
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

/** For comparing names and organisations: NFC, case-folded, single spaces. */
export function foldName(input: string): string {
  return cleanText(input).toLocaleLowerCase('vi');
}

// Latin-1 letters Vietnamese uses; any other Latin-1 symbol or letter in a name
// (¨ © ® µ ¸ Ë Ñ ö ø ...) is what TCVN3 or VNI text looks like read as Unicode.
const VIETNAMESE_LATIN1 = 'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ';
const LATIN1 = /[\u00a1-\u00ff]/g;
// VNI spells tones as trailing letters: "Nguyeãn", "Vaên", "Leâ" — vowel pairs Vietnamese never has.
const VNI_PAIRS = /(?:e[âãàáäåø]|a[êâãø]|o[âø])/i;

/** True when the text looks like TCVN3 or VNI rather than Unicode Vietnamese. */
export function looksLikeLegacyFont(text: string): boolean {
  for (const ch of text.match(LATIN1) ?? []) {
    if (!VIETNAMESE_LATIN1.includes(ch)) return true;
  }
  return VNI_PAIRS.test(text);
}
