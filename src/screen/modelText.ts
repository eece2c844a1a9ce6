import type { ScreenModel } from './model'

/**
 * A screen model crosses as JSON text. Structured clone's copy of its thousands of small objects
 * and strings (1.9 MB at 100,000 outcomes) cost the page ~100–180 ms in one task; parsing the
 * text is a few times quicker, and a string crosses as a single copy.
 */
export type ModelText = string & { readonly model: unique symbol }

export function modelText(model: ScreenModel): ModelText {
  return JSON.stringify(model) as ModelText
}

export function readModelText(text: ModelText): ScreenModel {
  return JSON.parse(text) as ScreenModel
}
