import { describe, expect, it } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { scrollPosition } from '../../src/router'

const at = (path: string, first = false) => ({
  path,
  matched: (first ? [] : [{}]) as RouteLocationNormalized['matched'],
})

describe('scrollPosition', () => {
  it('leaves the first page where it is (already at its top: no forced layout)', () => {
    expect(scrollPosition(at('/'), at('/', true), null)).toBe(false)
  })

  it('starts a new page at its top', () => {
    expect(scrollPosition(at('/explore'), at('/'), null)).toEqual({ top: 0 })
  })

  it('keeps the reader where they are when only the filters change', () => {
    expect(scrollPosition(at('/explore'), at('/explore'), null)).toBe(false)
  })

  it('returns to the saved place on back and forward', () => {
    expect(scrollPosition(at('/explore'), at('/data'), { left: 0, top: 640 })).toEqual({
      left: 0,
      top: 640,
    })
  })
})
