import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startSanityStandIn,
  type Document,
  type SanityStandIn,
} from '../../scripts/studio-offline/contentLakeStandIn.ts'
import {
  buildOfflineStudio,
  OFFLINE_DATASET,
  OFFLINE_PROJECT_ID,
} from '../../scripts/studio-offline/studioBuild.ts'
import { launchBrowser, PHONE_VIEWPORT, serveStatic } from '../support/browser.ts'
import { buildSiteOrThrow, makeOutputRoot, ROOT } from '../support/buildSite.ts'

// The editors' side, as an editor works: the real built Studio in Chromium, against the offline stand-in of the
// Content Lake (scripts/studio-offline/), then the real site build from what the editor published.

const DESKTOP = { width: 1280, height: 800 }
const SHOTS = path.join(ROOT, 'test-results', 'studio')
/** Words that may stay in Latin letters on an editor's screen: product names and what editors type. */
const LATIN_ALLOWED = /\b(GROQ|slug|Sanity|sanity\.io|stand-in|URL|JSON|RSS|MBA|IoT|AI|5G|PDF)\b/g
let standIn: SanityStandIn
let browser: Browser
let desktop: BrowserContext
let studioUrl: string
let work: string

beforeAll(async () => {
  const studioDir = await buildOfflineStudio()
  await mkdir(SHOTS, { recursive: true })
  work = await makeOutputRoot('studio-editor')
  standIn = await startSanityStandIn({
    datasetPath: path.join(ROOT, 'dataset'),
    projectId: OFFLINE_PROJECT_ID,
    dataset: OFFLINE_DATASET,
    assetUrls: 'self',
    staticRoot: studioDir,
  })
  studioUrl = `http://localhost:${standIn.port}`
  browser = await launchBrowser()
  desktop = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' })
})

