import { SITE_URL } from './consts.ts'
import { responsiveImage, type ImageValue } from './images.ts'
import type { SiteSettings } from './siteData.ts'

// Structured data names the organisation and the story, never a person's contact details.

function imageUrl(image: ImageValue | null | undefined): string | undefined {
  const resolved = responsiveImage(image, { widths: [1200], format: 'jpg' })
  return resolved ? new URL(resolved.src, SITE_URL).href : undefined
}

export function organizationJsonLd(settings: SiteSettings) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: settings.title,
    url: `${SITE_URL}/`,
    logo: imageUrl(settings.logo),
    description: settings.description ?? undefined,
  }
}

export function newsArticleJsonLd(input: {
  title: string
  path: string
  publishedAt: string | null
  description?: string | null
  image?: ImageValue | null
  author?: string | null
  settings: SiteSettings
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.title,
    mainEntityOfPage: new URL(input.path, SITE_URL).href,
    datePublished: input.publishedAt ?? undefined,
    description: input.description ?? undefined,
    image: imageUrl(input.image),
    author: input.author
      ? { '@type': 'Person', name: input.author }
      : { '@type': 'Organization', name: input.settings.title },
    publisher: { '@type': 'Organization', name: input.settings.title, logo: imageUrl(input.settings.logo) },
    inLanguage: 'zh-CN',
  }
}

export function eventJsonLd(input: {
  title: string
  path: string
  startsAt: string | null
  endsAt?: string | null
  location?: string | null
  onlineUrl?: string | null
  description?: string | null
  image?: ImageValue | null
  organizers: Array<{ name: string | null }>
}) {
  const places = [
    input.location ? { '@type': 'Place', name: input.location, address: input.location } : undefined,
    input.onlineUrl ? { '@type': 'VirtualLocation', url: input.onlineUrl } : undefined,
  ].filter(Boolean)
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: input.title,
    url: new URL(input.path, SITE_URL).href,
    startDate: input.startsAt ?? undefined,
    endDate: input.endsAt ?? undefined,
    eventAttendanceMode: input.location
      ? input.onlineUrl
        ? 'https://schema.org/MixedEventAttendanceMode'
        : 'https://schema.org/OfflineEventAttendanceMode'
      : 'https://schema.org/OnlineEventAttendanceMode',
    location: places.length === 1 ? places[0] : places,
    description: input.description ?? undefined,
    image: imageUrl(input.image),
    organizer: input.organizers.map((organizer) => ({ '@type': 'Organization', name: organizer.name })),
  }
}
