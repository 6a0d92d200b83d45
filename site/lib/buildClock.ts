import { yearOf } from './format.ts'

let clock: { configured: string | undefined; instant: Date; year: number } | undefined

/**
 * The instant the build treats as "now": documents dated after it are not published yet. One instant for the whole
 * build, read at its first use, so a document that comes due while a long build runs is either on every page, list,
 * feed and index of that build or on none. `BUILD_TIME` (any ISO 8601 instant) makes builds reproducible and lets
 * tests move the clock.
 */
export function buildTime(): Date {
  return new Date(readClock().instant)
}

/** The year of the build clock in China (the footer's ©), whatever the build machine's time zone. */
export function buildYear(): number {
  return readClock().year
}

function readClock() {
  const configured = process.env.BUILD_TIME
  if (clock && clock.configured === configured) return clock
  const instant = configured ? new Date(configured) : new Date()
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`BUILD_TIME "${configured}" is not a valid ISO 8601 date-time`)
  }
  clock = { configured, instant, year: yearOf(instant.toISOString()) }
  return clock
}
