const shanghaiDate = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** `2026-03-05T02:00:00Z` → `2026/03/05`, the day as readers in China see it. */
export function previewDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : shanghaiDate.format(date)
}

/** Joins the parts of a preview subtitle that are present. */
export function subtitle(...parts: unknown[]): string {
  return parts.filter((part) => typeof part === 'string' && part.length > 0).join(' · ')
}
