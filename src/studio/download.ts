/** WeChat, QQ, Weibo and friends: in-app browsers that silently ignore downloads. */
export function inAppBrowser(ua: string = navigator.userAgent): boolean {
  return /MicroMessenger|QQ\/|Weibo|DingTalk|AlipayClient|Lark/i.test(ua)
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser time to start reading before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Copies an image where the browser allows it (HTTPS, Chromium/Safari); false otherwise. */
export async function copyBlob(blob: Blob): Promise<boolean> {
  try {
    if (!window.isSecureContext || !navigator.clipboard?.write || !('ClipboardItem' in window))
      return false
    await navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })])
    return true
  } catch {
    return false
  }
}

/** Copies text; on plain-HTTP intranets there is no clipboard API and the caller shows a box. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!window.isSecureContext || !navigator.clipboard?.writeText) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}
