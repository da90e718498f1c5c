import { describe, expect, it } from 'vitest'
import { CHART_VARIANTS, chartGeometry, monthlyComparison, type ChartGeometry, type Panel } from './chart-model'
import { formatAxisYuan } from './proposal-text'

const twelveMonths = (bill: (month: number) => number) => Array.from({ length: 12 }, (_, index) => ({ month: index + 1, bill: bill(index + 1) }))

/** Current spend (fen), the proposed bills and one-time charges of proposals whose axes differ. */
const proposals = {
  'saving after an up-front cost': monthlyComparison(twelveMonths((month) => (month <= 3 ? 45_000 : 98_000)), 120_000, 150_000),
  'large bills, large saving': monthlyComparison(twelveMonths(() => 1_250_000), 2_400_000, 0),
  'dearer every month': monthlyComparison(twelveMonths(() => 180_000), 60_000, 99_000),
  'nothing today, nothing proposed': monthlyComparison(twelveMonths(() => 0), 0, 0),
}

/** Advance widths of a sans-serif's glyphs (Helvetica's, whose tabular figures are 0.556 em), in em. */
const GLYPH_WIDTHS: Record<string, number> = { ',': 0.278, '.': 0.278, '−': 0.584, '¥': 0.556 }
const DIGIT_WIDTH = 0.556

const widthOf = (text: string, fontSize: number) => [...text].reduce((sum, glyph) => sum + (GLYPH_WIDTHS[glyph] ?? (/\d/.test(glyph) ? DIGIT_WIDTH : 0.7)), 0) * fontSize

function panelsOf(g: ChartGeometry): Panel[] {
  return [g.monthly, g.cumulative]
}

describe.each(CHART_VARIANTS.map(({ key, size }) => ({ key, size })))('the $key drawing', ({ size }) => {
  const f = size.fontSize
  it.each(Object.entries(proposals))('keeps every label of "%s" apart and inside the drawing', (_name, points) => {
    const g = chartGeometry(points, size)
    for (const panel of panelsOf(g)) {
      const ys = panel.ticks.map((tick) => tick.y).sort((a, b) => a - b)
      // Axis labels one above the other, a line of text apart at least.
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1], `ticks ${ys.join(', ')}`).toBeGreaterThanOrEqual(1.2 * f)
      // The y-axis labels fit the room left of the plot, inside their panel.
      for (const tick of panel.ticks) {
        expect(panel.left - 6 - widthOf(formatAxisYuan(tick.value, 'en'), f)).toBeGreaterThanOrEqual(panel.titleX)
      }
      // The month numbers side by side ("12" is the widest).
      const xs = panel.months.map((month) => month.x)
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThan(widthOf('12', f) + 2)
      expect(panel.titleY - f).toBeGreaterThanOrEqual(0)
      expect(panel.labelY).toBeLessThanOrEqual(size.height)
      expect(panel.right).toBeLessThanOrEqual(size.width)
    }
  })

  it('never lets one panel run into the other', () => {
    const { monthly, cumulative } = chartGeometry(proposals['saving after an up-front cost'], size)
    if (size.layout === 'stacked') expect(cumulative.titleY - f).toBeGreaterThan(monthly.labelY)
    else expect(cumulative.left - 6 - widthOf('−¥1,000', f)).toBeGreaterThan(monthly.right)
  })
})

describe('the chart of a proposal', () => {
  it('draws each month’s bars around the month’s number and each point of the running total above it', () => {
    const points = proposals['saving after an up-front cost']
    const g = chartGeometry(points, CHART_VARIANTS[2].size)
    g.bars.forEach(({ current, proposed }, index) => {
      const { x } = g.monthly.months[index]
      expect(current.x + current.width).toBeLessThan(x)
      expect(proposed.x).toBeGreaterThan(x)
      // Today's spend is the taller bar in a month that saves.
      expect(current.height > proposed.height).toBe(points[index].difference > 0)
    })
    expect(g.points.map((point) => point.x)).toEqual(g.cumulative.months.map((month) => month.x))
    expect(g.points.map((point) => point.value)).toEqual(points.map((point) => point.cumulative))
  })

  it('puts the running total below the zero line while it is a loss, above it once it is a saving', () => {
    const points = proposals['saving after an up-front cost']
    const g = chartGeometry(points, CHART_VARIANTS[1].size)
    for (const point of g.points) {
      if (point.value < 0) expect(point.y).toBeGreaterThan(g.cumulative.zeroY)
      if (point.value > 0) expect(point.y).toBeLessThan(g.cumulative.zeroY)
    }
    expect(g.points.some((point) => point.value < 0) && g.points.some((point) => point.value > 0)).toBe(true)
  })
})
