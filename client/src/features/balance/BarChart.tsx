import { barX, plot, ruleX, text } from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { cspNonce } from '../../app/cspNonce';

export interface Bar {
  label: string;
  value: number;
}

interface BarChartProps {
  bars: readonly Bar[];
  /** What the numbers are, under the axis ("Seconds heard"). */
  valueLabel: string;
  /** The chart in one sentence, for people who cannot see it; the table beside it has every number. */
  summary: string;
  format(value: number): string;
  /** Counts of things: the axis shows whole numbers only. */
  whole?: boolean;
}

/**
 * A horizontal bar chart drawn by Observable Plot as SVG. Screen readers get the summary (the SVG itself is hidden
 * from them); the same numbers are in the table the page puts beside every chart.
 */
export function BarChart({ bars, valueLabel, summary, format, whole = false }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(bars);
  useEffect(() => {
    const host = ref.current;
    const data: Bar[] = JSON.parse(key) as Bar[];
    if (!host || data.length === 0) return;
    const most = Math.max(...data.map((d) => d.value));
    // Drawn at the width it is shown at, so its words keep their size (it is not drawn again on resizing).
    const chart = plot({
      width: Math.max(280, Math.round(host.clientWidth)),
      height: 56 + data.length * 40,
      marginLeft: Math.min(200, 16 + 8 * Math.max(...data.map((d) => d.label.length))),
      marginRight: 110,
      style: { fontSize: '14px', background: 'transparent' },
      x: {
        label: valueLabel,
        grid: true,
        nice: true,
        ...(whole ? { ticks: Math.max(1, Math.min(5, most)), tickFormat: 'd' } : {}),
      },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        barX(data, { x: 'value', y: 'label', fill: '#1d70b8' }),
        text(data, { x: 'value', y: 'label', text: (d: Bar) => format(d.value), dx: 6, textAnchor: 'start' }),
        ruleX([0]),
      ],
    });
    chart.setAttribute('aria-hidden', 'true');
    // Plot adds a <style> to the SVG: the page's Content-Security-Policy accepts it only with the nonce.
    const nonce = cspNonce();
    if (nonce) chart.querySelectorAll('style').forEach((s) => s.setAttribute('nonce', nonce));
    host.replaceChildren(chart);
    return () => chart.remove();
  }, [key, valueLabel, format, whole]);
  if (bars.length === 0) return null;
  return <div ref={ref} className="chart" role="img" aria-label={summary} />;
}
