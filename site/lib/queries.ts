import { defineQuery } from 'groq'

// Every list query selects only public documents and names exactly the fields a page shows:
// whatever a projection does not select (alumnusProfile.contact, anonymous donors' names, hidden
// amounts) can never reach a page, a feed or the search index. Privacy flags fail closed: only the exact public
// value (publicConsent == true, anonymous == false, showAmount == true) shows what they guard.

/**
 * The publishing rule of schemas/lib/contentRules.ts (whyNotPublic) in GROQ; tests/content/content-rules.test.ts
 * runs both over the same documents. Date-times compare as instants: as strings, `2026-11-21T03:00:00-08:00` (11:00
 * UTC) would sort before a 04:00 UTC clock and publish early. dateTime() is null for anything that is not an RFC 3339
 * date-time, and a null comparison selects nothing: such a value never publishes.
 */
export const isPublicFilter = /* groq */ `
  !(_id in path("drafts.**")) && !(_id in path("versions.**"))
  && dateTime(publishedAt) <= dateTime($now)
  && (_type != "alumnusProfile" || publicConsent == true)
`

const isNotDraft = /* groq */ `!(_id in path("drafts.**")) && !(_id in path("versions.**"))`

const imageFields = /* groq */ `{
  alt,
  caption,
  hotspot,
  crop,
  "asset": asset->{ _id, url, "width": metadata.dimensions.width, "height": metadata.dimensions.height }
}`

const portableTextFields = /* groq */ `[]{
  ...,
  _type == "imageWithAlt" => {
    "asset": asset->{ _id, url, "width": metadata.dimensions.width, "height": metadata.dimensions.height }
  }
}`

const collegeRefFields = /* groq */ `{ _id, name, shortName, "slug": slug.current }`

/** What a list, a card or a newsletter item needs of any content document. */
const cardFields = /* groq */ `
  _id,
  _type,
  "title": coalesce(title, name),
  "slug": slug.current,
  publishedAt,
  excerpt,
  "cover": coalesce(cover, portrait) ${imageFields},
  "colleges": select(
    _type == "donationProject" => [college->${collegeRefFields}][defined(_id)],
    (colleges[]->)[defined(_id)]${collegeRefFields}
  ),
  category,
  classYear,
  headline,
  startsAt,
  location,
  status
`

const channelFields = /* groq */ `{ _key, kind, label, url, "qrCode": qrCode ${imageFields} }`

export const siteSettingsQuery = defineQuery(`*[_type == "siteSettings" && _id == "siteSettings"][0]{
  title,
  tagline,
  description,
  "logo": logo ${imageFields},
  accentColor,
  contact{ email, phone, address, url },
  "channels": channels[]${channelFields}
}`)

export const collegesQuery = defineQuery(`*[_type == "college" && ${isNotDraft}] | order(order asc, name asc){
  _id,
  name,
  shortName,
  "slug": slug.current,
  description,
  "cover": cover ${imageFields},
  contact{ email, phone, address, url }
}`)

export const chaptersQuery = defineQuery(`*[_type == "chapter" && ${isNotDraft}] | order(name asc){
  _id,
  name,
  "slug": slug.current,
  kind,
  region,
  foundedAt,
  description,
  "college": college->${collegeRefFields},
  "cover": cover ${imageFields},
  "channels": channels[]${channelFields}
}`)

export const articlesQuery =
  defineQuery(`*[_type == "article" && ${isPublicFilter}] | order(dateTime(publishedAt) desc){
  ${cardFields},
  tags,
  featured,
  "author": author->{ name, role },
  "body": body${portableTextFields}
}`)

export const alumnusProfilesQuery =
  defineQuery(`*[_type == "alumnusProfile" && ${isPublicFilter}] | order(dateTime(publishedAt) desc){
  ${cardFields},
  name,
  degree,
  major,
  "portrait": portrait ${imageFields},
  achievements,
  notable,
  "body": body${portableTextFields}
}`)

export const donationProjectsQuery =
  defineQuery(`*[_type == "donationProject" && ${isPublicFilter}] | order(dateTime(publishedAt) desc){
  ${cardFields},
  "college": college->${collegeRefFields},
  designatedUse,
  goal,
  raised,
  donorCount,
  "body": body${portableTextFields},
  "howToGive": howToGive${portableTextFields}
}`)

export const donationStoriesQuery =
  defineQuery(`*[_type == "donationStory" && ${isPublicFilter}] | order(dateTime(publishedAt) desc){
  ${cardFields},
  "project": [project->][${isPublicFilter}][0]{ _id, title, "slug": slug.current },
  "donor": donor{
    "anonymous": anonymous != false,
    "displayName": select(anonymous != false => "匿名校友", displayName),
    "classYear": select(anonymous != false => null, classYear),
    "college": select(anonymous != false => null, college->${collegeRefFields})
  },
  kind,
  "amount": select(showAmount == true => amount, null),
  "body": body${portableTextFields}
}`)

export const chapterReportsQuery =
  defineQuery(`*[_type == "chapterReport" && ${isPublicFilter}] | order(dateTime(publishedAt) desc){
  ${cardFields},
  "chapter": chapter->{ _id, name, "slug": slug.current, kind },
  eventDate,
  attendees,
  "gallery": gallery[]${imageFields},
  "body": body${portableTextFields}
}`)

export const eventsQuery =
  defineQuery(`*[_type == "event" && ${isPublicFilter}] | order(dateTime(startsAt) desc){
  ${cardFields},
  endsAt,
  onlineUrl,
  registrationUrl,
  "organizers": (organizers[]->)[defined(_id)]{ _id, _type, name, "slug": slug.current },
  "body": body${portableTextFields}
}`)

export const newsletterIssuesQuery =
  defineQuery(`*[_type == "newsletterIssue" && ${isPublicFilter}] | order(dateTime(publishedAt) desc){
  _id,
  _type,
  title,
  "slug": slug.current,
  volume,
  number,
  publishedAt,
  "cover": cover ${imageFields},
  "editorNote": editorNote${portableTextFields},
  "sections": sections[]{
    _key,
    title,
    "items": (items[]->)[${isPublicFilter}]{ ${cardFields} }
  }
}`)
