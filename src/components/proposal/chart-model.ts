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
  /** Room for the y-axis labels. */
  left: number
  right: number
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Panel {
  top: number
  bottom: number
  titleY: number
  labelY: number
  ticks: { value: number; y: number }[]
  zeroY: number
}

export interface ChartGeometry {
  size: ChartSize
  plotLeft: number
  plotRight: number
  monthly: Panel
  cumulative: Panel
  months: { month: number; x: number; currentBar: Rect; proposedBar: Rect }[]
  line: string
  area: string
  points: { x: number; y: number; value: number }[]
}

const r = (value: number) => Math.round(value * 10) / 10

export function chartGeometry(points: readonly MonthPoint[], size: ChartSize): ChartGeometry {
  const { width, height, fontSize: f, left, right } = size
  const plotLeft = left
  const plotRight = width - right
  const slot = (plotRight - plotLeft) / Math.max(points.length, 1)
  const barWidth = Math.min(slot * 0.36, 20)

  // Vertical layout: panel title, monthly bars, month numbers, panel title, running total, month numbers.
  const titleBand = f + 14
  const labelBand = f + 14
  const gap = f
  const plotsHeight = height - 2 * titleBand - 2 * labelBand - gap
  const monthlyHeight = Math.round(plotsHeight * 0.5)
  const monthlyTop = titleBand
  const monthlyBottom = monthlyTop + monthlyHeight
  const cumulativeTop = monthlyBottom + labelBand + gap + titleBand
  const cumulativeBottom = height - labelBand

  // As many gridlines as fit without the axis labels touching (2 to 4 intervals).
  const tickTarget = (panelHeight: number) => Math.max(2, Math.min(4, Math.floor(panelHeight / (f * 2.4))))
  const monthlyScale = niceScale(0, Math.max(...points.flatMap((p) => [p.current, p.proposed]), 0), tickTarget(monthlyHeight))
  const cumulativeScale = niceScale(
    Math.min(...points.map((p) => p.cumulative), 0),
    Math.max(...points.map((p) => p.cumulative), 0),
    tickTarget(cumulativeBottom - cumulativeTop),
  )

  const yIn = (scale: Scale, top: number, bottom: number) => (value: number) => r(bottom - ((value - scale.lo) / (scale.hi - scale.lo)) * (bottom - top))
  const yMonthly = yIn(monthlyScale, monthlyTop, monthlyBottom)
  const yCumulative = yIn(cumulativeScale, cumulativeTop, cumulativeBottom)

  const panel = (scale: Scale, top: number, bottom: number, y: (value: number) => number): Panel => ({
    top,
    bottom,
    titleY: top - 12,
    labelY: bottom + f + 8,
    ticks: scale.ticks.map((value) => ({ value, y: y(value) })),
    zeroY: y(0),
  })
  const monthly = panel(monthlyScale, monthlyTop, monthlyBottom, yMonthly)
  const cumulative = panel(cumulativeScale, cumulativeTop, cumulativeBottom, yCumulative)

  const bar = (x: number, value: number): Rect => {
    const y = yMonthly(value)
    return { x: r(x), y, width: r(barWidth), height: r(monthly.zeroY - y) }
  }
  const months = points.map((point, index) => {
    const x = r(plotLeft + slot * (index + 0.5))
    return { month: point.month, x, currentBar: bar(x - barWidth - 1, point.current), proposedBar: bar(x + 1, point.proposed) }
  })
  const linePoints = points.map((point, index) => ({ x: months[index].x, y: yCumulative(point.cumulative), value: point.cumulative }))
  const line = linePoints.map((p, index) => `${index === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ')
  const first = linePoints[0]
  const last = linePoints[linePoints.length - 1]
  const area = first && last ? `M${first.x} ${cumulative.zeroY} ${line.replace(/^M/, 'L')} L${last.x} ${cumulative.zeroY} Z` : ''
  return {
    size,
    plotLeft,
    plotRight,
    monthly,
    cumulative,
    months,
    line,
    area,
    points: linePoints,
  }
}
