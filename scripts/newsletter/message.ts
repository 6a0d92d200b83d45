import { EDITION_SLOTS } from '../../site/lib/editionMarkers.ts'
import { DeliveryError } from './errors.ts'
import { htmlToText, type BuiltEdition } from './edition.ts'

/**
 * One e-mail per recipient from the built edition: the HTML as built with a greeting and a 退订 line in the slots
 * the edition leaves for them, and a plain-text part generated from that same HTML.
 */

export interface Unsubscribe {
  /** The List-Unsubscribe header value: <mailto:…> and/or <https://…>. */
  header: string
  /** Where the visible 退订 line points. */
  href: string
  /** What the visible line says to do. */
  label: string
}

/**
 * NEWSLETTER_UNSUBSCRIBE: a mailto: address (a letter with 退订 in the subject) or an https:// page. `{email}` in
 * a URL is replaced by the recipient's address, for a page that unsubscribes in one click.
 */
export function unsubscribeFor(setting: string | undefined, address: string): Unsubscribe {
  const value = setting?.trim()
  if (!value) {
    throw new DeliveryError(
      '请设置 NEWSLETTER_UNSUBSCRIBE（退订方式）：mailto:退订邮箱 或 https:// 退订网页。' +
        '每封邮件都带有它（List-Unsubscribe 邮件头和正文末尾的退订说明）。',
    )
  }
  if (/^mailto:/i.test(value)) {
    const mailbox = value.replace(/^mailto:/i, '').split('?')[0]!
    const href = `mailto:${mailbox}?subject=${encodeURIComponent('退订')}`
    return { header: `<${href}>`, href, label: `写信至 ${mailbox}（主题“退订”）` }
  }
  if (/^https:\/\//i.test(value)) {
    const href = value.replaceAll('{email}', encodeURIComponent(address))
    new URL(href)
    return { header: `<${href}>`, href, label: '点此退订' }
  }
  throw new DeliveryError(`NEWSLETTER_UNSUBSCRIBE 必须以 mailto: 或 https:// 开头，现在是“${value}”。`)
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHTML = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)

export function subjectFor(edition: BuiltEdition): string {
  // Most titles already name the issue (《明湖校友》2025年第1期); the label is added only when one does not.
  const label = /第\s*\d+\s*期/.test(edition.title) || !edition.issueLabel ? '' : `（${edition.issueLabel}）`
  return `${edition.title}${label}｜${edition.siteTitle || '校友通讯'}`
}

export function personalize(
  edition: BuiltEdition,
  name: string | undefined,
  unsubscribe: Unsubscribe,
): { html: string; text: string } {
  const greeting =
    `<tr><td style="padding:16px 24px 0;"><p style="margin:0;font-size:15px;line-height:1.8;color:#1d1d1f;">` +
    `${escapeHTML(name ? `${name}校友` : '亲爱的校友')}：您好！</p></td></tr>`
  const unsubscribeLine =
    `<p style="margin:8px 0 0;font-size:13px;line-height:1.8;color:#5f5f66;">不想再收到邮件版《校友通讯》？退订：` +
    `<a href="${escapeHTML(unsubscribe.href)}" style="color:#5f5f66;text-decoration:underline;">${escapeHTML(unsubscribe.label)}</a></p>`
  const html = edition.html
    .replace(EDITION_SLOTS.greeting, greeting)
    .replace(EDITION_SLOTS.unsubscribe, unsubscribeLine)
  return { html, text: htmlToText(html) }
}
