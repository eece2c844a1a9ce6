// Charts given options at once (the screen's first data, a filter in Explore) draw one per frame.
// ECharts lays out a chart inside setOption and paints it in its next animation frame: four at a
// time made one task of half a second at 100,000 outcomes, during which the wall's animations
// and a reader's clicks wait.

interface Job {
  run: () => void
  cancelled: boolean
}

const queue: Job[] = []
let busy = false

/** A frame after this one, or a moment when frames do not come (a hidden tab). */
function afterFrame(then: () => void): void {
  let called = false
  const once = () => {
    if (called) return
    called = true
    setTimeout(then, 0)
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once)
  setTimeout(once, 100)
}

function next(): void {
  let job = queue.shift()
  while (job?.cancelled) job = queue.shift()
  if (!job) {
    busy = false
    return
  }
  busy = true
  job.run()
  afterFrame(next)
}

/**
 * Runs `run` (which gives a chart its option) now if no chart is drawing, else after the
 * charts queued before it, each in a frame of its own. Returns a cancel, for an option replaced
 * or a chart removed before its turn.
 */
export function queueDraw(run: () => void): () => void {
  const job: Job = { run, cancelled: false }
  queue.push(job)
  if (!busy) next()
  return () => {
    job.cancelled = true
  }
}
