import type { BuildContext } from './types'

/** What every chart of the app shares: transparent ground, aria, theme font, one tooltip style. */
export function baseOption(ctx: BuildContext, fontSize: number) {
  const { theme, frozen } = ctx
  return {
    backgroundColor: 'transparent',
    aria: { enabled: true },
    animation: !frozen,
    textStyle: { fontFamily: theme.fontFamily },
    tooltip: {
      trigger: 'item' as const,
      confine: true,
      backgroundColor: theme.panel,
      borderColor: theme.border,
      textStyle: { color: theme.text, fontSize },
    },
  }
}
