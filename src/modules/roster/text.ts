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

// Control characters (NUL included) and what a decoder leaves of bytes it could
// not read (U+FFFD, lone surrogates): PostgreSQL refuses NUL outright, and none of
// them belongs in a name or an address. Tab, CR and LF are whitespace, collapsed.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const UNREADABLE = /[\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_SHOWABLE = new RegExp(`${CONTROL.source}|${UNREADABLE.source}`, 'g');

/** Why a field's text cannot be stored as it is, or null. */
export function badCharacter(text: string): 'control_character' | 'unreadable_character' | null {
  if (CONTROL.test(text)) return 'control_character';
  if (UNREADABLE.test(text)) return 'unreadable_character';
  return null;
}

/** The text with control and unreadable characters shown as U+FFFD: safe to quote in a message or store. */
export function showable(text: string): string {
  return text.replace(NOT_SHOWABLE, '\ufffd');
}

/** Ð/ð (U+00D0/U+00F0, Windows-1252's letters in the places of Đ/đ in legacy Vietnamese files) read as Đ/đ. */
export function vietnameseD(text: string): string {
  return /[\u00d0\u00f0]/.test(text) ? text.replace(/\u00d0/g, '\u0110').replace(/\u00f0/g, '\u0111') : text;
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

/**
 * A copy of `text` that keeps nothing else alive: a substring may be a view
 * into the whole piece of the file it was read from, and a kept name or
 * address would hold that piece in memory. (Slicing a joined string copies it.)
 */
export const flat = (text: string) => ` ${text}`.slice(1);
