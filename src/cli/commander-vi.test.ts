import { Command, InvalidArgumentError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { speakVietnamese } from './commander-vi.js';

/** Runs a small command the way par-survey does and answers what it wrote to stderr. */
function stderrOf(args: string[]): string {
  let err = '';
  const program = speakVietnamese(new Command('ps')).exitOverride().configureOutput({ writeErr: (s) => (err += s), writeOut: () => {} });
  program
    .command('tao')
    .requiredOption('--id <id>', 'mã')
    .addOption(new Option('--kieu <kieu>', 'kiểu').choices(['csv', 'json']))
    .addOption(new Option('--a', 'a').conflicts('b'))
    .option('--b', 'b')
    .option('--so <n>', 'số', (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('Cần một số.');
      return v;
    })
    .argument('<tep>', 'tệp')
    .action(() => {});
  try {
    program.parse(args, { from: 'user' });
  } catch {
    // exitOverride throws after writing
  }
  return err;
}

describe("commander's usage errors in Vietnamese", () => {
  it.each([
    [['tao', 'x.csv'], 'Lỗi: thiếu tùy chọn bắt buộc «--id <id>».\n'],
    [['tao', '--id', '1'], 'Lỗi: thiếu tham số bắt buộc «tep».\n'],
    [['tao', 'x.csv', '--id'], 'Lỗi: tùy chọn «--id <id>» cần một giá trị.\n'],
    [['tao', 'x.csv', '--id', '1', '--bogus'], 'Lỗi: không có tùy chọn «--bogus».\n'],
    [['tao', 'x.csv', 'y.csv', '--id', '1'], 'Lỗi: thừa tham số cho lệnh «tao»: cần 1, nhận được 2.\n'],
    [['tao', 'x.csv', '--id', '1', '--kieu', 'xml'], 'Lỗi: giá trị «xml» của «--kieu <kieu>» không hợp lệ; chọn một trong: csv, json.\n'],
    [['tao', 'x.csv', '--id', '1', '--so', 'muoi'], 'Lỗi: giá trị «muoi» của «--so <n>» không hợp lệ. Cần một số.\n'],
    [['tao', 'x.csv', '--id', '1', '--a', '--b'], 'Lỗi: không dùng «--a» cùng với «--b».\n'],
    [['tai'], 'Lỗi: không có lệnh «tai».\nCó phải ý bạn là tao?\n'],
  ])('%j', (args, message) => {
    expect(stderrOf(args)).toBe(message);
  });

  it('titles help in Vietnamese', () => {
    const program = speakVietnamese(new Command('ps'));
    program.command('tao').option('--kieu <kieu>', 'kiểu', 'csv');
    const help = program.commands[0]!.helpInformation();
    expect(help).toContain('Cách dùng: ps tao [tùy chọn]');
    expect(help).toContain('kiểu (mặc định: "csv")');
    expect(help).toContain('-h, --help     hiển thị hướng dẫn của lệnh');
  });
});
