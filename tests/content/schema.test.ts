import { createSchema, type ObjectSchemaType, validateDocument } from 'sanity'
import { describe, expect, it } from 'vitest'
import { schemaTypes } from '../../schemas/index.ts'
import { normalizedColor } from '../../schemas/lib/contentRules.ts'
import { articleCategories } from '../../schemas/lib/options.ts'
import { permalinkFor } from '../../schemas/lib/permalinks.ts'
import { categoryLabel } from '../../site/lib/consts.ts'
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from '../../schemas/lib/slugify.ts'

const documentTypes = [
  'siteSettings',
  'college',
  'chapter',
  'person',
  'article',
  'alumnusProfile',
  'donationProject',
  'donationStory',
  'chapterReport',
  'event',
  'newsletterIssue',
]
const objectTypes = [
  'imageWithAlt',
  'portableText',
  'publicContact',
  'contactChannel',
  'alumnusContact',
  'donor',
  'newsletterSection',
]

const offline = () => {
  throw new Error('offline')
}

describe('Studio schema', () => {
  const schema = createSchema({ name: 'default', types: schemaTypes })

  it('compiles without schema errors', () => {
    const errors = (schema._validation ?? []).flatMap((group) =>
      group.problems.filter((problem) => problem.severity === 'error'),
    )
    expect(errors).toEqual([])
  })

  it('defines exactly the types of docs/content-model.md', () => {
    expect(schemaTypes.map((type) => type.name).sort()).toEqual([...documentTypes, ...objectTypes].sort())
  })

  it('gives every document type a Chinese title, an icon and a preview', () => {
    for (const name of documentTypes) {
      const definition = schemaTypes.find((type) => type.name === name)!
      expect(definition.title, name).toMatch(/\p{Script=Han}/u)
      expect(definition.icon, name).toBeDefined()
      expect((definition as { preview?: { select?: object } }).preview?.select, name).toBeDefined()
    }
  })

  it('requires exactly the fields docs/content-model.md marks as required', async () => {
    const requiredByModel: Record<string, string[]> = {
      siteSettings: ['title'],
      college: ['name', 'slug'],
      chapter: ['name', 'slug', 'kind'],
      person: ['name', 'slug'],
      article: ['title', 'slug', 'publishedAt', 'body', 'category'],
      alumnusProfile: ['name', 'slug', 'publishedAt', 'classYear', 'publicConsent'],
      donationProject: ['title', 'slug', 'publishedAt', 'status'],
      donationStory: ['title', 'slug', 'publishedAt', 'donor', 'kind'],
      chapterReport: ['title', 'slug', 'publishedAt', 'chapter'],
      event: ['title', 'slug', 'publishedAt', 'startsAt'],
      newsletterIssue: ['title', 'slug', 'volume', 'number', 'publishedAt', 'sections'],
    }
    for (const [type, fields] of Object.entries(requiredByModel)) {
      const markers = await validateDocument({
        document: { _id: `empty-${type}`, _type: type, _createdAt: '', _updatedAt: '', _rev: '' },
        workspace: { schema, getClient: offline } as unknown as Parameters<
          typeof validateDocument
        >[0]['workspace'],
        getDocumentExists: async () => true,
        environment: 'studio',
      })
      const required = markers
        .filter((marker) => marker.level === 'error' && marker.code === 'value.required')
        .map((marker) => String(marker.path[0]))
      expect([...new Set(required)].sort(), type).toEqual([...fields].sort())
    }
  })

  it('requires alt text on every image and a title on every newsletter section', async () => {
    const markers = await validateDocument({
      document: {
        _id: 'issue',
        _type: 'newsletterIssue',
        _createdAt: '',
        _updatedAt: '',
        _rev: '',
        cover: { _type: 'imageWithAlt', asset: { _type: 'reference', _ref: 'image-a-1x1-jpg' } },
        sections: [{ _type: 'newsletterSection', _key: 's1', items: [] }],
      },
      workspace: { schema, getClient: offline } as unknown as Parameters<
        typeof validateDocument
      >[0]['workspace'],
      getDocumentExists: async () => true,
      environment: 'studio',
    })
    const required = markers
      .filter((marker) => marker.level === 'error' && marker.code === 'value.required')
      .map((marker) => JSON.stringify(marker.path))
    expect(required).toContain(JSON.stringify(['cover', 'alt']))
    expect(required).toContain(JSON.stringify(['sections', { _key: 's1' }, 'title']))
  })

  it('describes the alumnus contact as internal and never published', () => {
    const contact = (schema.get('alumnusProfile') as ObjectSchemaType).fields.find(
      (field) => field.name === 'contact',
    )!
    expect(contact.type.name).toBe('alumnusContact')
    expect(contact.type.description).toMatch(/内部/)
    expect(contact.type.description).toMatch(/不会.*公开/)
  })

  it('starts new profiles without publication consent', () => {
    const consent = (schema.get('alumnusProfile') as ObjectSchemaType).fields.find(
      (field) => field.name === 'publicConsent',
    )!
    expect(consent.type.initialValue).toBe(false)
  })
})

