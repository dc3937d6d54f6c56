/** Small inline-SVG charts for the HTML report (no scripts, no external assets). */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface Bar {
  label: string;
  value: number;
  /** Text shown after the bar (e.g. "41/45"). */
  note?: string;
}

/** Horizontal bars for fractions 0..1, coloured red → green. */
export function fractionBars(bars: readonly Bar[], title: string): string {
  const rowHeight = 20;
  const labelWidth = 230;
  const barWidth = 320;
  const height = bars.length * rowHeight + 10;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 5;
    const width = Math.max(1, Math.round(bar.value * barWidth));
    const hue = Math.round(bar.value * 120);
    return [
      `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${barWidth}" height="${rowHeight - 6}" fill="#eee"/>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${width}" height="${rowHeight - 6}" fill="hsl(${hue},60%,50%)"/>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 14}">${(bar.value * 100).toFixed(1)}% ${escapeHtml(bar.note ?? "")}</text>`,
    ].join("");
  });
  return `<svg role="img" aria-label="${escapeHtml(title)}" width="${labelWidth + barWidth + 120}" height="${height}" font-size="12" font-family="sans-serif">${rows.join("")}</svg>`;
}

/** A histogram of `values` in `bucketCount` equal-width buckets. */
export function histogram(values: readonly number[], title: string, unit: string, bucketCount = 20): string {
  if (values.length === 0) return "<p>no data</p>";
  const max = Math.max(...values);
  const size = max / bucketCount || 1;
  const counts = new Array<number>(bucketCount).fill(0);
  for (const value of values) {
    const bucket = Math.min(bucketCount - 1, Math.floor(value / size));
    counts[bucket] = (counts[bucket] ?? 0) + 1;
  }
  const top = Math.max(...counts);
  const width = 24;
  const chartHeight = 140;
  const bars = counts.map((count, index) => {
    const height = Math.round((count / top) * chartHeight);
    const x = 40 + index * width;
    const label = `${(index * size).toFixed(1)}–${((index + 1) * size).toFixed(1)} ${unit}: ${count}`;
    return `<rect x="${x}" y="${chartHeight - height + 10}" width="${width - 3}" height="${height}" fill="#3b7dd8"><title>${escapeHtml(label)}</title></rect>`;
  });
  const axis = `<text x="40" y="${chartHeight + 26}">0</text><text x="${40 + bucketCount * width}" y="${chartHeight + 26}" text-anchor="end">${max.toFixed(1)} ${escapeHtml(unit)}</text><text x="0" y="20">${top}</text>`;
  return `<svg role="img" aria-label="${escapeHtml(title)}" width="${60 + bucketCount * width}" height="${chartHeight + 34}" font-size="12" font-family="sans-serif">${bars.join("")}${axis}</svg>`;
}
