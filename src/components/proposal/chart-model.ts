/** Pure geometry for the savings chart (server-rendered SVG); all amounts are integer fen. */

export interface MonthPoint {
  month: number
  /** What the customer pays today, every month (their declared current spend). */
  current: number
  /** The proposed bill for this month. */
  proposed: number
  /** current − proposed: positive is money saved this month. */
  difference: number
  /** Running total of the differences, one-time fees counted in month 1. */
  cumulative: number
}

/** The 12 months compared; one-time fees are paid up front, so the running total starts below zero by them. */
export function monthlyComparison(schedule: readonly { month: number; bill: number }[], current: number, oneTimeTotal: number): MonthPoint[] {
  let cumulative = -oneTimeTotal
  return [...schedule]
    .sort((a, b) => a.month - b.month)
    .map(({ month, bill }) => {
      const difference = current - bill
      cumulative += difference
      return { month, current, proposed: bill, difference, cumulative }
    })
}

export interface Scale {
  lo: number
  hi: number
  ticks: number[]
}

/** Round tick steps (1, 2, 2.5, 5 × 10ⁿ yuan) spanning lo..hi, always including zero. */
export function niceScale(min: number, max: number, targetTicks = 4): Scale {
  const lo0 = Math.min(0, min)
  const hi0 = Math.max(0, max)
  const range = hi0 - lo0 || 10_000
  const raw = range / targetTicks
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = Math.max(100, ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude)
  const lo = Math.floor(lo0 / step) * step
  let hi = Math.ceil(hi0 / step) * step
  if (hi === lo) hi = lo + step
  const ticks: number[] = []
  for (let value = lo; value <= hi + step / 1000; value += step) ticks.push(Math.round(value))
  return { lo, hi, ticks }
}

export interface ChartSize {
  width: number
  height: number
  fontSize: number
  /** Room for the y-axis labels, in each panel. */
  left: number
  right: number
  /** The two panels one above the other, or side by side (print: flat, yet tall enough for labels). */
  layout: 'stacked' | 'side-by-side'
}

/** The drawings of one chart: narrow for phones, wide for larger screens, flat for one A4 page. */
export const CHART_VARIANTS = [
  { key: 'narrow', size: { width: 330, height: 380, fontSize: 12.5, left: 60, right: 6, layout: 'stacked' } },
  { key: 'wide', size: { width: 760, height: 330, fontSize: 13, left: 84, right: 12, layout: 'stacked' } },
  { key: 'print', size: { width: 760, height: 140, fontSize: 11.5, left: 64, right: 8, layout: 'side-by-side' } },
] as const satisfies readonly { key: string; size: ChartSize }[]

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Panel {
  /** Where the panel's title starts. */
  titleX: number
  /** The plot's horizontal extent; the y-axis labels end left of `left`. */
  left: number
  right: number
  top: number
  bottom: number
  titleY: number
  labelY: number
  ticks: { value: number; y: number }[]
  zeroY: number
  /** The month numbers under the plot. */
  months: { month: number; x: number }[]
}

export interface ChartGeometry {
  size: ChartSize
  monthly: Panel
  cumulative: Panel
  bars: { current: Rect; proposed: Rect }[]
  line: string
  area: string
  points: { x: number; y: number; value: number }[]
}

const r = (value: number) => Math.round(value * 10) / 10

interface Box {
  x: number
  left: number
  right: number
  top: number
  bottom: number
}

/** Where each panel's plot goes: one above the other, or side by side with a gutter between. */
function panelBoxes({ width, height, fontSize: f, left, right, layout }: ChartSize): [Box, Box] {
  // Above a plot its title, below it the month numbers.
  const titleBand = f + 14
  const labelBand = f + 14
  if (layout === 'side-by-side') {
    const gutter = 2 * f
    const column = (width - gutter) / 2
    const top = titleBand
    const bottom = height - labelBand
    const box = (x: number): Box => ({ x, left: x + left, right: x + column - right, top, bottom })
    return [box(0), box(column + gutter)]
  }
  const gap = f
  const plotsHeight = height - 2 * titleBand - 2 * labelBand - gap
  const monthlyBottom = titleBand + Math.round(plotsHeight * 0.5)
  return [
    { x: 0, left, right: width - right, top: titleBand, bottom: monthlyBottom },
    { x: 0, left, right: width - right, top: monthlyBottom + labelBand + gap + titleBand, bottom: height - labelBand },
  ]
}

export function chartGeometry(points: readonly MonthPoint[], size: ChartSize): ChartGeometry {
  const f = size.fontSize
  const [monthlyBox, cumulativeBox] = panelBoxes(size)
  // As many gridlines as fit without the axis labels touching (2 to 4 intervals).
  const tickTarget = ({ top, bottom }: Box) => Math.max(2, Math.min(4, Math.floor((bottom - top) / (f * 2.4))))
  const monthlyScale = niceScale(0, Math.max(...points.flatMap((p) => [p.current, p.proposed]), 0), tickTarget(monthlyBox))
  const cumulativeScale = niceScale(Math.min(...points.map((p) => p.cumulative), 0), Math.max(...points.map((p) => p.cumulative), 0), tickTarget(cumulativeBox))

  const panel = (scale: Scale, box: Box) => {
    const y = (value: number) => r(box.bottom - ((value - scale.lo) / (scale.hi - scale.lo)) * (box.bottom - box.top))
    const slot = (box.right - box.left) / Math.max(points.length, 1)
    const x = (index: number) => r(box.left + slot * (index + 0.5))
    const drawn: Panel = {
      titleX: box.x,
      left: box.left,
      right: box.right,
      top: box.top,
      bottom: box.bottom,
      titleY: box.top - 12,
      labelY: box.bottom + f + 8,
      ticks: scale.ticks.map((value) => ({ value, y: y(value) })),
      zeroY: y(0),
      months: points.map((point, index) => ({ month: point.month, x: x(index) })),
    }
    return { drawn, y, slot }
  }
  const monthly = panel(monthlyScale, monthlyBox)
  const cumulative = panel(cumulativeScale, cumulativeBox)

  const barWidth = Math.min(monthly.slot * 0.36, 20)
  const bar = (x: number, value: number): Rect => {
    const y = monthly.y(value)
    return { x: r(x), y, width: r(barWidth), height: r(monthly.drawn.zeroY - y) }
  }
  const bars = points.map((point, index) => {
    const { x } = monthly.drawn.months[index]
    return { current: bar(x - barWidth - 1, point.current), proposed: bar(x + 1, point.proposed) }
  })
  const linePoints = points.map((point, index) => ({ x: cumulative.drawn.months[index].x, y: cumulative.y(point.cumulative), value: point.cumulative }))
  const line = linePoints.map((p, index) => `${index === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
  const first = linePoints[0]
  const last = linePoints[linePoints.length - 1]
  const zeroY = cumulative.drawn.zeroY
  const area = first && last ? `M${first.x} ${zeroY} ${line.replace(/^M/, 'L')} L${last.x} ${zeroY} Z` : ''
  return { size, monthly: monthly.drawn, cumulative: cumulative.drawn, bars, line, area, points: linePoints }
}
