import { afterEach, describe, expect, it } from 'vitest'
import { buildTime, buildYear } from './buildClock.ts'

const configured = process.env.BUILD_TIME
afterEach(() => {
  if (configured === undefined) delete process.env.BUILD_TIME
  else process.env.BUILD_TIME = configured
})

describe('buildTime', () => {
  it('is one instant for the whole build when BUILD_TIME is not set', async () => {
    delete process.env.BUILD_TIME
    const first = buildTime()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(buildTime().getTime()).toBe(first.getTime())
    // Callers get a copy: changing it does not move the clock.
    first.setFullYear(1999)
    expect(buildTime().getFullYear()).not.toBe(1999)
  })

  it('follows BUILD_TIME, and gives its year in China', () => {
    process.env.BUILD_TIME = '2026-12-31T16:30:00Z'
    expect(buildTime().toISOString()).toBe('2026-12-31T16:30:00.000Z')
    expect(buildYear()).toBe(2027)
    process.env.BUILD_TIME = '2026-11-21T04:00:00+08:00'
    expect(buildTime().toISOString()).toBe('2026-11-20T20:00:00.000Z')
    expect(buildYear()).toBe(2026)
  })

  it('refuses a BUILD_TIME that is not a date-time', () => {
    process.env.BUILD_TIME = 'tomorrow'
    expect(() => buildTime()).toThrow('BUILD_TIME "tomorrow" is not a valid ISO 8601 date-time')
  })
})
