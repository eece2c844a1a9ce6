/**
 * The one scheduler of the big screen: it steps through items (event ids) at a fixed interval,
 * pauses for a while when someone touches the screen, and stops while the tab is hidden. From
 * the keyboard it can be paused until resumed, and stepped either way.
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
  private held = false
  private readonly timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>

  constructor(private readonly opts: CarouselOptions) {
    this.timers = opts.timers ?? globalThis
  }

  get current(): string | null {
    return this.items[this.index] ?? null
  }

  /** Paused from the keyboard: no step until resumed. */
  get paused(): boolean {
    return this.held
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
    if (!this.running || this.hidden || this.held) return
    this.schedule(this.opts.pauseMs)
  }

  /** Holds the current item until `resume`; touches and time do not move it on. */
  pause(): void {
    this.held = true
    this.clear()
  }

  /** Goes on from the current item, a full interval later. */
  resume(): void {
    if (!this.held) return
    this.held = false
    this.schedule(this.opts.intervalMs)
  }

  /** Space on the screen: pause, or resume. Returns whether it is now paused. */
  togglePause(): boolean {
    if (this.held) this.resume()
    else this.pause()
    return this.held
  }

  /**
   * Steps by hand (→ +1, ← −1), wrapping around. Someone is reading: a running carousel then
   * holds the item for pauseMs, a paused one stays paused. Works on a stopped (frozen) one too.
   */
  move(delta: 1 | -1): void {
    const n = this.items.length
    if (n === 0) return
    this.index = this.index < 0 ? (delta > 0 ? 0 : n - 1) : (this.index + delta + n) % n
    this.opts.onStep(this.current, this.index)
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
    if (!this.running || this.hidden || this.held || this.items.length === 0) return
    this.timer = this.timers.setTimeout(() => this.step(), ms)
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
  }
}

export type CarouselCommand = 'toggle' | 'next' | 'previous'

/** The key and where it was pressed, as much of a KeyboardEvent as the decision needs. */
export interface KeyPress {
  key: string
  altKey?: boolean
  ctrlKey?: boolean
  metaKey?: boolean
  /** Tag name of the focused element (BODY when nothing is). */
  targetTag?: string
  targetRole?: string | null
  targetEditable?: boolean
}

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA'])
const PRESSABLE = new Set(['BUTTON', 'A', 'SUMMARY'])

/**
 * What a key does to the screen's carousel: Space pauses or resumes it, ← and → step it. Null
 * when the key belongs to something else: a shortcut with a modifier, a field being typed in,
 * or Space on a button or link, which it presses.
 */
export function carouselCommand(e: KeyPress): CarouselCommand | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null
  const tag = (e.targetTag ?? 'BODY').toUpperCase()
  if (TYPING.has(tag) || e.targetEditable) return null
  if (e.key === ' ' || e.key === 'Spacebar') {
    return PRESSABLE.has(tag) || e.targetRole === 'button' ? null : 'toggle'
  }
  if (e.key === 'ArrowRight') return 'next'
  if (e.key === 'ArrowLeft') return 'previous'
  return null
}
