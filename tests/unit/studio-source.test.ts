import { describe, expect, it } from 'vitest'
import type { Dataset } from '../../src/domain/types'
import { creditedPublisher } from '../../src/domain/sources'
import { creditLine, dataDateLine, qualifierNote, sourceLine } from '../../src/studio/sourceLine'
import { DATA_DIR, edit, loadFiles, readFolder } from '../helpers/snapshot'

async function load(files: Record<string, string>): Promise<Dataset> {
  const result = await loadFiles(files)
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result.dataset
}

const loadData = () => load(readFolder(DATA_DIR))

/** The real snapshot with one edit to sources.csv. */
const withSources = (from: string, to: string) =>
  load(edit(readFolder(DATA_DIR), 'sources.csv', from, to))

describe('sourceLine on the real snapshot', () => {
  it('credits the original publisher, not the platform that reposted it', async () => {
    const d = await loadData()
    const cahe = d.index.source['cahe-gbh63']!
    expect(cahe.publisher).toBe('网易号')
    expect(creditedPublisher(cahe, 'zh-CN')).toBe('中国高等教育学会')
    const line = sourceLine(d, ['cahe-gbh63'], 'zh-CN')
    expect(line).toBe('数据来源：据中国高等教育学会（2025年5月23日）公开报道整理')
    expect(line).not.toContain('网易号')
  })

  it('orders publishers by their earliest event, whatever order the ids come in', async () => {
    const d = await loadData()
    // zzrb-2024-07 has no publication date: the date is its event's, 2024-07-17.
    expect(sourceLine(d, ['cahe-gbh63', 'zzrb-2024-07'], 'zh-CN')).toBe(
      '数据来源：据株洲日报（2024年7月17日）、中国高等教育学会（2025年5月23日）公开报道整理',
    )
    expect(sourceLine(d, ['zzrb-2024-07', 'cahe-gbh63', 'zzrb-2024-07'], 'zh-CN')).toBe(
      '数据来源：据株洲日报（2024年7月17日）、中国高等教育学会（2025年5月23日）公开报道整理',
    )
  })

  it('dates a source by its publication date when it has one', async () => {
    const d = await loadData()
    // Published 2024-11-20; the conference it reports began 2024-11-19.
    expect(sourceLine(d, ['csu-news-2024-11-20', 'chinanews-zgc-2025'], 'zh-CN')).toBe(
      '数据来源：据中南大学深圳研究院 / 新闻中心（2024年11月20日）、中新网（2025年3月30日）公开报道整理',
    )
  })

  it('lists three publishers and then 等 / and others', async () => {
    const d = await loadData()
    const all = d.sources.map((s) => s.id)
    expect(all).toHaveLength(5)
    expect(sourceLine(d, all, 'zh-CN')).toBe(
      '数据来源：据中国网•东海资讯（2024年7月15日）、株洲日报（2024年7月17日）、' +
        '中南大学深圳研究院 / 新闻中心（2024年11月20日）等公开报道整理',
    )
    expect(sourceLine(d, all, 'en')).toBe(
      'Source: compiled from public reports by China.org.cn Donghai News (Jul 15, 2024), ' +
        'Zhuzhou Daily (Jul 17, 2024), Central South University Shenzhen Research Institute / ' +
        'News Center (Nov 20, 2024) and others',
    )
    // Exactly three: no 等.
    expect(
      sourceLine(d, ['zgc', 'chinanews-zgc-2025', 'cahe-gbh63', 'zzrb-2024-07'], 'zh-CN'),
    ).toBe(
      '数据来源：据株洲日报（2024年7月17日）、中新网（2025年3月30日）、中国高等教育学会（2025年5月23日）公开报道整理',
    )
  })

  it('writes English with English dates', async () => {
    const d = await loadData()
    expect(sourceLine(d, ['zzrb-2024-07', 'cahe-gbh63'], 'en')).toBe(
      'Source: compiled from public reports by Zhuzhou Daily (Jul 17, 2024), ' +
        'China Association of Higher Education (May 23, 2025)',
    )
  })

  it('says only “public reports” when there is no source', async () => {
    const d = await loadData()
    expect(sourceLine(d, [], 'zh-CN')).toBe('数据来源：公开报道整理')
    expect(sourceLine(d, ['no-such-source'], 'en')).toBe('Source: public reports')
  })
})

describe('sourceLine on edited data', () => {
  it('names a publisher once, with the date of its earlier source', async () => {
    // The 中新网 page becomes a repost of 中国高等教育学会: one publisher, two sources.
    const d = await withSources('中新网,,China News Service,,,', '网易号,中国高等教育学会,,,,')
    expect(sourceLine(d, ['cahe-gbh63', 'chinanews-zgc-2025'], 'zh-CN')).toBe(
      '数据来源：据中国高等教育学会（2025年3月30日）公开报道整理',
    )
    // Its English name, given on the other source, serves this one too.
    expect(sourceLine(d, ['chinanews-zgc-2025'], 'en')).toBe(
      'Source: compiled from public reports by China Association of Higher Education (Mar 30, 2025)',
    )
    // Four sources, three publishers: no 等.
    expect(
      sourceLine(
        d,
        ['cahe-gbh63', 'chinanews-zgc-2025', 'zzrb-2024-07', 'csu-news-2024-11-20'],
        'zh-CN',
      ),
    ).toBe(
      '数据来源：据株洲日报（2024年7月17日）、中南大学深圳研究院 / 新闻中心（2024年11月20日）、' +
        '中国高等教育学会（2025年3月30日）公开报道整理',
    )
  })

  it('writes a publisher the data gives no English name for as printed, in English too', async () => {
    const d = await withSources('株洲日报,,Zhuzhou Daily,', '株洲日报,,,')
    expect(sourceLine(d, ['zzrb-2024-07'], 'en')).toBe(
      'Source: compiled from public reports by 株洲日报 (Jul 17, 2024)',
    )
  })

  it('keeps month precision when the date comes from a month-only event', async () => {
    const d = await withSources(
      '中国网•东海资讯,,China.org.cn Donghai News,2024-07-15,',
      '中国网•东海资讯,,China.org.cn Donghai News,,',
    )
    expect(sourceLine(d, ['china-com-suxiang-2024'], 'zh-CN')).toBe(
      '数据来源：据中国网•东海资讯（2024年7月）公开报道整理',
    )
    expect(sourceLine(d, ['china-com-suxiang-2024'], 'en')).toBe(
      'Source: compiled from public reports by China.org.cn Donghai News (Jul 2024)',
    )
  })
})

describe('the other lines', () => {
  it('dates the data', () => {
    expect(dataDateLine('2026-11-21', 'zh-CN')).toBe('数据截至 2026-11-21')
    expect(dataDateLine('2026-11-21', 'en')).toBe('Data as of 2026-11-21')
  })

  it('adds the qualifier note only when a number is qualified', () => {
    expect(qualifierNote(['exact', 'more_than'], 'zh-CN')).toBe('注：超、近、约等为原报道表述')
    expect(qualifierNote(new Set(['nearly'] as const), 'en')).toBe(
      'Note: “over”, “nearly”, “about” and similar are as worded in the original reports',
    )
    expect(qualifierNote(['exact', 'exact'], 'zh-CN')).toBeNull()
    expect(qualifierNote([], 'en')).toBeNull()
  })

  it('credits the chart maker when set', () => {
    expect(creditLine(' 株洲日报全媒体 ', 'zh-CN')).toBe('制图：株洲日报全媒体')
    expect(creditLine('Li Wei', 'en')).toBe('Chart: Li Wei')
    expect(creditLine('   ', 'zh-CN')).toBe('')
  })
})
