/** A one-line progress bar on stderr (stdout stays free for the summary), redrawn at most every 1%. */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): { advance: (count: number) => void; done: () => void } {
  const width = 30
  const started = Date.now()
  let current = 0
  let drawnPercent = -1
  const draw = () => {
    const share = total === 0 ? 1 : current / total
    const filled = Math.round(share * width)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    const line = `${label.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${current.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds}s`
    stream.write(stream.isTTY ? `\r${line}` : `${line}\n`)
  }
  return {
    advance: (count) => {
      current += count
      const percent = Math.floor((current / Math.max(total, 1)) * 100)
      // Without a terminal each redraw is a new line: draw every 10% only.
      const step = stream.isTTY ? 1 : 10
      if (percent >= drawnPercent + step) {
        drawnPercent = percent
        draw()
      }
    },
    done: () => {
      current = total
      draw()
      if (stream.isTTY) stream.write('\n')
    },
  }
}
