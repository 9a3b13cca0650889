import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeProgress, formatDuration, startProgress, trackProgress } from './progress.js';

function capture(isTTY = false) {
  let text = '';
  const stream = new Writable({ write: (chunk, _enc, cb) => ((text += chunk), cb()) }) as unknown as NodeJS.WriteStream;
  stream.isTTY = isTTY;
  return { stream, text: () => text };
}

describe('progress of long work', () => {
  it('states rate and time left in Vietnamese', () => {
    expect(describeProgress({ done: 1200, total: 3000, elapsedMs: 24_000, unit: 'thư' })).toBe('1.200/3.000 thư (40%), 50 thư/giây, còn khoảng 36 giây');
    expect(describeProgress({ done: 0, total: 3000, elapsedMs: 1000, unit: 'thư' })).toBe('0/3.000 thư (0%)');
    expect(describeProgress({ done: 5, total: 0, elapsedMs: 2000, unit: 'đơn vị' })).toBe('5 đơn vị, 2,5 đơn vị/giây');
    expect(formatDuration(200_000)).toBe('3 phút 20 giây');
    expect(formatDuration(3_900_000)).toBe('1 giờ 5 phút');
  });

  it('writes one line every few seconds and a summary when the stream is not a terminal', () => {
    const out = capture();
    let clock = 0;
    const p = startProgress('Gửi thư', 100, { unit: 'thư', stream: out.stream, now: () => clock, everyMs: 5000, quiet: false });
    for (let i = 0; i < 100; i++) {
      clock += 100;
      p.tick();
    }
    p.stop('bị trả lại 2');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toEqual([
      'Gửi thư: 50/100 thư (50%), 10 thư/giây, còn khoảng 5 giây',
      'Gửi thư: 100/100 thư (100%), 10 thư/giây',
      'Gửi thư: xong 100 thư trong 10 giây, 10 thư/giây. bị trả lại 2',
    ]);
  });

  it('stays silent off a terminal when asked to', () => {
    const out = capture();
    let clock = 0;
    const p = startProgress('Gửi thư', 3, { unit: 'thư', stream: out.stream, now: () => clock, everyMs: 1000, quiet: true });
    clock = 9000;
    p.tick(3);
    p.stop();
    expect(out.text()).toBe('');
  });

  it('stays silent off a terminal when the work is short', () => {
    const out = capture();
    let clock = 0;
    const p = startProgress('Gửi thư', 3, { unit: 'thư', stream: out.stream, now: () => clock, everyMs: 5000, quiet: false });
    clock = 900;
    p.tick(3);
    p.stop();
    expect(out.text()).toBe('');
  });

  it('draws a bar with the same figures on a terminal', () => {
    const out = capture(true);
    let clock = 0;
    const p = startProgress('Gửi thư', 10, { unit: 'thư', stream: out.stream, now: () => clock });
    clock = 2000;
    p.update(4);
    p.stop();
    expect(out.text()).toContain('Gửi thư: xong 4 thư trong 2 giây, 2 thư/giây');
  });
});

describe('progress as a (done, total) callback', () => {
  it('follows the total the service reports', () => {
    const out = capture();
    let clock = 0;
    const p = trackProgress('Kiểm tra can thiệp', 'đơn vị', { stream: out.stream, now: () => clock, everyMs: 1000, quiet: false });
    clock = 1000;
    p.onProgress(3, 63);
    clock = 7000;
    p.onProgress(63, 63);
    p.stop();
    expect(out.text()).toBe(
      'Kiểm tra can thiệp: 3/63 đơn vị (4%), 3 đơn vị/giây, còn khoảng 20 giây\nKiểm tra can thiệp: 63/63 đơn vị (100%), 9 đơn vị/giây\nKiểm tra can thiệp: xong 63 đơn vị trong 7 giây, 9 đơn vị/giây\n',
    );
  });
});
