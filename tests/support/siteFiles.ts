import { readdir } from 'node:fs/promises'
import path from 'node:path'

/** Every file under a built site, as paths relative to it with forward slashes. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** The file a static host serves for a site path: "/a/" → "a/index.html". */
export function fileForPath(pathname: string): string {
  const clean = decodeURIComponent(pathname.replace(/[?#].*$/, '')).replace(/^\/+/, '')
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean
}

/** URL path of a built HTML file: "a/index.html" → "/a/". */
export function pathForFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`
}

/** Every page type of the site, by a readable name: the built file of a page of that type. */
export const PAGE_TYPE_FILES = {
  home: /^index\.html$/,
  newsletterArchive: /^newsletter\/index\.html$/,
  newsletterIssue: /^newsletter\/[^/]+\/index\.html$/,
  articleList: /^articles\/index\.html$/,
  article: /^articles\/(?!page\/)[^/]+\/index\.html$/,
  alumniList: /^alumni\/index\.html$/,
  alumnusProfile: /^alumni\/(?!page\/)[^/]+\/index\.html$/,
  classYear: /^class\/\d+\/index\.html$/,
  giving: /^giving\/index\.html$/,
  givingProjects: /^giving\/projects\/index\.html$/,
  honourRoll: /^giving\/honour-roll\/\d+\/index\.html$/,
  donationProject: /^giving\/projects\/[^/]+\/index\.html$/,
  donationStory: /^giving\/stories\/[^/]+\/index\.html$/,
  chapterDirectory: /^chapters\/index\.html$/,
  chapter: /^chapters\/[^/]+\/index\.html$/,
  chapterReport: /^reports\/(?!page\/)[^/]+\/index\.html$/,
  events: /^events\/index\.html$/,
  event: /^events\/(?!page\/)[^/]+\/index\.html$/,
  collegeDirectory: /^colleges\/index\.html$/,
  college: /^colleges\/[^/]+\/index\.html$/,
  search: /^search\/index\.html$/,
  notFound: /^404\.html$/,
} as const satisfies Record<string, RegExp>

export type PageType = keyof typeof PAGE_TYPE_FILES
export const PAGE_TYPES = Object.keys(PAGE_TYPE_FILES) as PageType[]

/** One representative page per page type (the first one built), keyed by a readable name. */
export function pageTypes(files: string[]): Record<string, string> {
  const patterns: Record<string, RegExp> = PAGE_TYPE_FILES
  const result: Record<string, string> = {}
  for (const [name, pattern] of Object.entries(patterns)) {
    const match = files.find((file) => pattern.test(file))
    if (match) result[name] = pathForFile(match)
  }
  return result
}
