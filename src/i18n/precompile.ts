// Build time only (vite.config.ts): the messages compiled to vue-i18n's message ASTs, so the
// browser needs no message compiler. Never imported by the app.
import { baseCompile, type CompileError } from '@intlify/message-compiler'

/** A copy of `messages` with every string compiled as vue-i18n would compile it at run time. */
export function precompileMessages(messages: unknown, path = ''): unknown {
  if (typeof messages === 'string') {
    const { ast } = baseCompile(messages, {
      jit: true,
      location: false,
      minify: true,
      // A message the run-time compiler would reject must fail the build, not render wrong.
      onError: (e: CompileError) => {
        throw new Error(`i18n message ${path}: ${e.message}`)
      },
    })
    return ast
  }
  if (Array.isArray(messages)) return messages.map((m, i) => precompileMessages(m, `${path}[${i}]`))
  if (messages && typeof messages === 'object')
    return Object.fromEntries(
      Object.entries(messages).map(([k, v]) => [
        k,
        precompileMessages(v, path ? `${path}.${k}` : k),
      ]),
    )
  throw new Error(`i18n message ${path}: ${typeof messages} is not a message`)
}
