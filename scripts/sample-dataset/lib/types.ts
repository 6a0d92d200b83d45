/**
 * Input shapes of the content modules. They mirror docs/content-model.md, minus the export bookkeeping
 * (`_type`, `_key`, `_rev`, timestamps, slug objects, reference objects) that build.ts adds.
 * References are plain document ids; rich text is markup for lib/portable-text.ts.
 */

/** An image from content/images.ts, optionally with alt text and caption for this use. */
export interface ImageRef {
  image: string
  alt?: string
  caption?: string
}

export const img = (image: string, alt?: string, caption?: string): ImageRef => ({ image, alt, caption })

export type Markup = string

export type ChannelKind = 'wechat' | 'weibo' | 'website' | 'qq' | 'wecom' | 'email' | 'phone' | 'other'

export interface Channel {
  kind: ChannelKind
  label: string
  url?: string
  qrCode?: ImageRef
}

export interface PublicContact {
  email?: string
  phone?: string
  address?: string
  url?: string
}

export interface SiteSettingsInput {
  title: string
  tagline: string
  description: string
  logo: ImageRef
  accentColor: string
  contact: PublicContact
  channels: Channel[]
}

export interface CollegeInput {
  id: string
  name: string
  slug?: string
  shortName: string
  description: string
  cover: ImageRef
  order: number
  contact: PublicContact
}

export interface ChapterInput {
  id: string
  name: string
  slug?: string
  kind: 'regional' | 'industry' | 'college'
  region: string
  college?: string
  foundedAt: string
  description: string
  channels: Channel[]
  cover?: ImageRef
}

export interface PersonInput {
  id: string
  name: string
  slug?: string
  role: string
}

interface Published {
  id: string
  slug?: string
  publishedAt: string
}

export type ArticleCategory = 'news' | 'campus' | 'visit' | 'lecture' | 'career' | 'memorial' | 'other'

export interface ArticleInput extends Published {
  title: string
  category: ArticleCategory
  featured?: boolean
  author?: string
  colleges?: string[]
  tags?: string[]
  cover?: ImageRef
  excerpt: string
  body: Markup
}

export interface ProfileInput extends Published {
  name: string
  classYear: number
  degree: 'associate' | 'bachelor' | 'master' | 'doctor'
  major: string
  colleges: string[]
  headline: string
  portrait?: ImageRef
  excerpt: string
  body: Markup
  achievements: string[]
  notable?: boolean
  publicConsent: boolean
  contact: { email: string; phone: string; wechat: string; address: string }
}

export interface DonationProjectInput extends Published {
  title: string
  college?: string
  designatedUse: string
  goal: number
  raised: number
  donorCount: number
  status: 'open' | 'completed' | 'closed'
  excerpt: string
  cover?: ImageRef
  body: Markup
  howToGive: Markup
}

export interface DonationStoryInput extends Published {
  title: string
  project?: string
  donor: { displayName: string; anonymous: boolean; classYear?: number; college?: string }
  kind: 'money' | 'goods' | 'service'
  amount?: number
  showAmount: boolean
  excerpt: string
  cover?: ImageRef
  body: Markup
  colleges?: string[]
}

export interface ChapterReportInput extends Published {
  title: string
  chapter: string
  eventDate: string
  location: string
  attendees: number
  excerpt: string
  cover?: ImageRef
  gallery?: ImageRef[]
  body: Markup
  colleges?: string[]
}

export interface EventInput extends Published {
  title: string
  startsAt: string
  endsAt?: string
  location?: string
  onlineUrl?: string
  organizers: string[]
  registrationUrl?: string
  excerpt: string
  cover?: ImageRef
  body: Markup
  colleges?: string[]
}

export interface NewsletterIssueInput extends Published {
  title: string
  volume: number
  number: number
  cover?: ImageRef
  editorNote: Markup
  sections: Array<{ title: string; items: string[] }>
}
