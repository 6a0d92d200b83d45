import { createSchema, type SanityDocument, validateDocument } from 'sanity'
import { describe, expect, it } from 'vitest'
import { schemaTypes } from '../../schemas/index.ts'

const schema = createSchema({ name: 'default', types: schemaTypes })

const issue = {
  _id: 'drafts.newsletterIssue-1',
  _type: 'newsletterIssue',
  _createdAt: '',
  _updatedAt: '',
  _rev: '',
  sections: [
    {
      _type: 'newsletterSection',
      _key: 's1',
      title: '校园动态',
      items: [
        { _type: 'reference', _ref: 'article-published', _key: 'i1' },
        { _type: 'reference', _ref: 'article-unpublished', _key: 'i2' },
      ],
    },
  ],
} as unknown as SanityDocument

function validateWith(getClient: () => unknown) {
  return validateDocument({
    document: issue,
    workspace: { schema, getClient } as unknown as Parameters<typeof validateDocument>[0]['workspace'],
    getDocumentExists: async () => true,
    environment: 'studio',
  })
}

const itemsWarnings = (markers: Awaited<ReturnType<typeof validateWith>>) =>
  markers.filter(
    (marker) => JSON.stringify(marker.path) === JSON.stringify(['sections', { _key: 's1' }, 'items']),
  )

describe('newsletter issue advice in the Studio', () => {
  it('warns about sections that list documents that are not published', async () => {
    const markers = await validateWith(() => ({ fetch: async () => ['article-published'] }))
    expect(itemsWarnings(markers)).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('article-unpublished') }),
    ])
  })

  it('stays quiet when every listed document is published', async () => {
    const markers = await validateWith(() => ({
      fetch: async () => ['article-published', 'article-unpublished'],
    }))
    expect(itemsWarnings(markers)).toEqual([])
  })

  it('skips the check, without a warning or an error, when the Content Lake cannot answer', async () => {
    const offline = await validateWith(() => ({
      fetch: async () => {
        throw new Error('getaddrinfo ENOTFOUND')
      },
    }))
    const noClient = await validateWith(() => {
      throw new Error('no client')
    })
    expect(itemsWarnings(offline)).toEqual([])
    expect(itemsWarnings(noClient)).toEqual([])
    expect([...offline, ...noClient].filter((marker) => marker.code === 'validation.exception')).toEqual([])
  })
})
