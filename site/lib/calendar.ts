import ical, {
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator'
import { buildTime } from './buildClock.ts'
import { configuredPerspective } from './content.ts'
import { PREVIEW_FEED_MARK, PREVIEW_FEED_NOTE, SITE_URL, TIME_ZONE } from './consts.ts'
import { formatDateTime } from './format.ts'
import { safeHref } from './portableText.ts'
import { getSiteSettings, hrefFor, mentionsCollege, type SiteEvent } from './siteData.ts'

/**
 * iCalendar feeds of the events (`/events.ics`, `/colleges/<slug>/events.ics`, `/chapters/<slug>/events.ics`).
 * Times are written as Beijing wall-clock times under `TZID=Asia/Shanghai` with a VTIMEZONE, so a calendar app
 * anywhere shows the right moment and can say it is Beijing time.
 */

const HOST = new URL(SITE_URL).host

// China has kept UTC+8 without daylight saving since 1991, so one STANDARD rule describes every event date.
const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

/** Events in a college's calendar: those filed under the college, the same list as its page. */
export function collegeEvents(events: SiteEvent[], collegeId: string): SiteEvent[] {
  return events.filter((event) => mentionsCollege(event, collegeId))
}

export async function calendarResponse(input: {
  name: string
  description?: string
  path: string
  events: SiteEvent[]
}): Promise<Response> {
  const settings = await getSiteSettings()
  const preview = configuredPerspective() === 'drafts'
  const calendar = ical({
    name: preview ? `${PREVIEW_FEED_MARK}${input.name}` : input.name,
    description: preview ? PREVIEW_FEED_NOTE : (input.description ?? `${settings.title}发布的校友活动`),
    prodId: { company: HOST, product: 'alumni-news', language: 'ZH' },
    url: new URL(input.path, SITE_URL).href,
    // Subscribed calendars re-read the feed about this often.
    ttl: 6 * 60 * 60,
    // No calendar-wide zone: ical-generator would then write DTSTAMP as a floating local time, which must be UTC.
    timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? SHANGHAI_VTIMEZONE : null) },
    x: { 'X-WR-TIMEZONE': TIME_ZONE },
  })
  const stamp = buildTime()
  for (const event of preview ? [] : input.events) {
    if (!event.startsAt || !event.title) continue
    const url = new URL(hrefFor(event), SITE_URL).href
    const online = safeHref(event.onlineUrl)
    const when = formatDateTime(event.startsAt) + (event.endsAt ? ` 至 ${formatDateTime(event.endsAt)}` : '')
    calendar.createEvent({
      id: `${event._id}@${HOST}`,
      stamp,
      timezone: TIME_ZONE,
      start: zonedDateTime(new Date(event.startsAt), TIME_ZONE),
      end: event.endsAt ? zonedDateTime(new Date(event.endsAt), TIME_ZONE) : undefined,
      summary: event.title,
      location: event.location ?? (online ? '线上' : undefined),
      url,
      // Many calendar apps hide the URL property, so the description names the page too.
      description: [when, event.excerpt, online ? `线上参与：${online}` : undefined, `详情：${url}`]
        .filter(Boolean)
        .join('\n\n'),
    })
  }
  // RFC 5545 ends every line, the last one too, with CRLF.
  return new Response(`${calendar.toString()}\r\n`, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  })
}

// ---------------------------------------------------------------------------------------------------------------
// ical-generator formats a plain Date under a TZID with the build machine's own clock (a runner in UTC would move a
// 19:30 Beijing event to 11:30). Values shaped like Temporal.ZonedDateTime, a type it documents, carry the
// wall-clock time of their zone, so the digits agree with the TZID on any machine.

const wallClockFormats = new Map<string, Intl.DateTimeFormat>()

function wallClock(instant: Date, timeZone: string) {
  let format = wallClockFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    wallClockFormats.set(timeZone, format)
  }
  const parts = Object.fromEntries(
    format.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  )
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  }
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

function zonedDateTime(instant: Date, timeZone: string): ICalTemporalZonedDateTimeStub {
  const fields = wallClock(instant, timeZone)
  const iso = `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}T${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`
  const plain: ICalTemporalPlainDateTimeStub = {
    ...fields,
    toJSON: () => iso,
    toString: () => iso,
    toPlainDate: () => ({
      year: fields.year,
      month: fields.month,
      day: fields.day,
      toJSON: () => iso.slice(0, 10),
      toString: () => iso.slice(0, 10),
    }),
    // Only the zone these digits were read in gives back the same instant; no caller needs another.
    toZonedDateTime: (zone) => {
      if (zone !== timeZone)
        throw new Error(`wall-clock time ${iso} in ${timeZone} cannot be placed in ${zone}`)
      return zonedDateTime(instant, zone)
    },
  }
  const exact: ICalTemporalInstantStub = {
    epochMilliseconds: instant.getTime(),
    toJSON: () => instant.toISOString(),
    toString: () => instant.toISOString(),
    toZonedDateTimeISO: (zone) => zonedDateTime(instant, zone),
  }
  return {
    ...fields,
    timeZoneId: timeZone,
    withTimeZone: (zone) => zonedDateTime(instant, zone),
    toPlainDateTime: () => plain,
    toInstant: () => exact,
    toJSON: () => `${iso}[${timeZone}]`,
    toString: () => `${iso}[${timeZone}]`,
  }
}
