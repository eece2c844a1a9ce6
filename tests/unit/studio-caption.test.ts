import { describe, expect, it } from 'vitest'
import { altText, caption } from '../../src/studio/caption'

const table = {
  columns: ['高校/院所', '分项成果数'],
  rows: [
    ['中南大学', 3],
    ['北方工业大学', 1],
    ['北京中医药大学', null],
  ],
}
const zhSource = '数据来源：据株洲日报（2024年7月17日）公开报道整理'

describe('altText', () => {
  it('describes title, row count, rows and source in Chinese', () => {
    expect(altText({ title: '参与高校/院所', table, locale: 'zh-CN', sourceLine: zhSource })).toBe(
      '参与高校/院所。共3项：高校/院所：中南大学；分项成果数：3。高校/院所：北方工业大学；分项成果数：1。' +
        '高校/院所：北京中医药大学。数据来源：据株洲日报（2024年7月17日）公开报道整理。',
    )
  })

  it('stops after maxRows and says how many there are', () => {
    expect(
      altText({ title: '参与高校/院所', table, locale: 'zh-CN', sourceLine: zhSource, maxRows: 1 }),
    ).toBe(
      '参与高校/院所。共3项：高校/院所：中南大学；分项成果数：3。……等共3项。' +
        '数据来源：据株洲日报（2024年7月17日）公开报道整理。',
    )
    expect(
      altText({
        title: 'Universities',
        table: {
          columns: ['university', 'outcomes'],
          rows: [
            ['CSU', 3],
            ['NCUT', 1],
            ['BUCM', 1],
          ],
        },
        locale: 'en',
        sourceLine: 'Source: public reports',
        maxRows: 2,
      }),
    ).toBe(
      'Universities. 3 items: university: CSU; outcomes: 3. university: NCUT; outcomes: 1. ' +
        '…and 1 more. Source: public reports.',
    )
  })

  it('says when there is no data', () => {
    expect(
      altText({ title: 'Map', table: { columns: ['a'], rows: [] }, locale: 'en', sourceLine: '' }),
    ).toBe('Map. No data.')
  })
})

describe('caption', () => {
  it('joins title, subtitle, source, date and note, leaving out empty parts', () => {
    expect(
      caption({
        title: '湖南产学研对接',
        subtitle: '2024年',
        sourceLine: zhSource,
        dataDate: '数据截至 2026-11-21',
        note: '注：超、近、约等为原报道表述',
      }),
    ).toBe(
      '湖南产学研对接——2024年。数据来源：据株洲日报（2024年7月17日）公开报道整理。' +
        '数据截至 2026-11-21。注：超、近、约等为原报道表述。',
    )
    expect(
      caption({
        title: 'Matchmaking in Hunan',
        subtitle: '',
        sourceLine: 'Source: public reports',
        dataDate: 'Data as of 2026-11-21',
        note: null,
      }),
    ).toBe('Matchmaking in Hunan. Source: public reports. Data as of 2026-11-21.')
  })
})
