// Commander speaks English in its help and usage errors; this puts every
// word a person sees into Vietnamese. Settings set on the root command are
// copied to each sub-command when it is created, so call this first.
import { Help, type Command, type Option, type Argument } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Tham số:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
};

const usageWords = (text: string) => text.replaceAll('[options]', '[tùy chọn]').replaceAll('[command]', '[lệnh]');

const extraInfo = (text: string) =>
  text
    .replace(/\(default: /g, '(mặc định: ')
    .replace(/, default: /g, ', mặc định: ')
    .replace(/\(choices: /g, '(chọn một trong: ')
    .replace(/\(preset: /g, '(giá trị khi bỏ trống: ')
    .replace(/, env: /g, ', biến môi trường: ')
    .replace(/\(env: /g, '(biến môi trường: ');

const quoted = (s: string) => `«${s}»`;

/** "option '--a'" or "environment variable 'A' value 'x'", as commander names the two sides of a conflict. */
const conflicting = (side: string) =>
  side.replace(/^option '(.+)'$/, (_, o: string) => quoted(o)).replace(/^environment variable '(.+)' value '(.*)'$/, (_, e: string, v: string) => `biến môi trường ${e}=${quoted(v)}`);

/** Usage errors, matched on commander's own wording (stable across 14.x). */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^error: missing required argument '(.+)'$/, (_, a) => `thiếu tham số bắt buộc ${quoted(a!)}.`],
  [/^error: option '(.+)' argument missing$/, (_, o) => `tùy chọn ${quoted(o!)} cần một giá trị.`],
  [/^error: required option '(.+)' not specified$/, (_, o) => `thiếu tùy chọn bắt buộc ${quoted(o!)}.`],
  [/^error: unknown option '(.+)'$/, (_, o) => `không có tùy chọn ${quoted(o!)}.`],
  [/^error: unknown command '(.+)'$/, (_, c) => `không có lệnh ${quoted(c!)}.`],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (_, c, e, g) => `thừa tham số${c ? ` cho lệnh ${quoted(c)}` : ''}: cần ${e}, nhận được ${g}.`],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/, (_, o, v, c) => `giá trị ${quoted(v!)} của ${quoted(o!)} không hợp lệ; chọn một trong: ${c}.`],
  [/^error: option '(.+)' argument '(.*)' is invalid\.\s*(.*)$/, (_, o, v, why) => `giá trị ${quoted(v!)} của ${quoted(o!)} không hợp lệ.${why ? ` ${why}` : ''}`],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\.\s*(.*)$/, (_, v, a, why) => `giá trị ${quoted(v!)} của tham số ${quoted(a!)} không hợp lệ.${why ? ` ${why}` : ''}`],
  [/^error: (.+) cannot be used with (.+)$/, (_, a, b) => `không dùng ${conflicting(a!)} cùng với ${conflicting(b!)}.`],
];

export function translateCommanderError(message: string): string {
  const [first = '', ...rest] = message.trimEnd().split('\n');
  let line = `Lỗi: ${first.replace(/^error: /, '')}`;
  for (const [pattern, say] of ERRORS) {
    const m = pattern.exec(first);
    if (m) {
      line = `Lỗi: ${say(...m)}`;
      break;
    }
  }
  const hint = rest
    .join(' ')
    .replace(/\(Did you mean one of (.+)\?\)/, 'Có phải ý bạn là một trong: $1?')
    .replace(/\(Did you mean (.+)\?\)/, 'Có phải ý bạn là $1?');
  return hint ? `${line}\n${hint}\n` : `${line}\n`;
}

export function speakVietnamese(program: Command): Command {
  return program
    .helpOption('-h, --help', 'hiển thị hướng dẫn của lệnh')
    .helpCommand('help [lệnh]', 'hiển thị hướng dẫn của một lệnh')
    .configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      styleUsage: (usage: string) => usageWords(usage),
      styleSubcommandTerm: (term: string) => usageWords(term),
      optionDescription(this: Help, option: Option) {
        return extraInfo(Help.prototype.optionDescription.call(this, option));
      },
      argumentDescription(this: Help, argument: Argument) {
        return extraInfo(Help.prototype.argumentDescription.call(this, argument));
      },
    })
    .configureOutput({ outputError: (message, write) => write(translateCommanderError(message)) });
}
