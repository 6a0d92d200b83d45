/**
 * Turns content-module inputs into documents shaped exactly like a `sanity dataset export` (docs/content-model.md).
 */
import { slugify } from '../../../schemas/lib/slugify.ts'
import type { RenderedImage } from './render-images.ts'
import { keyFactory, revisionFor, sha1 } from './keys.ts'
import { portableText } from './portable-text.ts'
import type * as T from './types.ts'

export type Doc = { _id: string; _type: string; [field: string]: unknown }

/** Latest moment any bookkeeping timestamp may carry: the dataset was "exported" just before 2026-11-21. */
const EXPORTED_AT = Date.parse('2026-11-20T14:00:00Z')

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z')
const hours = (n: number) => n * 3_600_000

/** Deterministic pseudo-random offset derived from the id, so timestamps look organic but never change. */
const jitter = (id: string, salt: string, max: number) =>
  parseInt(sha1(`${salt}:${id}`).slice(0, 8), 16) % max

export interface Stamps {
  _createdAt: string
  _updatedAt: string
}

/** For documents with publishedAt: created a little before publication, last edited a little after. */
export function contentStamps(id: string, publishedAt: string): Stamps {
  const published = Date.parse(publishedAt)
  if (published > EXPORTED_AT) {
    // Scheduled far ahead: written recently, not yet live.
    return { _createdAt: '2026-11-18T08:12:40Z', _updatedAt: '2026-11-19T09:31:05Z' }
  }
  const created = published - hours(2 + jitter(id, 'created', 46)) - jitter(id, 'created-s', 3_600) * 1000
  const updated = Math.min(
    EXPORTED_AT,
    published + jitter(id, 'updated', 30) * 3_600_000 + jitter(id, 'updated-s', 3_600) * 1000,
  )
  return { _createdAt: iso(created), _updatedAt: iso(updated) }
}

/** For configuration-like documents (settings, colleges, chapters, people): set up with the site in summer 2024. */
export function setupStamps(id: string, index: number): Stamps {
  const created = Date.parse('2024-08-26T02:00:00Z') + index * 7 * 60_000 + jitter(id, 'c', 60) * 1000
  const updated = Date.parse('2026-10-09T06:00:00Z') + hours(jitter(id, 'u', 900))
  return { _createdAt: iso(created), _updatedAt: iso(Math.min(updated, EXPORTED_AT)) }
}

export class DocumentBuilder {
  readonly usedImages = new Set<string>()

  private readonly images: Map<string, RenderedImage>

  constructor(images: Map<string, RenderedImage>) {
    this.images = images
  }

  private image(ref: T.ImageRef, where: string) {
    const rendered = this.images.get(ref.image)
    if (!rendered) throw new Error(`${where}: image "${ref.image}" is not defined in content/images.ts`)
    this.usedImages.add(ref.image)
    return {
      _type: 'imageWithAlt' as const,
      _sanityAsset: `image@file://./images/${rendered.file}`,
      alt: ref.alt ?? rendered.alt,
      ...(ref.caption ? { caption: ref.caption } : {}),
    }
  }

  private maybeImage(ref: T.ImageRef | undefined, where: string) {
    return ref ? this.image(ref, where) : undefined
  }

  private portableTextOf(markup: string | undefined, key: () => string, where: string) {
    if (markup === undefined) return undefined
    return portableText(
      markup,
      key,
      (image, alt, caption) => this.image({ image, alt, caption }, where),
      where,
    )
  }

  private channels(channels: T.Channel[], key: () => string, where: string) {
    return channels.map((c) => {
      if (!c.url && !c.qrCode) throw new Error(`${where}: channel "${c.label}" needs a url or a qrCode`)
      return {
        _type: 'contactChannel',
        _key: key(),
        kind: c.kind,
        label: c.label,
        url: c.url,
        qrCode: this.maybeImage(c.qrCode, where),
      }
    })
  }

  private contact(c: T.PublicContact) {
    return { _type: 'publicContact', ...c }
  }

