import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Carousel, carouselCommand } from '../../src/screen/carousel'

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

describe('Carousel from the keyboard', () => {
  it('pauses until resumed: neither time nor touches move it on', () => {
    carousel.start()
    expect(carousel.togglePause()).toBe(true)
    expect(carousel.paused).toBe(true)
    carousel.interact()
    vi.advanceTimersByTime(120_000)
    expect(steps).toEqual(['a'])
    expect(vi.getTimerCount()).toBe(0)
    // Hidden and shown again while paused: still paused.
    carousel.setHidden(true)
    carousel.setHidden(false)
    vi.advanceTimersByTime(60_000)
    expect(steps).toEqual(['a'])
    expect(carousel.togglePause()).toBe(false)
    vi.advanceTimersByTime(7999)
    expect(steps).toEqual(['a'])
    vi.advanceTimersByTime(1)
    expect(steps).toEqual(['a', 'b'])
  })

  it('steps either way by hand, wrapping, then holds the item like a touch', () => {
    carousel.start()
    carousel.move(-1)
    expect(steps).toEqual(['a', 'c'])
    carousel.move(1)
    carousel.move(1)
    expect(steps).toEqual(['a', 'c', 'a', 'b'])
    // A hand step holds for the pause, not the interval.
    vi.advanceTimersByTime(29_999)
    expect(steps.at(-1)).toBe('b')
    vi.advanceTimersByTime(1)
    expect(steps.at(-1)).toBe('c')
  })

  it('steps by hand while paused and stays paused', () => {
    carousel.start()
    carousel.pause()
    carousel.move(1)
    expect(carousel.current).toBe('b')
    vi.advanceTimersByTime(120_000)
    expect(steps).toEqual(['a', 'b'])
    expect(carousel.paused).toBe(true)
  })

  it('steps a stopped (frozen) carousel by hand without starting a timer', () => {
    carousel.move(1)
    carousel.move(-1)
    carousel.move(-1)
    expect(steps).toEqual(['a', 'c', 'b'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('does nothing by hand with nothing to show', () => {
    carousel.setItems([])
    carousel.move(1)
    expect(steps).toEqual([])
  })
})

describe('carouselCommand', () => {
  it('maps Space to pause/resume and the arrows to steps', () => {
    expect(carouselCommand({ key: ' ' })).toBe('toggle')
    expect(carouselCommand({ key: ' ', targetTag: 'DIV' })).toBe('toggle')
    expect(carouselCommand({ key: 'ArrowRight', targetTag: 'BODY' })).toBe('next')
    expect(carouselCommand({ key: 'ArrowLeft', targetTag: 'BUTTON' })).toBe('previous')
    expect(carouselCommand({ key: 'Enter' })).toBeNull()
  })

  it('leaves keys that belong to something else alone', () => {
    // Space presses a focused button or link.
    expect(carouselCommand({ key: ' ', targetTag: 'BUTTON' })).toBeNull()
    expect(carouselCommand({ key: ' ', targetTag: 'a' })).toBeNull()
    expect(carouselCommand({ key: ' ', targetTag: 'DIV', targetRole: 'button' })).toBeNull()
    // Typing, and browser shortcuts.
    expect(carouselCommand({ key: ' ', targetTag: 'INPUT' })).toBeNull()
    expect(carouselCommand({ key: 'ArrowLeft', targetTag: 'SELECT' })).toBeNull()
    expect(carouselCommand({ key: 'ArrowLeft', targetTag: 'DIV', targetEditable: true })).toBeNull()
    expect(carouselCommand({ key: 'ArrowLeft', altKey: true })).toBeNull()
    expect(carouselCommand({ key: 'ArrowRight', metaKey: true })).toBeNull()
  })
})
