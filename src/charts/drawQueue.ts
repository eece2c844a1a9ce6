// Charts that appear together (the screen's panels, then their tooltips) would otherwise be set
// up in one task: at 100,000 outcomes that was one frame of ~0.7 s in which the page could
// neither paint nor answer. Queued, the first is set up at once and each next one in a task of
// its own, in the order asked, so the browser paints and handles input between them. The first
// is not held back: it would then wait for a frame, and the first chart would come later. No
// ECharts or Vue here.

const queue: (() => void)[] = []
/** A draw ran in this task, or a task is scheduled to run the next one. */
let busy = false

function next() {
  const draw = queue.shift()
  if (!draw) {
    busy = false
    return
  }
  // A macrotask, not a microtask: the browser only paints or handles input between tasks.
  setTimeout(next, 0)
  draw()
}

/**
 * Runs `draw` now if no other draw ran in this task, else in a task of its own after the draws
 * queued before it. Returns a function that takes it out of the queue if it has not run yet (a
 * chart that went away or changed its mind).
 */
export function queueDraw(draw: () => void): () => void {
  if (!busy) {
    busy = true
    setTimeout(next, 0)
    draw()
    return () => undefined
  }
  let queued = true
  const run = () => {
    queued = false
    draw()
  }
  queue.push(run)
  return () => {
    if (!queued) return
    queued = false
    const i = queue.indexOf(run)
    if (i >= 0) queue.splice(i, 1)
  }
}