describe('slugify', () => {
  it('turns a Chinese title into ASCII pinyin', () => {
    expect(slugify('建筑学院')).toBe('jian-zhu-xue-yuan')
  })

  it('keeps latin words and digits and drops punctuation', () => {
    expect(slugify('2026年校友返校日 Homecoming！')).toBe('2026-nian-xiao-you-fan-xiao-ri-homecoming')
    expect(slugify('“重庆”校友会（第3届）')).toBe('chong-qing-xiao-you-hui-di-3-jie')
  })

  it('folds ü and full-width letters to plain ASCII', () => {
    expect(slugify('绿色ＡＩ')).toBe('lu-se-ai')
  })

  it('never returns more than the maximum length and never ends with a hyphen', () => {
    const slug = slugify('清华大学建筑学院校友会'.repeat(10))
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug).toMatch(SLUG_PATTERN)
  })
})

describe('permalinkFor', () => {
  it('maps each public type to its page', () => {
    expect(permalinkFor('article', 'a')).toBe('/articles/a/')
    expect(permalinkFor('alumnusProfile', 'a')).toBe('/alumni/a/')
    expect(permalinkFor('donationProject', 'a')).toBe('/giving/projects/a/')
    expect(permalinkFor('donationStory', 'a')).toBe('/giving/stories/a/')
    expect(permalinkFor('chapterReport', 'a')).toBe('/reports/a/')
    expect(permalinkFor('event', 'a')).toBe('/events/a/')
    expect(permalinkFor('newsletterIssue', 'a')).toBe('/newsletter/a/')
    expect(permalinkFor('college', 'a')).toBe('/colleges/a/')
    expect(permalinkFor('chapter', 'a')).toBe('/chapters/a/')
  })

  it('has no page for types without one or for an empty slug', () => {
    expect(permalinkFor('person', 'a')).toBeUndefined()
    expect(permalinkFor('siteSettings', 'a')).toBeUndefined()
    expect(permalinkFor('article', '')).toBeUndefined()
  })
})

describe('accent colour', () => {
  const schema = createSchema({ name: 'default', types: schemaTypes })

  it('accepts what the Studio accepts, in the six-digit form the site and the edition write', () => {
    expect(normalizedColor('#9B1B30')).toBe('#9b1b30')
    expect(normalizedColor('#c03')).toBe('#cc0033')
    for (const rejected of ['red', '#12345', '#1234567', '9b1b30', 'url(x)', null, 3]) {
      expect(normalizedColor(rejected), String(rejected)).toBeUndefined()
    }
  })

  it('is validated in the Studio with the same pattern', async () => {
    const errors = async (accentColor: string) =>
      (
        await validateDocument({
          document: {
            _id: 'siteSettings',
            _type: 'siteSettings',
            _createdAt: '',
            _updatedAt: '',
            _rev: '',
            title: '校友总会',
            accentColor,
          },
          workspace: { schema, getClient: offline } as unknown as Parameters<
            typeof validateDocument
          >[0]['workspace'],
          getDocumentExists: async () => true,
          environment: 'studio',
        })
      ).filter((marker) => marker.level === 'error' && marker.path[0] === 'accentColor')
    expect(await errors('#c03')).toEqual([])
    expect(await errors('#12345')).not.toEqual([])
  })
})

describe('option labels', () => {
  const schema = createSchema({ name: 'default', types: schemaTypes })
  it('are what the site prints and what the Studio offers', () => {
    const articleType = schema.get('article') as ObjectSchemaType
    const category = articleType.fields.find((field) => field.name === 'category')!
    expect(category.type.options?.list).toEqual(articleCategories)
    expect(categoryLabel('memorial')).toBe('怀念')
  })

  it('show a stored value the schema does not list as it is (the contract builds it as plain text)', () => {
    expect(categoryLabel('obituary' as 'other')).toBe('obituary')
  })
})
