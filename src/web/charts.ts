// Charts are drawn on the server (HTML bars, inline SVG lines): no script, no
// external request, readable by screen readers (the figures are in the text).
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type Bar = { label: string; value: number; total: number };

/** Bars of value/total (e.g. completion by group) as HTML, so they reflow on a phone. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const rows = bars.map((b) => {
    const share = b.total > 0 ? b.value / b.total : 0;
    const pct = b.total > 0 ? `${(share * 100).toFixed(1).replace('.', ',')}%` : '—';
    return `<li><span class="bar-label">${esc(b.label)}</span>`
      + `<span class="bar-track" aria-hidden="true"><span class="bar-fill" style="width:${(share * 100).toFixed(1)}%"></span></span>`
      + `<span class="bar-value">${pct} (${b.value}/${b.total})</span></li>`;
  });
  return `<ul class="bars" aria-label="${esc(title)}">${rows.join('')}</ul>`;
}

export type Point = { day: string; value: number };

/** A running total over days, e.g. completions over time, with an optional goal line. */
export function lineChart(title: string, points: readonly Point[], goal?: number): string {
  const width = 700;
  const height = 240;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 40;
  if (points.length === 0) return `<p class="muted">Chưa có phiếu nào được gửi.</p>`;
  const max = Math.max(1, goal ?? 0, ...points.map((p) => p.value));
  const x = (i: number) => left + (points.length === 1 ? (width - left - right) / 2 : (i / (points.length - 1)) * (width - left - right));
  const y = (v: number) => top + (1 - v / max) * (height - top - bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = points[0]!;
  const last = points.at(-1)!;
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  const grid = ticks
    .map((v) => `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" class="grid"/><text x="${left - 6}" y="${y(v) + 4}" class="tick" text-anchor="end">${v}</text>`)
    .join('');
  const goalLine = goal ? `<line x1="${left}" x2="${width - right}" y1="${y(goal)}" y2="${y(goal)}" class="goal"/><text x="${width - right}" y="${y(goal) - 4}" class="tick" text-anchor="end">${goal} người được mời</text>` : '';
  const dots = points.length <= 40 ? points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" class="dot"/>`).join('') : '';
  const desc = `Từ ${viDay(first.day)} (${first.value}) đến ${viDay(last.day)} (${last.value}).`;
  // Scrolls sideways on a phone: focusable so the keyboard can scroll it too.
  return `<div class="chart-scroll" tabindex="0" role="region" aria-labelledby="t-${slug(title)}"><svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t-${slug(title)} d-${slug(title)}" preserveAspectRatio="xMinYMin meet">`
    + `<title id="t-${slug(title)}">${esc(title)}</title><desc id="d-${slug(title)}">${esc(desc)}</desc>${grid}${goalLine}`
    + `<path d="${path}" class="line"/>${dots}`
    + `<text x="${left}" y="${height - 12}" class="tick">${viDay(first.day)}</text><text x="${width - right}" y="${height - 12}" class="tick" text-anchor="end">${viDay(last.day)}</text></svg></div>`;
}

const viDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const slug = (s: string) => s.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase().slice(0, 40);
