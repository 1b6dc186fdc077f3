import {
  CHART_HEIGHT,
  CHART_WIDTH,
  type ChartWeek,
  chartSpec,
  repliesChartPng,
  repliesChartSvg,
} from '../../src/features/digest/chart';
import { CHART_COLOURS, chartText } from '../../src/features/digest/chart-spec';
import { countColour, decodePng, PNG_SIGNATURE, pngSize } from './png-pixels';

/** Fourteen Mondays from 7 Sep 2026; the chart keeps the last twelve (21 Sep .. 7 Dec). */
const mondays = Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 8, 7 + 7 * i)).toISOString().slice(0, 10));
const weeks: ChartWeek[] = mondays.map((weekStart, i) => ({
  weekStart,
  mentor: 100 + 10 * i,
  mentee: i === 5 ? 0 : 60 + 5 * i,
}));
weeks[9] = { ...weeks[9], mentor: 400 }; // 9 Nov: the biggest number, from mentors

interface Bar {
  label: string;
  x: number;
  height: number;
  fill: string;
}

/** The bars of the SVG as drawn: Vega writes each as <path aria-label=... d="Mx,yhWvHh-WZ" fill=...>. */
function bars(svg: string): Bar[] {
  const re =
    /<path aria-label="([^"]*)"[^>]*aria-roledescription="bar" d="M([-\d.e]+),[-\d.e]+h[-\d.e]+v([-\d.e]+)h[^"]*" fill="([^"]+)"/g;
  return [...svg.matchAll(re)].map((m) => ({ label: m[1], x: Number(m[2]), height: Number(m[3]), fill: m[4] }));
}
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the digest chart: replies per week, by side', () => {
  it('is a PNG of the stated size', async () => {
    const png = await repliesChartPng(weeks);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(CHART_WIDTH).toBe(600);
    expect(CHART_HEIGHT).toBe(300);
  });

  it('draws one bar per side per week for the last 12 weeks, in date order, heights in proportion', async () => {
    const shuffled = [...weeks].reverse();
    const drawn = bars(await repliesChartSvg(shuffled));
    expect(drawn).toHaveLength(24);
    const mentors = drawn.filter((b) => b.fill === CHART_COLOURS.mentors);
    const mentees = drawn.filter((b) => b.fill === CHART_COLOURS.mentees);
    expect(mentors).toHaveLength(12);
    expect(mentees).toHaveLength(12);
    // Oldest on the left: 21 Sep first, 7 Dec last; 7 and 14 Sep are left out.
    expect(mentors.map((b) => b.x)).toEqual([...mentors.map((b) => b.x)].sort((a, b) => a - b));
    expect(mentors[0].label).toContain('week: 21 Sep');
    expect(mentors[11].label).toContain('week: 7 Dec');
    expect(drawn.some((b) => b.label.includes('7 Sep;') || b.label.includes('14 Sep;'))).toBe(false);
    // Height / replies is one constant across the bars; the week with no mentee replies has a zero bar.
    const kept = weeks.slice(-12);
    const scale = mentors[0].height / kept[0].mentor;
    kept.forEach((w, i) => {
      expect(mentors[i].height).toBeCloseTo(w.mentor * scale, 3);
      expect(mentees[i].height).toBeCloseTo(w.mentee * scale, 3);
    });
    expect(mentees[3].height).toBe(0);
    const tallest = drawn.reduce((a, b) => (b.height > a.height ? b : a));
    expect(tallest.label).toBe('week: 9 Nov; Replies: 400; side: Mentors');
  });

  it('labels the chart: title, short dates, Mentors and Mentees', async () => {
    const words = texts(await repliesChartSvg(weeks));
    expect(words).toEqual(
      expect.arrayContaining([chartText().title, 'Mentors', 'Mentees', 'Replies', '21 Sep', '2 Nov', '7 Dec']),
    );
  });

  it('shows the bars in the picture, mentors and mentees in their colours and in proportion', async () => {
    const image = decodePng(await repliesChartPng(weeks));
    const kept = weeks.slice(-12);
    const sum = (side: 'mentor' | 'mentee') => kept.reduce((n, w) => n + w[side], 0);
    const blue = countColour(image, CHART_COLOURS.mentors);
    const orange = countColour(image, CHART_COLOURS.mentees);
    expect(blue).toBeGreaterThan(5_000);
    // Equal bar widths, so painted area follows the replies (anti-aliased edges aside).
    expect(blue / orange).toBeGreaterThan((sum('mentor') / sum('mentee')) * 0.93);
    expect(blue / orange).toBeLessThan((sum('mentor') / sum('mentee')) * 1.07);
  });

  it('renders all-zero weeks and no weeks at all without bars, and without crashing', async () => {
    const zero = weeks.map((w) => ({ ...w, mentor: 0, mentee: 0 }));
    expect(bars(await repliesChartSvg(zero)).every((b) => b.height === 0)).toBe(true);
    expect(bars(await repliesChartSvg([]))).toEqual([]);
    for (const data of [zero, []]) {
      const image = decodePng(await repliesChartPng(data));
      expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      // Only the legend's two swatches carry the colours.
      expect(countColour(image, CHART_COLOURS.mentors)).toBeLessThan(200);
    }
    expect(chartSpec([])).toMatchObject({ data: { values: [] } });
  });

  it('still draws the bars on a machine without fonts', async () => {
    const image = decodePng(await repliesChartPng(weeks, { systemFonts: false }));
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(countColour(image, CHART_COLOURS.mentors)).toBeGreaterThan(5_000);
    expect(countColour(image, CHART_COLOURS.mentees)).toBeGreaterThan(3_000);
  });
});
