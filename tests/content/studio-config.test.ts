import { createClient } from '@sanity/client'
import { type CurrentUser, createSourceFromConfig, type Source } from 'sanity'
import { createStructureBuilder } from 'sanity/structure'
import { beforeAll, describe, expect, it } from 'vitest'
import config from '../../studio/sanity.config.ts'
import { structure } from '../../studio/structure.ts'
import { SANITY_API_VERSION } from '../../schemas/lib/sanityApi.ts'

/**
 * The Studio's configuration resolved in Node, as the Studio resolves it in the browser: the desk structure,
 * templates, actions and production URLs are checked without a login or a network.
 */

type Node = {
  id: string
  type: string
  title?: string
  items?: Node[]
  options?: { filter?: string; params?: Record<string, unknown>; id?: string; type?: string }
  initialValueTemplates?: Array<{ templateId: string; parameters?: Record<string, unknown> }>
  child?: unknown
}

const editor: CurrentUser = {
  id: 'editor',
  name: '编辑',
  email: 'editor@example.edu.cn',
  role: 'administrator',
  roles: [{ name: 'administrator', title: 'Administrator' }],
}

let source: Source
let root: Node

/** Opens a pane's child the way the structure tool does when an editor clicks an item. */
async function open(pane: Node, id: string): Promise<Node> {
  const child = pane.child as
    ((id: string, context: object) => unknown) | { serialize: (options: object) => Node } | Node
  const resolved =
    typeof child === 'function' ? await child(id, { parent: pane, index: 0, path: [], params: {} }) : child
  const builder = resolved as { serialize?: (options: object) => Node }
  return builder.serialize ? builder.serialize({ path: [pane.id] }) : (resolved as Node)
}

beforeAll(async () => {
  const client = createClient({
    projectId: 'placeholder',
    dataset: 'production',
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
  })
  source = await createSourceFromConfig({
    ...config,
    currentUser: editor,
    getClient: () => client,
  } as Parameters<typeof createSourceFromConfig>[0])
  const S = createStructureBuilder({ source, perspectiveStack: [] })
  root = (structure(S, {} as Parameters<typeof structure>[1]) as { serialize: () => Node }).serialize()
})

describe('desk structure', () => {
  it('lists 站点设置, 校友通讯, 内容, 按学院 and 按校友会', () => {
    expect(root.items!.filter((node) => node.type === 'listItem').map((node) => node.title)).toEqual([
      '站点设置',
      '校友通讯',
      '内容',
      '按学院',
      '按校友会',
    ])
  })

  it('opens the one site settings document under its fixed id', async () => {
    const settings = await open(root, 'siteSettings')
    expect(settings.type).toBe('document')
    expect(settings.options).toMatchObject({ id: 'siteSettings', type: 'siteSettings' })
  })

  it('orders newsletter issues by volume and number, newest first', async () => {
    const issues = (await open(root, 'newsletter')) as Node & { options: { defaultOrdering?: unknown } }
    expect(issues.options.defaultOrdering).toEqual([
      { field: 'volume', direction: 'desc' },
      { field: 'number', direction: 'desc' },
    ])
  })

  it('lists each college’s documents and creates new ones linked to that college', async () => {
    const colleges = await open(root, 'by-college')
    const college = await open(colleges, 'college-architecture')
    expect(college.items!.map((node) => node.id)).toEqual([
      'article',
      'alumnusProfile',
      'chapterReport',
      'donationProject',
      'donationStory',
      'event',
    ])
    const articles = await open(college, 'article')
    expect(articles.options).toMatchObject({
      filter: '_type == $type && references($collegeId)',
      params: { type: 'article', collegeId: 'college-architecture' },
    })
    expect(articles.initialValueTemplates).toEqual([
      expect.objectContaining({
        templateId: 'article-by-college',
        parameters: { collegeId: 'college-architecture' },
      }),
    ])
    const projects = await open(college, 'donationProject')
    expect(projects.options?.filter).toBe('_type == $type && college._ref == $collegeId')
  })

  it('lists each chapter’s reports and events and creates new ones linked to that chapter', async () => {
    const chapters = await open(root, 'by-chapter')
    const chapter = await open(chapters, 'chapter-shenzhen')
    expect(chapter.items!.map((node) => node.id)).toEqual(['chapterReport', 'event'])
    const reports = await open(chapter, 'chapterReport')
    expect(reports.options).toMatchObject({
      filter: '_type == $type && chapter._ref == $chapterId',
      params: { chapterId: 'chapter-shenzhen' },
    })
    expect(reports.initialValueTemplates).toEqual([
      expect.objectContaining({
        templateId: 'chapterReport-by-chapter',
        parameters: { chapterId: 'chapter-shenzhen' },
      }),
    ])
  })
})

describe('document rules', () => {
  it('never offers site settings (or the by-college/by-chapter templates) in the global “new document” menu', () => {
    const offered = source.document
      .resolveNewDocumentOptions({ type: 'global' })
      .map((option) => option.templateId)
    expect(offered).not.toContain('siteSettings')
    expect(offered.filter((id) => id.includes('-by-'))).toEqual([])
    expect(offered).toContain('article')
  })

  it('lets editors publish site settings but not delete, duplicate or unpublish them', () => {
    const actions = source.document
      .actions({ schemaType: 'siteSettings', documentId: 'siteSettings' } as Parameters<
        Source['document']['actions']
      >[0])
      .map((action) => action.action)
    expect(actions).toContain('publish')
    expect(actions).not.toContain('delete')
    expect(actions).not.toContain('duplicate')
    expect(actions).not.toContain('unpublish')
  })

  it('opens a document’s public page as its production URL', async () => {
    const url = await source.document.resolveProductionUrl({
      document: { _id: 'article-a', _type: 'article', slug: { _type: 'slug', current: 'fan-xiao-ri' } },
    } as Parameters<Source['document']['resolveProductionUrl']>[0])
    expect(url).toBe('https://alumni.example.edu.cn/articles/fan-xiao-ri/')
  })
})
