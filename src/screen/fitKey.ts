import type { InjectionKey, Ref } from 'vue'
import type { Fit } from './fit'

/** The current fit of the design canvas, for charts to size their backing store. */
export const FIT_KEY: InjectionKey<Readonly<Ref<Fit>>> = Symbol('screen-fit')
