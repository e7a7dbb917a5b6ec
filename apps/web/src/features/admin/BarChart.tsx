import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatKroner } from '../../format';

// Only the pieces a bar chart uses, so the rest of Chart.js stays out of the bundle. This module is
// imported by the ledger page alone, so Chart.js loads with that page's chunk and nowhere else.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const MILLIONS = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });

/** An axis's amount in kroner: `2,5 mio. kr.` on a scale of millions, `750.000 kr.` below. */
function axisKroner(kroner: number, scale: number): string {
  if (kroner === 0) return '0 kr.';
  return scale >= 1_000_000 ? `${MILLIONS.format(kroner / 1_000_000)} mio. kr.` : `${WHOLE.format(kroner)} kr.`;
}

export interface Bar {
  label: string;
  ore: number;
  /** The bar's colour: dkfds' blue, green for what is left, red for what is over. */
  tone?: 'primary' | 'success' | 'error' | 'neutral';
}

const COLOURS: Record<NonNullable<Bar['tone']>, string> = {
  primary: '#0059b3',
  success: '#358000',
  error: '#b51d09',
  neutral: '#747474',
};

/**
 * A horizontal bar chart of amounts in kroner, drawn by Chart.js on a canvas. The canvas is an image
 * to assistive technology, named by `description` (the figures in words); the page shows the same
 * figures as a table beside it, so nothing is in the picture alone.
 */
export function BarChart({ bars, description, testId }: { bars: Bar[]; description: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn again only when the figures change, not on every render of the page.
  const figures = JSON.stringify(bars);
  useEffect(() => {
    if (!canvas.current) return;
    const drawn = JSON.parse(figures) as Bar[];
    const scale = Math.max(0, ...drawn.map((bar) => bar.ore / 100));
    // The page's own typeface and size, not Chart.js' default.
    const font = { family: getComputedStyle(canvas.current).fontFamily, size: 14 };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: drawn.map((bar) => bar.label),
        datasets: [
          {
            data: drawn.map((bar) => bar.ore / 100),
            backgroundColor: drawn.map((bar) => COLOURS[bar.tone ?? 'primary']),
            borderWidth: 0,
            barPercentage: 0.8,
            maxBarThickness: 32,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        // Drawn at once: no motion for those who asked for none, and a screenshot shows the figures.
        animation: false,
        plugins: {
          tooltip: { callbacks: { label: (item) => formatKroner(Math.round(Number(item.raw) * 100)) } },
        },
        scales: {
          x: { beginAtZero: true, ticks: { callback: (value) => axisKroner(Number(value), scale), color: '#1a1a1a', font } },
          y: { ticks: { color: '#1a1a1a', autoSkip: false, font } },
        },
      },
    });
    return () => chart.destroy();
  }, [figures]);
  // Tall enough for every bar's label: a kommune per row.
  const height = Math.max(160, bars.length * 32 + 60);
  return (
    <div className="bar-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={description} data-testid={testId}>
        {description}
      </canvas>
    </div>
  );
}
