/**
 * Builds the sample dataset of the fictional 明湖大学校友总会 in `sanity dataset export` format:
 *   dataset/data.ndjson       one document per line: siteSettings, colleges, chapters, persons, then content
 *   dataset/images/           <sha1>-<W>x<H>.<ext>, generated from SVG with sharp
 *   dataset/README.md         what is in the dataset, the special documents and the golden search list
 *   dataset/search-golden.json the golden search list, machine-readable
 *
 * Deterministic: the same sources produce the same bytes. Run with `npm run dataset:sample`.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { articleDraftChanges, articleDraftOnly, articles } from './content/articles.ts'
import { chapterReports } from './content/chapter-reports.ts'
import { chapters } from './content/chapters.ts'
import { colleges } from './content/colleges.ts'
import { donationProjects } from './content/donation-projects.ts'
import { donationStories } from './content/donation-stories.ts'
import { events } from './content/events.ts'
import { images } from './content/images.ts'
import { newsletterIssues } from './content/newsletter-issues.ts'
import { persons } from './content/persons.ts'
import { profileDraftOnly, profiles } from './content/profiles.ts'
import { searchGolden } from './content/search-golden.ts'
import { siteSettings } from './content/site-settings.ts'
import { checkBrief } from './lib/brief.ts'
import { asDraftOf, asDraftOnly, type Doc, DocumentBuilder } from './lib/documents.ts'
import { resolveGolden } from './lib/golden.ts'
import { renderReadme } from './lib/readme.ts'
import { renderImages } from './lib/render-images.ts'
import { checkArticleBodies, validate } from './lib/validate.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const datasetDir = join(root, 'dataset')

const rendered = await renderImages(images, join(datasetDir, 'images'))
const b = new DocumentBuilder(rendered)

const publishedArticles = articles.map((a) => b.article(a))
const draftOf = publishedArticles.find((d) => d._id === articleDraftChanges.of)
if (!draftOf) throw new Error(`content/articles.ts: draft of unknown article "${articleDraftChanges.of}"`)

const docs: Doc[] = [
  b.siteSettings(siteSettings),
  ...colleges.map((c, i) => b.college(c, i)),
  ...chapters.map((c, i) => b.chapter(c, i)),
  ...persons.map((p, i) => b.person(p, i)),
  ...publishedArticles,
  asDraftOf(draftOf, articleDraftChanges.changes),
  asDraftOnly(b.article(articleDraftOnly)),
  ...profiles.map((p) => b.profile(p)),
  asDraftOnly(b.profile(profileDraftOnly)),
  ...donationProjects.map((p) => b.donationProject(p)),
  ...donationStories.map((s) => b.donationStory(s)),
  ...chapterReports.map((r) => b.chapterReport(r)),
  ...events.map((e) => b.event(e)),
  ...newsletterIssues.map((n) => b.newsletterIssue(n)),
]

const unused = images.filter((i) => !b.usedImages.has(i.key)).map((i) => i.key)
const golden = resolveGolden(searchGolden, docs)
const problems = [
  ...validate(docs, datasetDir),
  ...checkArticleBodies(docs),
  ...checkBrief(docs),
  ...golden.problems,
  ...unused.map((k) => `content/images.ts: image "${k}" is not used by any document`),
]
if (problems.length > 0) {
  console.error(
    `Sample dataset has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  )
  process.exit(1)
}

await mkdir(datasetDir, { recursive: true })
await writeFile(join(datasetDir, 'data.ndjson'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n')
await writeFile(join(datasetDir, 'search-golden.json'), JSON.stringify(golden.entries, null, 2) + '\n')
await writeFile(join(datasetDir, 'README.md'), renderReadme(docs, rendered, golden.entries))

const bytes = [...rendered.values()].reduce((n, r) => n + r.bytes, 0)
console.log(
  `dataset/data.ndjson: ${docs.length} documents; dataset/images: ${rendered.size} files, ${(bytes / 1024).toFixed(0)} KiB`,
)
