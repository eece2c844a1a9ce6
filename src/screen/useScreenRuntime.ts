import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { Carousel, carouselCommand } from './carousel'

export interface RuntimeOptions {
  /** Conference ids in the order the carousel shows them. */
  items: Readonly<Ref<readonly string[]>>
  carouselMs: Readonly<Ref<number>>
  pollMs: Readonly<Ref<number>>
  /** Frozen screens (screenshots, tests) neither step nor poll. */
  frozen: Readonly<Ref<boolean>>
  kiosk: Readonly<Ref<boolean>>
  poll: () => Promise<void>
}

const PAUSE_MS = 30_000
const IDLE_CURSOR_MS = 3_000
const INTERACTIONS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Everything that runs by itself on the big screen, owned by the screen's component: the
 * carousel, the data poll, the idle cursor, the wake lock. Every timer and listener it makes
 * is removed on unmount, so the screen can run for days with flat memory.
 */
export function useScreenRuntime(opts: RuntimeOptions) {
  const focus = ref<string | null>(null)
  const idle = ref(false)
  /** Paused from the keyboard (Space), until Space again. */
  const paused = ref(false)
  let carousel: Carousel | null = null
  let pollTimer = 0
  let idleTimer = 0
  let wakeLock: WakeLockSentinel | null = null

  function makeCarousel() {
    carousel?.stop()
    carousel = new Carousel({
      intervalMs: opts.carouselMs.value,
      pauseMs: PAUSE_MS,
      onStep: (item) => (focus.value = item),
    })
    carousel.setItems(opts.items.value)
    if (paused.value) carousel.pause()
    if (!opts.frozen.value) carousel.start()
  }

  /** Space pauses or resumes, ← → step; keys meant for a focused control are left to it. */
  function onKey(e: KeyboardEvent) {
    if (!carousel || e.defaultPrevented) return
    const target = e.target instanceof HTMLElement ? e.target : null
    const command = carouselCommand({
      key: e.key,
      altKey: e.altKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      targetTag: target?.tagName,
      targetRole: target?.getAttribute('role'),
      targetEditable: target?.isContentEditable,
    })
    if (!command) return
    // Space would scroll the page, arrows too.
    e.preventDefault()
    if (command === 'toggle') paused.value = carousel.togglePause()
    else carousel.move(command === 'next' ? 1 : -1)
  }

  function onInteract() {
    carousel?.interact()
    idle.value = false
    clearTimeout(idleTimer)
    idleTimer = window.setTimeout(() => (idle.value = true), IDLE_CURSOR_MS)
  }

  async function requestWakeLock() {
    // Needs a secure context: on a plain-HTTP intranet there is none, and that is fine.
    if (!opts.kiosk.value || !('wakeLock' in navigator) || document.hidden) return
    try {
      wakeLock = await navigator.wakeLock.request('screen')
    } catch {
      wakeLock = null
    }
  }

  function onVisibility() {
    carousel?.setHidden(document.hidden)
    if (!document.hidden) void requestWakeLock()
  }

  function schedulePoll() {
    clearInterval(pollTimer)
    if (!opts.frozen.value)
      pollTimer = window.setInterval(() => void opts.poll(), opts.pollMs.value)
  }

  onMounted(() => {
    makeCarousel()
    schedulePoll()
    INTERACTIONS.forEach((e) => window.addEventListener(e, onInteract, { passive: true }))
    window.addEventListener('keydown', onKey)
    document.addEventListener('visibilitychange', onVisibility)
    onInteract()
    void requestWakeLock()
  })

  onBeforeUnmount(() => {
    carousel?.stop()
    carousel = null
    clearInterval(pollTimer)
    clearTimeout(idleTimer)
    INTERACTIONS.forEach((e) => window.removeEventListener(e, onInteract))
    window.removeEventListener('keydown', onKey)
    document.removeEventListener('visibilitychange', onVisibility)
    void wakeLock?.release().catch(() => undefined)
  })

  watch(opts.items, (items) => carousel?.setItems(items))
  watch([opts.carouselMs, opts.frozen], makeCarousel)
  watch([opts.pollMs, opts.frozen], schedulePoll)

  return { focus, idle, paused }
}
