import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queueDraw } from '../../src/charts/drawQueue'

describe('draw queue', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.runAllTimers()
    vi.useRealTimers()
  })

  it('draws the first chart at once and each later one in a task of its own, in order', () => {
    const ran: string[] = []
    queueDraw(() => ran.push('ranking'))
    queueDraw(() => ran.push('map'))
    queueDraw(() => ran.push('sankey'))
    expect(ran).toEqual(['ranking'])
    vi.advanceTimersToNextTimer()
    expect(ran).toEqual(['ranking', 'map'])
    vi.advanceTimersToNextTimer()
    expect(ran).toEqual(['ranking', 'map', 'sankey'])
    vi.runAllTimers()
    // A quiet queue draws at once again.
    queueDraw(() => ran.push('timeline'))
    expect(ran).toEqual(['ranking', 'map', 'sankey', 'timeline'])
  })

  it('takes out a draw that has not run; a late call does nothing', () => {
    const ran: string[] = []
    const cancelRanking = queueDraw(() => ran.push('ranking'))
    const cancelMap = queueDraw(() => ran.push('map'))
    queueDraw(() => ran.push('sankey'))
    cancelMap()
    vi.runAllTimers()
    cancelRanking()
    expect(ran).toEqual(['ranking', 'sankey'])
  })

  it('goes on after a draw that throws', () => {
    const ran: string[] = []
    queueDraw(() => ran.push('ranking'))
    queueDraw(() => {
      throw new Error('broken chart')
    })
    queueDraw(() => ran.push('sankey'))
    expect(() => vi.advanceTimersToNextTimer()).toThrow('broken chart')
    vi.runAllTimers()
    expect(ran).toEqual(['ranking', 'sankey'])
  })
})