  private doc(id: string, type: string, stamps: Stamps, fields: Record<string, unknown>): Doc {
    return clean({ _id: id, _type: type, ...stamps, _rev: revisionFor(id), ...fields }) as Doc
  }

  siteSettings(s: T.SiteSettingsInput): Doc {
    const id = 'siteSettings'
    const key = keyFactory(id)
    return this.doc(id, 'siteSettings', setupStamps(id, 0), {
      title: s.title,
      tagline: s.tagline,
      description: s.description,
      logo: this.image(s.logo, id),
      accentColor: s.accentColor,
      contact: this.contact(s.contact),
      channels: this.channels(s.channels, key, id),
    })
  }

  college(c: T.CollegeInput, index: number): Doc {
    return this.doc(c.id, 'college', setupStamps(c.id, index + 1), {
      name: c.name,
      slug: slug(c.slug ?? slugify(c.name)),
      shortName: c.shortName,
      description: c.description,
      cover: this.image(c.cover, c.id),
      order: c.order,
      contact: this.contact(c.contact),
    })
  }

  chapter(c: T.ChapterInput, index: number): Doc {
    const key = keyFactory(c.id)
    return this.doc(c.id, 'chapter', setupStamps(c.id, index + 20), {
      name: c.name,
      slug: slug(c.slug ?? slugify(c.name)),
      kind: c.kind,
      region: c.region,
      college: c.college ? ref(c.college) : undefined,
      foundedAt: c.foundedAt,
      description: c.description,
      channels: this.channels(c.channels, key, c.id),
      cover: this.maybeImage(c.cover, c.id),
    })
  }

  person(p: T.PersonInput, index: number): Doc {
    return this.doc(p.id, 'person', setupStamps(p.id, index + 40), {
      name: p.name,
      slug: slug(p.slug ?? slugify(p.name)),
      role: p.role,
    })
  }

  article(a: T.ArticleInput): Doc {
    const key = keyFactory(a.id)
    return this.doc(a.id, 'article', contentStamps(a.id, a.publishedAt), {
      title: a.title,
      slug: slug(a.slug ?? slugify(a.title)),
      publishedAt: a.publishedAt,
      excerpt: a.excerpt,
      cover: this.maybeImage(a.cover, a.id),
      body: this.portableTextOf(a.body, key, a.id),
      colleges: refs(a.colleges, key),
      tags: a.tags,
      author: a.author ? ref(a.author) : undefined,
      category: a.category,
      featured: a.featured ?? false,
    })
  }

  profile(p: T.ProfileInput): Doc {
    const key = keyFactory(p.id)
    return this.doc(p.id, 'alumnusProfile', contentStamps(p.id, p.publishedAt), {
      name: p.name,
      slug: slug(p.slug ?? slugify(`${p.name} ${p.classYear}`)),
      publishedAt: p.publishedAt,
      classYear: p.classYear,
      degree: p.degree,
      major: p.major,
      colleges: refs(p.colleges, key),
      headline: p.headline,
      portrait: this.maybeImage(p.portrait, p.id),
      excerpt: p.excerpt,
      body: this.portableTextOf(p.body, key, p.id),
      achievements: p.achievements,
      notable: p.notable ?? false,
      publicConsent: p.publicConsent,
      contact: { _type: 'alumnusContact', ...p.contact },
    })
  }

  donationProject(p: T.DonationProjectInput): Doc {
    const key = keyFactory(p.id)
    return this.doc(p.id, 'donationProject', contentStamps(p.id, p.publishedAt), {
      title: p.title,
      slug: slug(p.slug ?? slugify(p.title)),
      publishedAt: p.publishedAt,
      college: p.college ? ref(p.college) : undefined,
      designatedUse: p.designatedUse,
      goal: p.goal,
      raised: p.raised,
      donorCount: p.donorCount,
      status: p.status,
      excerpt: p.excerpt,
      cover: this.maybeImage(p.cover, p.id),
      body: this.portableTextOf(p.body, key, p.id),
      howToGive: this.portableTextOf(p.howToGive, key, p.id),
    })
  }

