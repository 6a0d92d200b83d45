/**
 * Rules the build checks without loading the Studio schema (importing `sanity` and running its validators costs
 * minutes on a 20k-document dataset). The Studio schema states the same rules with `rule.required()`; tests keep
 * the two in step.
 */

/** Top-level required fields of each document type (docs/content-model.md, in bold). */
export const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
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

/** ASCII slugs: lowercase letters and digits in hyphen-separated runs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
