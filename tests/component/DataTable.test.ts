import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import DataTable from '../../src/components/DataTable.vue'
import { plugins } from './setup'

interface Row {
  id: string
  title: string
  value: number | null
}
const rows: Row[] = [
  { id: 'a', title: '联合实验室 中南大学', value: 300 },
  { id: 'b', title: '签约项目 三一集团', value: null },
  { id: 'c', title: '合作协议 浙江大学', value: 8600 },
]

function mountTable(data: readonly Row[] = rows) {
  return mount(DataTable<Row>, {
    props: {
      rows: data,
      columns: [
        { key: 'title', label: '名称', sort: (r: Row) => r.title },
        { key: 'value', label: '数值', sort: (r: Row) => r.value },
        { key: 'note', label: '备注' },
      ],
      rowKey: (r: Row) => r.id,
      text: (r: Row) => r.title,
      caption: 'test',
    },
    slots: {
      title: ({ row }: { row: Row }) => h('span', row.title),
      value: ({ row }: { row: Row }) => h('span', String(row.value ?? '')),
    },
    global: plugins().global as never,
  })
}
const order = (w: ReturnType<typeof mountTable>) =>
  w.findAll('tbody tr[data-row]').map((r) => r.attributes('data-row'))

describe('DataTable', () => {
  it('sorts ascending, descending, then back to the data order; empty values last', async () => {
    const w = mountTable()
    const header = w.get('button[data-sort="value"]')
    await header.trigger('click')
    expect(order(w)).toEqual(['a', 'c', 'b'])
    expect(w.get('th[aria-sort="ascending"]').text()).toContain('数值')
    await header.trigger('click')
    expect(order(w)).toEqual(['c', 'a', 'b'])
    await header.trigger('click')
    expect(order(w)).toEqual(['a', 'b', 'c'])
    expect(w.find('button[data-sort="note"]').exists()).toBe(false)
  })

  it('searches every term and counts what is shown', async () => {
    const w = mountTable()
    await w.get('[data-testid="table-search"]').setValue('大学 协议')
    expect(order(w)).toEqual(['c'])
    expect(w.get('[data-testid="table-count"]').text()).toBe('1 / 3 条')
    await w.get('[data-testid="table-search"]').setValue('不存在')
    expect(w.text()).toContain('没有符合条件的记录')
  })

  it('keeps the sort while searching', async () => {
    const w = mountTable()
    // Pinyin order: 合 (he) before 联 (lian).
    await w.get('button[data-sort="title"]').trigger('click')
    await w.get('[data-testid="table-search"]').setValue('大学')
    expect(order(w)).toEqual(['c', 'a'])
    await w.get('button[data-sort="title"]').trigger('click')
    expect(order(w)).toEqual(['a', 'c'])
  })

  it('shows a large table a page at a time, while search and sort see every row', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      id: `r${i}`,
      title: i === 119 ? '最后一行 联合实验室' : `项目 ${i}`,
      value: i,
    }))
    const w = mountTable(many)
    expect(order(w)).toHaveLength(50)
    expect(w.get('[data-testid="table-count"]').text()).toContain('120')
    await w.get('[data-testid="table-more"]').trigger('click')
    expect(order(w)).toHaveLength(100)
    await w.get('[data-testid="table-more"]').trigger('click')
    expect(order(w)).toHaveLength(120)
    expect(w.find('[data-testid="table-more"]').exists()).toBe(false)
    // Sorting starts again at the first page, from the whole table.
    const header = w.get('button[data-sort="value"]')
    await header.trigger('click')
    await header.trigger('click')
    expect(order(w)).toHaveLength(50)
    expect(order(w)[0]).toBe('r119')
    // A search finds a row beyond the first page.
    await w.get('[data-testid="table-search"]').setValue('最后一行')
    expect(order(w)).toEqual(['r119'])
  })

  it('makes rows from records only for the page shown, or for all when a search or sort needs them', async () => {
    interface Rec {
      key: string
      n: number
    }
    const records: Rec[] = Array.from({ length: 120 }, (_, i) => ({ key: `k${i}`, n: i }))
    const made: string[] = []
    const build = (r: Rec): Row => {
      made.push(r.key)
      return { id: r.key, title: r.n === 7 ? '第七 联合实验室' : `项目 ${r.n}`, value: r.n }
    }
    const w = mount(DataTable<Rec, Row>, {
      props: {
        rows: records,
        build,
        columns: [{ key: 'value', label: '数值', sort: (r: Row) => r.value }],
        rowKey: (r: Row) => r.id,
        text: (r: Row) => r.title,
        caption: 'test',
      },
      slots: { value: ({ row }: { row: Row }) => h('span', String(row.value)) },
      global: plugins().global as never,
    })
    const ids = () => w.findAll('tbody tr[data-row]').map((r) => r.attributes('data-row'))
    expect(ids()).toHaveLength(50)
    expect(ids()[0]).toBe('k0')
    expect(w.get('tbody tr td').text()).toBe('0')
    expect(new Set(made).size).toBe(50)
    // A search looks at every record's text, through its row; each row is made once.
    await w.get('[data-testid="table-search"]').setValue('第七')
    expect(ids()).toEqual(['k7'])
    expect(made).toHaveLength(120)
    await w.get('[data-testid="table-search"]').setValue('')
    const header = w.get('button[data-sort="value"]')
    await header.trigger('click')
    await header.trigger('click')
    expect(ids()[0]).toBe('k119')
    expect(made).toHaveLength(120)
  })

  it('patches the page in place when the rows change, instead of replacing every row', async () => {
    const w = mountTable()
    const before = w.findAll('tbody tr[data-row]').map((r) => r.element)
    await w.setProps({ rows: [rows[2]!, rows[0]!] })
    expect(order(w)).toEqual(['c', 'a'])
    expect(w.findAll('tbody tr[data-row] td:first-child').map((c) => c.text())).toEqual([
      '合作协议 浙江大学',
      '联合实验室 中南大学',
    ])
    // The same <tr> elements now show other records: nothing was torn down and built again.
    const after = w.findAll('tbody tr[data-row]').map((r) => r.element)
    expect(after).toHaveLength(2)
    after.forEach((tr, i) => expect(tr).toBe(before[i]))
  })
})
