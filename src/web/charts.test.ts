import { describe, expect, it } from 'vitest';
import { barChart, lineChart } from './charts.js';

describe('charts', () => {
  it('draws a bar per item with its share written out', () => {
    const svg = barChart('Tỷ lệ trả lời theo nhóm', [
      { label: 'Đại biểu HĐND', value: 3, total: 4 },
      { label: 'Lãnh đạo sở <b>', value: 0, total: 0 },
    ]);
    expect(svg).toContain('75,0% (3/4)');
    expect(svg).toContain('width:75.0%');
    expect(svg).toContain('— (0/0)');
    expect(svg).toContain('Lãnh đạo sở &#60;b&#62;');
    expect(svg).not.toContain('<b>');
  });

  it('draws a running total between the first and last day', () => {
    const svg = lineChart('Số phiếu theo ngày', [
      { day: '2023-12-28', value: 2 },
      { day: '2023-12-29', value: 5 },
    ], 10);
    expect(svg).toContain('28/12/2023');
    expect(svg).toContain('29/12/2023');
    expect(svg).toContain('10 người được mời');
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });

  it('says so when there is nothing to draw yet', () => {
    expect(lineChart('x', [])).toContain('Chưa có phiếu');
  });
});
