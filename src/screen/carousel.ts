/**
 * The one scheduler of the big screen: it steps through items (event ids) at a fixed interval,
 * pauses for a while when someone touches the screen, and stops while the tab is hidden.
 * Plain TypeScript with injected timers, so it is tested without a DOM.
 */
export interface CarouselOptions {
  intervalMs: number
  /** How long a touch or mouse move holds the current item. */
  pauseMs: number
  onStep: (item: string | null, index: number) => void
  timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>
}

export class Carousel {
  private items: readonly string[] = []
  private index = -1
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private hidden = false
  private readonly timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>

  constructor(private readonly opts: CarouselOptions) {
    this.timers = opts.timers ?? globalThis
  }

  get current(): string | null {
    return this.items[this.index] ?? null
  }

  /** Replaces the items (a new snapshot), keeping the current one when it still exists. */
  setItems(items: readonly string[]): void {
    const current = this.current
    this.items = items
    this.index = current ? items.indexOf(current) : -1
    if (this.index < 0 && this.running) this.step()
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.step()
  }

  stop(): void {
    this.running = false
    this.clear()
  }

  /** Someone touched the screen: hold the current item for pauseMs, then go on. */
  interact(): void {
    if (!this.running || this.hidden) return
    this.schedule(this.opts.pauseMs)
  }

  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return
    this.hidden = hidden
    if (hidden) this.clear()
    else if (this.running) this.schedule(this.opts.intervalMs)
  }

  private step(): void {
    if (this.items.length === 0) {
      this.index = -1
      this.opts.onStep(null, -1)
      this.clear()
      return
    }
    this.index = (this.index + 1) % this.items.length
    this.opts.onStep(this.current, this.index)
    this.schedule(this.opts.intervalMs)
  }

  private schedule(ms: number): void {
    this.clear()
    if (!this.running || this.hidden || this.items.length === 0) return
    this.timer = this.timers.setTimeout(() => this.step(), ms)
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
  }
}