afterAll(async () => {
  await browser?.close()
  await standIn?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

async function openStudio(context: BrowserContext, route = '/structure'): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${studioUrl}${route}`)
  // The Studio is a large application; on a busy 2-core machine it takes a while to start.
  page.setDefaultTimeout(90_000)
  await page.getByTestId('offline-banner').waitFor()
  return page
}

/** Every piece of interface text on screen that is in English: visible text of controls, labels, tooltips. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const visible = (element: Element) => {
      // Visually hidden live regions (1 px, for screen readers) are not on screen.
      const box = (element as HTMLElement).getBoundingClientRect()
      return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility !== 'hidden'
    }
    const found: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, a, label, legend, h1, h2, h3, [role=tab], [role=menuitem], [role=option], [role=status], [role=tooltip], [data-ui=Text], input, textarea',
    )) {
      if (!visible(element)) continue
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute)
        if (value) found.push(value)
      }
      if (element.matches('input, textarea')) continue
      // Only the element's own text, not its children's: documents' titles come from editors, not the Studio.
      const own = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim()
      if (own) found.push(own)
    }
    return found
  })
  return [...new Set(texts.map((text) => text.replace(/[\w.-]+@[\w.-]+/g, '').trim()))].filter((text) =>
    /[A-Za-z]{3,}/.test(text.replace(LATIN_ALLOWED, '').replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, '')),
  )
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

/** Runs an editor's steps on a fresh page; on failure the screen is saved as `<name>-failed.png`. */
async function asEditor(
  context: BrowserContext,
  route: string,
  name: string,
  steps: (page: Page) => Promise<void>,
) {
  const page = await openStudio(context, route)
  try {
    await steps(page)
  } catch (error) {
    await shot(page, `${name}-failed`).catch(() => undefined)
    throw error
  } finally {
    await page.close()
  }
}

function documentIdFromUrl(url: string): string {
  const id = /;([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(
    decodeURIComponent(url),
  )?.[1]
  if (!id) throw new Error(`no document id in ${url}`)
  return id
}

async function waitForStored(
  id: string,
  accept: (document: Document | undefined) => boolean,
  timeout = 30_000,
) {
  const deadline = Date.now() + timeout
  for (;;) {
    const document = standIn.document(id)
    if (accept(document)) return document
    if (Date.now() > deadline)
      throw new Error(`document "${id}" never reached the expected state: ${JSON.stringify(document)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const publishButton = (page: Page) => page.getByTestId('action-发布')

/**
 * Presses 发布 once it is enabled and waits for the published document. The button can be re-rendered between
 * becoming enabled and the click (validation re-runs as the draft saves); as an editor would, press it again then.
 */
async function publish(
  page: Page,
  id: string,
  accept: (document: Document | undefined) => boolean = (d) => d !== undefined,
) {
  for (let attempt = 1; ; attempt++) {
    await eventually(async () => expect(await publishButton(page).isEnabled()).toBe(true))
    await publishButton(page).click()
    try {
      return await waitForStored(id, accept, 30_000)
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/** Retries an assertion until it passes (the Studio validates and saves asynchronously). */
async function eventually(assertion: () => Promise<void> | void, timeout = 90_000) {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' })

describe('the Studio in Chinese, offline', () => {
  it('opens on the desk with 站点设置, 校友通讯, 内容, 按学院 and 按校友会, every control in Chinese', async () => {
    await asEditor(desktop, '/structure', '1-desk', async (page) => {
      for (const item of ['站点设置', '校友通讯', '内容', '按学院', '按校友会']) {
        await visible(page.getByTestId(`pane-item-${item}`))
      }
      await visible(page.getByText('校友新闻 · 离线演示').first())
      await shot(page, '1-desk')
      expect(await englishOnScreen(page)).toEqual([])

      await page.getByTestId('new-document-button').click()
      await visible(page.getByTestId('new-document-button-search-input'))
      await visible(page.getByText('校友风采', { exact: true }))
      await shot(page, '1-new-document-menu')
      expect(await englishOnScreen(page)).toEqual([])
    })
  })
})

describe('an article from a college column', () => {
  let articleId: string

  it('starts with the college filled in, makes a pinyin slug, blocks publishing until the body is written, then publishes', async () => {
    await asEditor(desktop, '/structure/by-college', '2-article', async (page) => {
      await page.getByText('建筑学院', { exact: true }).click()
      await page.getByTestId('pane-item-文章').click()
      await page.getByLabel('本学院文章').click()
      const title = page.locator('#title')
      await title.waitFor()
      articleId = documentIdFromUrl(page.url())

      await eventually(async () =>
        expect(await page.getByTestId('field-colleges').innerText()).toContain('建筑学院'),
      )
      await title.fill('建筑学院举办校友返校日')
      await page.getByTestId('field-slug').getByRole('button', { name: '生成' }).click()
      await eventually(async () =>
        expect(await page.locator('#slug').inputValue()).toBe(
          'jian-zhu-xue-yuan-ju-ban-xiao-you-fan-xiao-ri',
        ),
      )
      await page.locator('#excerpt').fill('三百余位建筑学院校友回到红楼，参观修缮后的绘图教室。')

      // The body is required: our own message, and no publishing until it is written.
      await eventually(async () => expect(await publishButton(page).isDisabled()).toBe(true))
      // The error marker beside 正文 says why, in our words.
      await page.getByTestId('field-body').locator('svg[data-sanity-icon]').first().hover()
      await page.getByText('正文不能为空').first().waitFor({ state: 'attached' })
      await shot(page, '2-article-body-required')
      expect(await englishOnScreen(page)).toEqual([])

      await page.getByTestId('field-body').locator('[contenteditable="true"]').click()
      await page.keyboard.type('十月的一个周六，建筑学院三百余位校友回到红楼。')
      const published = await publish(page, articleId)
      expect(standIn.document(`drafts.${articleId}`)).toBeUndefined()
      expect(published).toMatchObject({
        _type: 'article',
        title: '建筑学院举办校友返校日',
        slug: { current: 'jian-zhu-xue-yuan-ju-ban-xiao-you-fan-xiao-ri' },
        colleges: [{ _ref: 'college-architecture' }],
      })
      await visible(page.getByText('已发布').first())
      await shot(page, '2-article-published')
    })
  })
})

/** Builds the site from the stand-in, as `npm run build` does from a Sanity project, with the clock at now. */
async function buildFromStandIn(name: string): Promise<string> {
  const outDir = path.join(work, name)
  await buildSiteOrThrow({
    outDir,
    env: standIn.env({ BUILD_TIME: new Date(Date.now() + 60_000).toISOString() }),
  })
  return outDir
}

const readBuilt = (outDir: string, page: string) => readFile(path.join(outDir, page), 'utf8')
const exists = (outDir: string, page: string) =>
  readFile(path.join(outDir, page)).then(
    () => true,
    () => false,
  )

describe('an image with alt text', () => {
  it('uploads a cover image, refuses publishing without 替代文字, publishes with it', async () => {
    const image = path.join(work, '返校日合影.png')
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2f6f4f' } })
      .png()
      .toFile(image)
    await asEditor(desktop, '/structure/content;article', '6-image', async (page) => {
      await page.locator('a[data-testid=action-intent-button][aria-label=文章]').click()
      const title = page.locator('#title')
      await title.waitFor()
      const id = documentIdFromUrl(page.url())
      await title.fill('校友摄影展开幕')
      await page.getByTestId('field-slug').getByRole('button', { name: '生成' }).click()
      await page.locator('#excerpt').fill('四十位校友的一百二十幅作品。')
      await page.getByTestId('field-body').locator('[contenteditable="true"]').click()
      await page.keyboard.type('摄影展在图书馆一楼展出。')
      await eventually(async () => expect(await publishButton(page).isEnabled()).toBe(true))

      await page.locator('input[type=file]').first().setInputFiles(image)
      const stored = await waitForStored(`drafts.${id}`, (document) =>
        Boolean((document?.cover as { asset?: unknown })?.asset),
      )
      const assetRef = (stored?.cover as { asset: { _ref: string } }).asset._ref
      expect(assetRef).toMatch(/^image-[0-9a-f]{40}-1200x800-png$/)
      expect(standIn.document(assetRef)).toMatchObject({
        _type: 'sanity.imageAsset',
        originalFilename: '返校日合影.png',
      })
      // The preview shows the uploaded file, served back by the stand-in.
      await eventually(async () => {
        const loaded = await page
          .locator(`img[src*="${assetRef.split('-')[1]}"]`)
          .first()
          .evaluate((img) => (img as HTMLImageElement).naturalWidth)
        expect(loaded).toBeGreaterThan(0)
      })
      await eventually(async () => expect(await publishButton(page).isDisabled()).toBe(true))
      await shot(page, '6-image-without-alt')

      await page.locator('[id="cover.alt"]').fill('校友摄影展开幕式合影')
      const published = await publish(page, id)
      expect(published?.cover).toMatchObject({ alt: '校友摄影展开幕式合影', asset: { _ref: assetRef } })
    })
  })
})

describe('a newsletter issue', () => {
  it('takes a new item found by searching, moved to the top by dragging, and publishes it in that order', async () => {
    await asEditor(desktop, '/structure/newsletter;newsletter-2026-03', '5-newsletter', async (page) => {
      await page.locator('#title').waitFor()
      await page.getByRole('button', { name: /^母校动态/ }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('button', { name: '添加项' }).click()
      const search = dialog.locator('input[data-testid=autocomplete]').last()
      await search.fill('红楼修缮')
      await page.getByRole('option').filter({ hasText: '红楼修缮完工重新开放' }).first().click()
      const firstSection = (document: Document | undefined) =>
        (
          (document?.sections as Array<{ items?: Array<{ _ref: string }> }> | undefined)?.[0]?.items ?? []
        ).map((item) => item._ref)
      await waitForStored(
        'drafts.newsletter-2026-03',
        (document) => firstSection(document).at(-1) === 'article-red-building-reopens',
      )

      // Drag the new item by its handle above the first one.
      const handles = dialog.locator('fieldset[data-testid$=".items"] [data-ui="DragHandleButton"]')
      await eventually(async () => expect(await handles.count()).toBe(4))
      const from = (await handles.last().boundingBox())!
      const to = (await handles.first().boundingBox())!
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 5 })
      await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 20 })
      await page.mouse.up()
      const draft = await waitForStored(
        'drafts.newsletter-2026-03',
        (document) => firstSection(document)[0] === 'article-red-building-reopens',
      )
      await shot(page, '5-newsletter-reordered')
      expect(await englishOnScreen(page)).toEqual([])
      // @sanity/ui's own English label, put into Chinese (studio/screenReaderLabels.ts).
      await dialog.locator('button[aria-label="关闭对话框"]').click()
      await dialog.waitFor({ state: 'hidden' })

      const published = await publish(
        page,
        'newsletter-2026-03',
        (document) => firstSection(document)[0] === 'article-red-building-reopens',
      )
      expect(firstSection(published)).toEqual(firstSection(draft))
      expect(firstSection(published)).toHaveLength(4)
    })
  })
})

describe("a college editor's day on a phone", () => {
  it('opens 按学院 → their college, edits a report and publishes it at 390×844 with every control in reach', async () => {
    const phone = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true })
    try {
      await asEditor(phone, '/structure', '7-phone', async (page) => {
        await page.getByText('按学院', { exact: true }).click()
        await page.getByText('土木工程学院', { exact: true }).click()
        await page.getByText('校友会动态', { exact: true }).click()
        await page
          .getByText(/广州校友会“走进校友企业”/)
          .first()
          .click()
        const title = page.locator('#title')
        await title.waitFor()
        await shot(page, '7-phone-report')
        await title.fill('广州校友会“走进校友企业”：地铁站工地上的一个上午')
        await waitForStored('drafts.report-guangzhou-company-visit-2026', (document) =>
          String(document?.title).startsWith('广州校友会“走进校友企业”：地铁站'),
        )

        // Nothing sticks out sideways, and every control on screen can be tapped inside the viewport.
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          outside: [...document.querySelectorAll('button, a, input, textarea')]
            .map((element) => ({ element, box: element.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && box.height > 0)
            .filter(({ box }) => box.left < -1 || box.right > window.innerWidth + 1)
            .map(({ element }) => element.outerHTML.slice(0, 120)),
        }))
        expect(layout.scrollWidth).toBeLessThanOrEqual(PHONE_VIEWPORT.width)
        expect(layout.outside).toEqual([])
        const publish = publishButton(page)
        await eventually(async () => expect(await publish.isEnabled()).toBe(true))
        const box = (await publish.boundingBox())!
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width)
        expect(box.y + box.height).toBeLessThanOrEqual(PHONE_VIEWPORT.height)
        await publish.tap()
        await waitForStored('report-guangzhou-company-visit-2026', (document) =>
          String(document?.title).startsWith('广州校友会“走进校友企业”：地铁站'),
        )
        await shot(page, '7-phone-published')
        expect(await englishOnScreen(page)).toEqual([])
      })
    } finally {
      await phone.close()
    }
  })
})

