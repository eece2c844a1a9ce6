import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queueDraw } from '../../src/charts/drawQueue'

// Node has no requestAnimationFrame: the queue moves on after its 100 ms fallback, as in a hidden
// tab. The order and the one-per-turn rule are what is tested.
beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.runAllTimers()
  vi.useRealTimers()
})

describe('queueDraw', () => {
  it('draws a lone chart at once', () => {
    const run = vi.fn()
    queueDraw(run)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('draws charts given options together one per turn, in order', () => {
    const order: string[] = []
    for (const id of ['map', 'sankey', 'timeline']) queueDraw(() => order.push(id))
    expect(order).toEqual(['map'])
    vi.advanceTimersByTime(99)
    expect(order).toEqual(['map'])
    // The fallback, then a task of its own (a zero timeout is a millisecond here).
    vi.advanceTimersByTime(2)
    expect(order).toEqual(['map', 'sankey'])
    vi.runAllTimers()
    expect(order).toEqual(['map', 'sankey', 'timeline'])
  })

  it('skips a chart whose option was replaced or which went away before its turn', () => {
    const order: string[] = []
    queueDraw(() => order.push('map'))
    const cancel = queueDraw(() => order.push('old sankey'))
    queueDraw(() => order.push('ranking'))
    cancel()
    queueDraw(() => order.push('new sankey'))
    vi.runAllTimers()
    expect(order).toEqual(['map', 'ranking', 'new sankey'])
  })

  it('draws at once again when the queue has drained', () => {
    queueDraw(() => undefined)
    queueDraw(() => undefined)
    vi.runAllTimers()
    const run = vi.fn()
    queueDraw(run)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
