import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Carousel } from '../../src/screen/carousel'

let steps: (string | null)[]
let carousel: Carousel

beforeEach(() => {
  vi.useFakeTimers()
  steps = []
  carousel = new Carousel({ intervalMs: 8000, pauseMs: 30_000, onStep: (item) => steps.push(item) })
  carousel.setItems(['a', 'b', 'c'])
})
afterEach(() => {
  carousel.stop()
  vi.useRealTimers()
})

describe('Carousel', () => {
  it('steps through the items at the interval and wraps around', () => {
    carousel.start()
    expect(steps).toEqual(['a'])
    vi.advanceTimersByTime(8000 * 3)
    expect(steps).toEqual(['a', 'b', 'c', 'a'])
  })

  it('holds the current item for the pause after an interaction', () => {
    carousel.start()
    vi.advanceTimersByTime(4000)
    carousel.interact()
    vi.advanceTimersByTime(29_999)
    expect(steps).toEqual(['a'])
    vi.advanceTimersByTime(1)
    expect(steps).toEqual(['a', 'b'])
    vi.advanceTimersByTime(8000)
    expect(steps).toEqual(['a', 'b', 'c'])
  })

  it('stops while hidden and resumes a full interval after', () => {
    carousel.start()
    carousel.setHidden(true)
    vi.advanceTimersByTime(60_000)
    expect(steps).toEqual(['a'])
    carousel.setHidden(false)
    vi.advanceTimersByTime(7999)
    expect(steps).toEqual(['a'])
    vi.advanceTimersByTime(1)
    expect(steps).toEqual(['a', 'b'])
  })

  it('keeps its place when the items change, and leaves no timer when stopped', () => {
    carousel.start()
    vi.advanceTimersByTime(8000)
    carousel.setItems(['x', 'b', 'y'])
    expect(carousel.current).toBe('b')
    vi.advanceTimersByTime(8000)
    expect(steps.at(-1)).toBe('y')
    carousel.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('reports nothing to show for an empty list, without a timer', () => {
    carousel.setItems([])
    carousel.start()
    expect(steps).toEqual([null])
    expect(vi.getTimerCount()).toBe(0)
  })
})