  donationStory(s: T.DonationStoryInput): Doc {
    const key = keyFactory(s.id)
    return this.doc(s.id, 'donationStory', contentStamps(s.id, s.publishedAt), {
      title: s.title,
      slug: slug(s.slug ?? slugify(s.title)),
      publishedAt: s.publishedAt,
      project: s.project ? ref(s.project) : undefined,
      donor: {
        _type: 'donor',
        displayName: s.donor.displayName,
        anonymous: s.donor.anonymous,
        classYear: s.donor.classYear,
        college: s.donor.college ? ref(s.donor.college) : undefined,
      },
      kind: s.kind,
      amount: s.amount,
      showAmount: s.showAmount,
      excerpt: s.excerpt,
      cover: this.maybeImage(s.cover, s.id),
      body: this.portableTextOf(s.body, key, s.id),
      colleges: refs(s.colleges, key),
    })
  }

  chapterReport(r: T.ChapterReportInput): Doc {
    const key = keyFactory(r.id)
    return this.doc(r.id, 'chapterReport', contentStamps(r.id, r.publishedAt), {
      title: r.title,
      slug: slug(r.slug ?? slugify(r.title)),
      publishedAt: r.publishedAt,
      chapter: ref(r.chapter),
      eventDate: r.eventDate,
      location: r.location,
      attendees: r.attendees,
      excerpt: r.excerpt,
      cover: this.maybeImage(r.cover, r.id),
      gallery: r.gallery?.map((g) => ({ ...this.image(g, r.id), _key: key() })),
      body: this.portableTextOf(r.body, key, r.id),
      colleges: refs(r.colleges, key),
    })
  }

  event(e: T.EventInput): Doc {
    const key = keyFactory(e.id)
    return this.doc(e.id, 'event', contentStamps(e.id, e.publishedAt), {
      title: e.title,
      slug: slug(e.slug ?? slugify(e.title)),
      publishedAt: e.publishedAt,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      location: e.location,
      onlineUrl: e.onlineUrl,
      organizers: refs(e.organizers, key),
      registrationUrl: e.registrationUrl,
      excerpt: e.excerpt,
      cover: this.maybeImage(e.cover, e.id),
      body: this.portableTextOf(e.body, key, e.id),
      colleges: refs(e.colleges, key),
    })
  }

  newsletterIssue(n: T.NewsletterIssueInput): Doc {
    const key = keyFactory(n.id)
    return this.doc(n.id, 'newsletterIssue', contentStamps(n.id, n.publishedAt), {
      title: n.title,
      slug: slug(n.slug ?? slugify(n.title)),
      volume: n.volume,
      number: n.number,
      publishedAt: n.publishedAt,
      cover: this.maybeImage(n.cover, n.id),
      editorNote: this.portableTextOf(n.editorNote, key, n.id),
      sections: n.sections.map((section) => ({
        _type: 'newsletterSection',
        _key: key(),
        title: section.title,
        items: refs(section.items, key),
      })),
    })
  }
}

/** Draft copies share the published document's creation time but were edited just before the export. */
export function asDraftOf(published: Doc, changes: Record<string, unknown>): Doc {
  const id = `drafts.${published._id}`
  return clean({
    ...published,
    ...changes,
    _id: id,
    _updatedAt: '2026-11-19T15:47:22Z',
    _rev: revisionFor(id),
  }) as Doc
}

/** A document that only exists as a draft (never published). */
export function asDraftOnly(doc: Doc): Doc {
  const id = doc._id.startsWith('drafts.') ? doc._id : `drafts.${doc._id}`
  return clean({
    ...doc,
    _id: id,
    _createdAt: '2026-11-17T03:20:11Z',
    _updatedAt: '2026-11-20T02:05:48Z',
    _rev: revisionFor(id),
  }) as Doc
}

function slug(current: string) {
  return { _type: 'slug', current }
}

function ref(id: string) {
  return { _type: 'reference', _ref: id }
}

function refs(ids: string[] | undefined, key: () => string) {
  return ids?.map((id) => ({ _type: 'reference', _ref: id, _key: key() }))
}

/** Drops undefined fields recursively, the way an export never contains empty keys. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, clean(v)]),
    )
  }
  return value
}
