import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../scripts/newsletter/edition.ts'
import { unsubscribeFor } from '../../scripts/newsletter/message.ts'
import { decodeCsv, parseRecipients } from '../../scripts/newsletter/recipients.ts'
import { describeSmtp, smtpTransportOptions } from '../../scripts/newsletter/smtp.ts'

// The pure pieces of the delivery commands: the office's CSV export, SMTP settings, the 退订 setting.

describe('recipients CSV', () => {
  it('reads an Excel export saved as GB18030, with a BOM-less header in Chinese', () => {
    // "姓名,邮箱\r\n张三,zhang.san@example.org\r\n" as Excel on a Chinese Windows saves it.
    const bytes = Buffer.concat([
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]),
      Buffer.from(','),
      Buffer.from([0xd3, 0xca, 0xcf, 0xe4]),
      Buffer.from('\r\n'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(',zhang.san@example.org\r\n'),
    ])
    expect(parseRecipients(decodeCsv(bytes)).recipients).toEqual([
      { address: 'zhang.san@example.org', name: '张三', line: 2 },
    ])
  })

  it('finds the columns by name, merges duplicates, and rejects rows that are not one plain address', () => {
    const csv =
      '\uFEFF届别,邮箱,姓名\n' +
      '1990,li@example.org,"李, 四"\n' +
      '1991,LI@example.org,重复\n' +
      '1992,"a@example.org\nBcc: b@example.org",注入\n' +
      '1993,<c@example.org>,尖括号\n' +
      '1994,,空\n' +
      '\n'
    const list = parseRecipients(csv)
    expect(list.recipients).toEqual([{ address: 'li@example.org', name: '李, 四', line: 2 }])
    expect(list.duplicates).toBe(1)
    expect(list.rejected.map((row) => [row.line, row.reason])).toEqual([
      [4, '不是有效的邮箱地址'],
      [6, '不是有效的邮箱地址'],
      [7, '缺少邮箱地址'],
    ])
  })

  it('takes a file without a header: address first, then the name', () => {
    expect(parseRecipients('wang@example.org;王五\n').recipients).toEqual([
      { address: 'wang@example.org', name: '王五', line: 1 },
    ])
  })
})

describe('SMTP settings', () => {
  const base = { SMTP_HOST: 'smtp.mhu.edu.cn', SMTP_USER: 'alumni', SMTP_PASSWORD: 'secret-QZ8' }

  it('maps starttls (default), tls and none onto nodemailer, requiring encryption unless told otherwise', () => {
    expect(smtpTransportOptions(base)).toMatchObject({
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: 'alumni' },
    })
    expect(smtpTransportOptions({ ...base, SMTP_SECURITY: 'tls' })).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
    })
    expect(smtpTransportOptions({ ...base, SMTP_SECURITY: 'tls', SMTP_PORT: '2465' }).port).toBe(2465)
    expect(smtpTransportOptions({ SMTP_HOST: 'localhost', SMTP_SECURITY: 'none' })).toMatchObject({
      port: 25,
      secure: false,
      ignoreTLS: true,
      auth: undefined,
    })
    expect(() => smtpTransportOptions({ ...base, SMTP_SECURITY: 'none' })).toThrow(/unencrypted/)
    expect(() => smtpTransportOptions({ SMTP_HOST: 'smtp.mhu.edu.cn', SMTP_SECURITY: 'none' })).toThrow(
      /unencrypted/,
    )
    expect(() => smtpTransportOptions({ ...base, SMTP_SECURITY: 'ssl3' })).toThrow(/starttls、tls 或 none/)
    expect(() => smtpTransportOptions({ SMTP_HOST: 'x', SMTP_USER: 'alumni' })).toThrow(/要么都设置/)
    expect(smtpTransportOptions(base).logger).toBe(false)
  })

  it('describes the connection without the password', () => {
    const described = describeSmtp(smtpTransportOptions(base))
    expect(described).toBe('smtp.mhu.edu.cn:587，STARTTLS，用户 alumni')
    expect(described).not.toContain('secret-QZ8')
  })
})

describe('退订 and the plain-text part', () => {
  it('takes a mailto: address or an https page, filling in {email}', () => {
    expect(unsubscribeFor('mailto:xiaoyou@mhu.edu.cn', 'a@example.org').header).toBe(
      `<mailto:xiaoyou@mhu.edu.cn?subject=${encodeURIComponent('退订')}>`,
    )
    expect(unsubscribeFor('https://alumni.mhu.edu.cn/unsubscribe?e={email}', 'a+b@example.org').href).toBe(
      'https://alumni.mhu.edu.cn/unsubscribe?e=a%2Bb%40example.org',
    )
    expect(() => unsubscribeFor('', 'a@example.org')).toThrow(/NEWSLETTER_UNSUBSCRIBE/)
    expect(() => unsubscribeFor('http://insecure.example/u', 'a@example.org')).toThrow(/mailto: 或 https/)
  })

  it('keeps headings, paragraphs and link addresses, and drops images and markup', () => {
    const text = htmlToText(
      '<body><h1>标题</h1><h2>母校动态</h2><p>正文<a href="https://x.example/a">一篇</a></p><img src="https://x.example/i.jpg" alt="图"><p>写信至 <a href="mailto:o@x.example">o@x.example</a></p></body>',
    )
    expect(text).toBe('标题\n\n【母校动态】\n\n正文一篇 <https://x.example/a>\n\n写信至 o@x.example\n')
  })
})
