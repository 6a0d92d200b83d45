import { TIME_ZONE } from './consts.ts'

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
})
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})
const yearFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric' })

function toDate(value: string): Date {
  // Plain dates (YYYY-MM-DD) are calendar dates in China, not UTC midnights.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value)
}

/** 2026年3月5日 */
export function formatDate(value: string | null | undefined): string {
  return value ? dateFormat.format(toDate(value)) : ''
}

/** 2026年3月5日 19:30 */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(toDate(value)) : ''
}

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** When an event ends: just the time when it ends on the day it starts (2026年3月5日 09:30 – 16:00). */
export function formatEndTime(
  startsAt: string | null | undefined,
  endsAt: string | null | undefined,
): string {
  if (!endsAt) return ''
  const sameDay = startsAt && formatDate(startsAt) === formatDate(endsAt)
  return sameDay ? timeFormat.format(toDate(endsAt)) : formatDateTime(endsAt)
}

/** The calendar year in China, for archives grouped by year. */
export function yearOf(value: string): number {
  return Number(yearFormat.format(toDate(value)))
}

/** How much of a donation goal is raised, in whole percent, at most 100. */
export function fundedPercent(goal: number, raised: number | null): number {
  return Math.min(100, Math.round(((raised ?? 0) / goal) * 100))
}

/** 1,280,000 元 → "128 万元"; small sums in full. */
export function formatYuan(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return ''
  if (amount >= 10_000) {
    const wan = amount / 10_000
    return `${Number.isInteger(wan) ? wan : wan.toFixed(wan >= 100 ? 0 : 1)} 万元`
  }
  return `${amount.toLocaleString('zh-CN')} 元`
}

/**
 * Reading time for Chinese text: about 400 characters a minute for Han script, plus about 200 words a minute
 * for any Latin text mixed in.
 */
export function readingMinutes(text: string): number {
  let han = 0
  let latinWords = 0
  // Runs, not single characters: an article has a few hundred runs and about 1,800 Han characters.
  for (const [, hanRun] of text.matchAll(HAN_RUN_OR_LATIN_WORD)) {
    if (hanRun) han += hanRun.length - (hanRun.match(HIGH_SURROGATE)?.length ?? 0)
    else latinWords++
  }
  return Math.max(1, Math.round(han / 400 + latinWords / 200))
}

const HAN_RUN_OR_LATIN_WORD = /(\p{Script=Han}+)|[A-Za-z0-9]+/gu
const HIGH_SURROGATE = /[\uD800-\uDBFF]/g
