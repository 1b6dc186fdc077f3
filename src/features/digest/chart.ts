import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { CHART_WIDTH, type ChartWeek, chartSpec } from './chart-spec';

/*
 * The digest's chart, rendered without a browser: Vega-Lite spec -> Vega -> SVG (Vega's own SVG
 * renderer, headless) -> PNG with resvg (Rust, no native build step).
 *
 * Vega 5 and Vega-Lite 5 rather than 6: the 6.x packages are ESM-only with top-level await, which
 * neither this CommonJS build (`require()` of such a graph throws ERR_REQUIRE_ASYNC_MODULE on
 * Node 20 and 22) nor ts-jest can load. The 5.x line ships CommonJS builds and the same
 * Vega-Lite grammar for what this chart uses.
 */

export { CHART_HEIGHT, CHART_WEEKS, CHART_WIDTH, type ChartWeek, chartSpec } from './chart-spec';

/** Fonts resvg looks for: DejaVu is on the project's machines; without it, the bars still draw. */
const FONT_FAMILY = 'DejaVu Sans'; // i18n-exempt: a font's name

export interface ChartRenderOptions {
  /** false: render with no fonts at all (text is left out, bars and axes stay). Default true. */
  systemFonts?: boolean;
}

/** The chart as an SVG document (CHART_WIDTH x CHART_HEIGHT). */
export async function repliesChartSvg(weeks: readonly ChartWeek[]): Promise<string> {
  const { spec } = compile(chartSpec(weeks));
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG image for Slack: replies per week, by side, over the last 12 weeks. */
export async function repliesChartPng(weeks: readonly ChartWeek[], options: ChartRenderOptions = {}): Promise<Buffer> {
  const svg = await repliesChartSvg(weeks);
  const systemFonts = options.systemFonts ?? true;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: CHART_WIDTH },
    background: 'white',
    font: systemFonts
      ? { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY }
      : { loadSystemFonts: false },
  });
  return resvg.render().asPng();
}
