import type { EChartsCoreOption } from 'echarts/core'
import type { AppLocale } from '../data/config'
import type { FilterPatch, Filters } from '../domain/filters'
import type { Bilingual, Dataset } from '../domain/types'
import type { Theme } from '../themes'

export interface BuildContext {
  theme: Theme
  locale: AppLocale
  size: { width: number; height: number }
  /** No animation and no effects: deterministic screenshots (?frozen=1). */
  frozen: boolean
  /**
   * Items answer clicks and the time axis can be brushed (explore). The screen is read from
   * across a room, not clicked: there charts stay as they are.
   */
  interactive?: boolean
  /**
   * Patterns on top of colours (config `decal`, `?decal=1`), for readers who cannot tell the
   * colours apart: every distinction the chart makes by colour is also made by a pattern.
   */
  decal?: boolean
  /** What the chart is called where it is shown; its aria description starts with it. */
  title?: string
  /**
   * The event the carousel shows, read when a tooltip opens: a city's tooltip that lists only
   * its first events names this one first. A getter, not a value: the option is not rebuilt at
   * every carousel step.
   */
  focused?: () => FocusedEvent | null
}

/** A conference the carousel shows: its id with its sessions', and its name. */
export interface FocusedEvent {
  events: ReadonlySet<string>
  name: Bilingual
}

/** What the viewer did on a chart: clicked an item, or brushed a span of a time axis. */
export type ChartEvent =
  | {
      type: 'click'
      /** `series`, or `geo` for a map region outside any series. */
      componentType: string
      seriesIndex?: number
      dataIndex?: number
      /** `node` or `edge` on a Sankey. */
      dataType?: string
      name: string
    }
  | { type: 'brush'; range: readonly [number, number] }

export interface TableData {
  columns: readonly string[]
  rows: readonly (readonly (string | number)[])[]
}

/**
 * One chart, defined once and used by every view and by the CSV export (DESIGN.md §5).
 * `select` and `build` are pure: same input, same output; neither reads stores or the DOM.
 */
export interface ChartEntry<
  Rows,
  Options = Record<string, never>,
  Focus extends ChartFocus = IndexFocus,
> {
  id: string
  /** i18n key of the chart's title. */
  titleKey: string
  select(d: Dataset, filters: Filters, options?: Partial<Options>): Rows
  build(rows: Rows, ctx: BuildContext): EChartsCoreOption
  table(rows: Rows, locale: AppLocale): TableData
  sources(rows: Rows): string[]
  /** True when there is nothing to draw: the panel then says so in words. */
  isEmpty(rows: Rows): boolean
  /**
   * The data items that belong to one event (a conference and its sessions), for the carousel
   * to highlight and show a tooltip on. Empty when the chart has nothing for that event.
   */
  focus(rows: Rows, eventIds: ReadonlySet<string>): Focus[]
  /**
   * The filter change a click or a brush on the chart stands for (cross-filtering), or null
   * when the item means nothing to filter by.
   */
  pick(rows: Rows, event: ChartEvent): FilterPatch | null
}

/** An item to highlight, by its place in its series. */
export interface IndexFocus {
  seriesIndex: number
  dataIndex: number
}
/**
 * An item to highlight by name, where only the option knows whether the series has it (the
 * timeline's labelled points depend on the panel's size). ECharts ignores a name it lacks.
 */
export interface NameFocus {
  seriesIndex: number
  name: string
}
export type ChartFocus = IndexFocus | NameFocus
