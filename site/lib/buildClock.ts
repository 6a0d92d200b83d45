/**
 * The instant the build treats as "now": documents dated after it are not published yet.
 * `BUILD_TIME` (any ISO 8601 instant) makes builds reproducible and lets tests move the clock.
 */
export function buildTime(): Date {
  const configured = process.env.BUILD_TIME
  if (!configured) return new Date()
  const instant = new Date(configured)
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`BUILD_TIME "${configured}" is not a valid ISO 8601 date-time`)
  }
  return instant
}
