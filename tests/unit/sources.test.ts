import { describe, expect, it } from 'vitest'
import { creditedPublisher, creditedPublishers } from '../../src/domain/sources'
import type { Source } from '../../src/domain/types'

const source = (over: Partial<Source>): Source => ({
  id: 's',
  title: '报道',
  publisher: '网易号',
  originalPublisher: '',
  publisherEn: '',
  published: null,
  url: '',
  note: '',
  ...over,
})

describe('creditedPublisher', () => {
  it('credits the original publisher, not the platform that reposted the page', () => {
    const repost = source({ originalPublisher: '中国高等教育学会' })
    expect(creditedPublisher(repost, 'zh-CN')).toBe('中国高等教育学会')
    expect(creditedPublisher(source({}), 'zh-CN')).toBe('网易号')
  })

  it('gives the English name in English, and the name as printed where there is none', () => {
    const named = source({ publisher: '株洲日报', publisherEn: ' Zhuzhou Daily ' })
    expect(creditedPublisher(named, 'en')).toBe('Zhuzhou Daily')
    expect(creditedPublisher(named, 'zh-CN')).toBe('株洲日报')
    expect(creditedPublisher(source({ publisher: '株洲日报' }), 'en')).toBe('株洲日报')
  })
})

describe('creditedPublishers', () => {
  it('lists each publisher once, in source order, in both languages', () => {
    expect(
      creditedPublishers([
        source({ publisher: '株洲日报', publisherEn: 'Zhuzhou Daily' }),
        source({ originalPublisher: '中国高等教育学会' }),
        source({ publisher: '株洲日报', publisherEn: 'Zhuzhou Daily' }),
      ]),
    ).toEqual([
      { zh: '株洲日报', en: 'Zhuzhou Daily' },
      { zh: '中国高等教育学会', en: '中国高等教育学会' },
    ])
  })
})
