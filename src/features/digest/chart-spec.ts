import { DateTime } from 'luxon';
import type { TopLevelSpec } from 'vega-lite';
import { currentLanguage, t } from '../../i18n';

/*
 * The digest's chart as data: a Vega-Lite spec of check-in replies per week, by side, for the
 * last CHART_WEEKS weeks. Pure (no rendering, no I/O), so its content is unit-tested;
 * `chart.ts` renders it to SVG and PNG.
 */

/** One week of the chart: the Monday it starts ("YYYY-MM-DD") and the replies from each side. */
export interface ChartWeek {
  weekStart: string;
  mentor: number;
  mentee: number;
}

export const CHART_WEEKS = 12;
/** The PNG's size in pixels, title, axes and legend included. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 300;

/** The words on the chart, in the reader's language (STAFF_LANGUAGE for the weekly digest). */
export const chartText = () => ({
  title: t('digest.chart.title'),
  yAxis: t('digest.chart.yAxis'),
  mentors: t('digest.chart.mentors'),
  mentees: t('digest.chart.mentees'),
});

/**
 * Colour-blind-safe (Okabe–Ito blue and orange: apart in hue and in lightness, so they read in
 * every common colour-vision deficiency and in greyscale).
 */
export const CHART_COLOURS = { mentors: '#0072B2', mentees: '#E69F00' } as const;

/** "2026-11-02" -> "2 Nov" ("2 нояб.", "2 nov."): day and short month, in the reader's language. */
export function shortDay(day: string): string {
  const d = DateTime.fromISO(day, { zone: 'UTC' });
  return d.isValid ? d.setLocale(currentLanguage()).toFormat('d MMM') : day;
}

/** The last CHART_WEEKS weeks, oldest first, whatever order they came in. */
export function lastWeeks(weeks: readonly ChartWeek[]): ChartWeek[] {
  return [...weeks].sort((a, b) => a.weekStart.localeCompare(b.weekStart)).slice(-CHART_WEEKS);
}

/** The rows the chart draws: one per side per week, in week order. */
export function chartRows(weeks: readonly ChartWeek[]): { week: string; side: string; replies: number }[] {
  const words = chartText();
  return lastWeeks(weeks).flatMap((w) => [
    { week: shortDay(w.weekStart), side: words.mentors, replies: Math.max(0, w.mentor) },
    { week: shortDay(w.weekStart), side: words.mentees, replies: Math.max(0, w.mentee) },
  ]);
}

const SMALL_MAX = 5;
const smallTicks = (max: number) => Array.from({ length: Math.max(1, max) + 1 }, (_, i) => i);

/** The Vega-Lite spec: grouped bars, weeks along x, replies up y, one colour per side. */
export function chartSpec(weeks: readonly ChartWeek[]): TopLevelSpec {
  const rows = chartRows(weeks);
  const words = chartText();
  const max = Math.max(0, ...rows.map((r) => r.replies));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 8,
    background: 'white',
    title: { text: words.title, anchor: 'start', fontSize: 14 },
    config: { font: 'sans-serif', view: { stroke: null } },
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'week',
        type: 'ordinal',
        sort: null,
        title: null,
        axis: { labelAngle: 0 },
      },
      xOffset: { field: 'side', type: 'nominal', sort: [words.mentors, words.mentees] },
      y: {
        field: 'replies',
        type: 'quantitative',
        title: words.yAxis,
        // Whole replies only. Up to SMALL_MAX the ticks are given (Vega would put one at 0.5), and
        // with all zero (or no weeks) the axis still runs 0..1 rather than over an empty domain.
        axis: max <= SMALL_MAX ? { format: 'd', values: smallTicks(max) } : { format: 'd', tickMinStep: 1 },
        scale: max <= SMALL_MAX ? { domain: [0, Math.max(1, max)] } : { domainMin: 0 },
      },
      color: {
        field: 'side',
        type: 'nominal',
        title: null,
        scale: {
          domain: [words.mentors, words.mentees],
          range: [CHART_COLOURS.mentors, CHART_COLOURS.mentees],
        },
        legend: { orient: 'top', direction: 'horizontal' },
      },
    },
  };
}