describe('a profile and 公开授权', () => {
  it('keeps a profile without consent off the built site; the editor gives consent and publishes', async () => {
    const before = await buildFromStandIn('site-before-consent')
    expect(await exists(before, 'alumni/ma-guo-dong-1988/index.html')).toBe(false)
    expect(await readBuilt(before, 'alumni/index.html')).not.toContain('马国栋')

    await asEditor(
      desktop,
      '/structure/content;alumnusProfile;profile-ma-guodong',
      '4-consent',
      async (page) => {
        const consent = page.locator('#publicConsent')
        await consent.waitFor()
        expect(await consent.isChecked()).toBe(false)
        await consent.check()
        await publish(page, 'profile-ma-guodong', (document) => document?.publicConsent === true)
        await shot(page, '4-consent-published')
      },
    )
  })
})

describe('the site built from what the editors published', () => {
  let site: string

  beforeAll(async () => {
    site = await buildFromStandIn('site-after-editing')
  })

  it('shows the new article at its permalink, in its college column, in the college feed and in search', async () => {
    const slug = 'jian-zhu-xue-yuan-ju-ban-xiao-you-fan-xiao-ri'
    expect(await readBuilt(site, `articles/${slug}/index.html`)).toContain('建筑学院举办校友返校日')
    expect(await readBuilt(site, 'colleges/jian-zhu-xue-yuan/index.html')).toContain(`/articles/${slug}/`)
    expect(await readBuilt(site, 'colleges/jian-zhu-xue-yuan/rss.xml')).toContain('建筑学院举办校友返校日')

    const server = await serveStatic(site)
    const page = await browser.newPage({ viewport: PHONE_VIEWPORT })
    try {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent('返校日')}`)
      await page.locator(`a[href$="/articles/${slug}/"]`).first().waitFor({ timeout: 60_000 })
    } finally {
      await page.close()
      await server.close()
    }
  })

  it('shows the profile once 公开授权 was given and published', async () => {
    expect(await readBuilt(site, 'alumni/ma-guo-dong-1988/index.html')).toContain('马国栋')
  })

  it('lists the newsletter items in the order the editor gave them, on the issue page and in its edition', async () => {
    const slug = 'ming-hu-xiao-you-2026-nian-di-3-qi-zong-di-93-qi'
    for (const page of [`newsletter/${slug}/index.html`, `newsletter/${slug}/edition.html`]) {
      const html = await readBuilt(site, page)
      const moved = html.indexOf('红楼修缮完工重新开放')
      const formerFirst = html.indexOf('75周年校庆筹备工作启动')
      const formerSecond = html.indexOf('2026级新生报到')
      expect(moved, page).toBeGreaterThan(-1)
      expect(moved, page).toBeLessThan(formerFirst)
      expect(formerFirst, page).toBeLessThan(formerSecond)
    }
  })

  it('publishes the image uploaded in the Studio as the article cover, served from the site itself', async () => {
    const html = await readBuilt(site, 'articles/xiao-you-she-ying-zhan-kai-mu/index.html')
    expect(html).toContain('alt="校友摄影展开幕式合影"')
    expect(html).not.toContain(standIn.url)
  })
})
