/**
 * `npm run newsletter:send -- <issue-slug> --recipients FILE`: e-mails a published issue's edition to the alumni in
 * the office's CSV export, through the university's SMTP server. Safe to run again: the send log remembers who has
 * it. See docs/editors-guide.md (邮件版) for the step-by-step and every setting.
 *
 *   --recipients FILE   the CSV export (address, optional name); refused inside the repository
 *   --test ADDRESS      send one copy (subject marked [测试]) to ADDRESS; nothing is logged
 *   --dry-run           check everything and print what would be sent; connect to nothing
 *   --rate N            messages per minute (default NEWSLETTER_RATE or 60)
 *   --build DIR         the production build to send from (default NEWSLETTER_BUILD_DIR, OUT_DIR or dist/)
 *
 * Environment: SMTP_* (see smtp.ts), NEWSLETTER_FROM, NEWSLETTER_UNSUBSCRIBE, NEWSLETTER_REPLY_TO,
 * NEWSLETTER_RATE, NEWSLETTER_STATE_DIR.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import nodemailer from 'nodemailer'
import type { SendMailOptions } from 'nodemailer/lib/mailer'
import { defaultBuildDir, loadEdition } from './edition.ts'
import { DeliveryError, runCommand } from './errors.ts'
import { personalize, subjectFor, unsubscribeFor } from './message.ts'
import { maskAddress, readRecipients, type Recipient } from './recipients.ts'
import { openSendLog } from './sendLog.ts'
import { describeSmtp, describeSmtpError, isPerRecipientError, smtpTransportOptions } from './smtp.ts'
import { loadSettingsFile, siteKey, stateDir } from './state.ts'

interface Failure {
  recipient: Recipient
  reason: string
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      recipients: { type: 'string' },
      test: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      rate: { type: 'string' },
      build: { type: 'string' },
    },
  })
  const slug = positionals[0]
  if (!slug || positionals.length > 1 || Boolean(values.recipients) === Boolean(values.test)) {
    throw new DeliveryError(
      '用法：npm run newsletter:send -- <网址标识> --recipients 名单.csv [--dry-run] [--rate 每分钟封数]\n' +
        '      npm run newsletter:send -- <网址标识> --test 你的邮箱',
    )
  }
  const settingsFile = await loadSettingsFile()
  if (settingsFile) console.log(`设置：${settingsFile}`)
  const env = process.env
  const rate = Number(values.rate ?? env.NEWSLETTER_RATE ?? 60)
  if (!Number.isFinite(rate) || rate <= 0)
    throw new DeliveryError(`速率必须是每分钟发送的封数，现在是“${values.rate ?? env.NEWSLETTER_RATE}”。`)
  const from = env.NEWSLETTER_FROM?.trim()
  if (!from)
    throw new DeliveryError('请设置 NEWSLETTER_FROM（发件人），例如“明湖大学校友总会 <alumni@mhu.edu.cn>”。')
  // Checked before anything is read or sent: a missing setting fails the same way in a dry run.
  unsubscribeFor(env.NEWSLETTER_UNSUBSCRIBE, 'check@example.com')
  const transportOptions = smtpTransportOptions(env)

  const buildDir = values.build ?? defaultBuildDir(env)
  const edition = await loadEdition(slug, { buildDir })
  const subject = subjectFor(edition)
  console.log(`本期：${subject}`)
  console.log(`来自：${edition.buildDir}（生产构建，${edition.builtAt.toISOString()}）`)
  console.log(`网页版：${edition.permalink}`)

  const message = (recipient: Recipient, test = false): SendMailOptions => {
    const unsubscribe = unsubscribeFor(env.NEWSLETTER_UNSUBSCRIBE, recipient.address)
    const { html, text } = personalize(edition, recipient.name, unsubscribe)
    return {
      from,
      to: recipient.name ? { name: recipient.name, address: recipient.address } : recipient.address,
      replyTo: env.NEWSLETTER_REPLY_TO || undefined,
      subject: test ? `[测试] ${subject}` : subject,
      html,
      text,
      headers: { 'List-Unsubscribe': unsubscribe.header },
      textEncoding: 'base64',
    }
  }

  if (values.test) {
    const recipient: Recipient = { address: values.test, line: 0 }
    if (values['dry-run']) {
      console.log(`试运行：会发送一份测试邮件到 ${values.test}，主题“[测试] ${subject}”。`)
      return 0
    }
    const transport = nodemailer.createTransport(transportOptions)
    console.log(`邮件服务器：${describeSmtp(transportOptions)}`)
    try {
      await transport.sendMail(message(recipient, true))
      console.log(`已发送测试邮件到 ${values.test}。测试邮件不计入发送记录。`)
      return 0
    } catch (error) {
      console.error(`测试邮件发送失败：${describeSmtpError(error)}`)
      return 1
    } finally {
      transport.close()
    }
  }

  const list = await readRecipients(values.recipients!, [edition.buildDir])
  const state = await stateDir(env, edition.buildDir)
  const log = await openSendLog(state, siteKey(edition.permalink), slug)
  const pending = list.recipients.filter((recipient) => !log.has(recipient.address))
  const already = list.recipients.length - pending.length
  console.log(
    `收件人：${list.recipients.length} 位（已发送过 ${already} 位，本次待发 ${pending.length} 位）` +
      (list.duplicates ? `，重复地址 ${list.duplicates} 个已合并` : '') +
      (list.rejected.length ? `，无效行 ${list.rejected.length} 行` : ''),
  )
  console.log(`发送记录：${log.file}`)

  if (values['dry-run']) {
    console.log(`\n试运行：没有连接邮件服务器，没有发送任何邮件。`)
    console.log(
      `发件人：${from}\n主题：${subject}\n邮件服务器：${describeSmtp(transportOptions)}\n速率：每分钟 ${rate} 封`,
    )
    const sample = pending
      .slice(0, 5)
      .map(
        (recipient) =>
          `  第 ${recipient.line} 行 ${maskAddress(recipient.address)}${recipient.name ? '（有称呼）' : ''}`,
      )
    if (sample.length)
      console.log(
        `待发示例：\n${sample.join('\n')}${pending.length > sample.length ? `\n  ……共 ${pending.length} 位` : ''}`,
      )
    const preview = message(pending[0] ?? { address: 'alumnus@example.com', line: 0 }).text as string
    console.log(`\n纯文本部分开头：\n${preview.split('\n').slice(0, 12).join('\n')}\n……`)
    reportProblems(list.rejected, [])
    return list.rejected.length ? 1 : 0
  }

  const failures: Failure[] = []
  let sent = 0
  let stopped: string | undefined
  let notAttempted = 0
  if (pending.length > 0) {
    console.log(`邮件服务器：${describeSmtp(transportOptions)}，每分钟 ${rate} 封`)
    const transport = nodemailer.createTransport({
      ...transportOptions,
      pool: true,
      maxConnections: 1,
      maxMessages: 100,
    })
    const interval = 60_000 / rate
    let next = Date.now()
    try {
      for (const [index, recipient] of pending.entries()) {
        const wait = next - Date.now()
        if (wait > 0) await sleep(wait)
        next = Date.now() + interval
        try {
          const info = await transport.sendMail(message(recipient))
          if (info.rejected.length > 0)
            throw Object.assign(new Error('recipient rejected'), {
              code: 'EENVELOPE',
              response: info.response,
            })
          await log.record(recipient.address, info.messageId)
          sent++
          if (sent % 50 === 0) console.log(`已发送 ${sent} / ${pending.length}`)
        } catch (error) {
          if (isPerRecipientError(error)) {
            failures.push({ recipient, reason: describeSmtpError(error) })
            continue
          }
          stopped = describeSmtpError(error)
          notAttempted = pending.length - index
          break
        }
      }
    } finally {
      transport.close()
    }
  }

  console.log(`\n本次发送 ${sent} 封；此前已发送 ${already} 位，跳过。`)
  if (stopped)
    console.error(
      `\n发送中止：${stopped}\n还有 ${notAttempted} 位未发送。排除问题后重新运行同一命令，只会发给尚未收到的校友。`,
    )
  reportProblems(list.rejected, failures)
  return stopped || failures.length > 0 || list.rejected.length > 0 ? 1 : 0
}

function reportProblems(
  rejected: Array<{ line: number; value: string; reason: string }>,
  failures: Failure[],
) {
  if (rejected.length > 0) {
    console.error(`\n收件人文件中的无效行（未发送）：`)
    for (const row of rejected) console.error(`  第 ${row.line} 行：${row.value || '（空）'}：${row.reason}`)
  }
  if (failures.length > 0) {
    console.error(`\n邮件服务器拒收（未发送，重新运行会再试）：`)
    for (const failure of failures)
      console.error(`  第 ${failure.recipient.line} 行：${failure.recipient.address}：${failure.reason}`)
  }
}

await runCommand(main)
