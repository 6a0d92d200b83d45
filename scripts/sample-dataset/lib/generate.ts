/**
 * Produces every generated file of the sample dataset in memory, from the sources in scripts/sample-dataset/:
 *   dataset/data.ndjson             one document per line: siteSettings, colleges, chapters, persons, then content
 *   dataset/images/                 <sha1>-<W>x<H>.<ext>, painted from SVG with sharp
 *   dataset/README.md               what is in the dataset, the special documents and the golden search list
 *   dataset/search-golden.json      the golden search list, by document id
 *   tests/site/search-golden.json   the same list with the permalinks and query spellings the search tests use
 *
 * Deterministic: the same sources produce the same bytes.
 */
import { chapters } from '../content/chapters.ts'
import { colleges } from '../content/colleges.ts'
import { images } from '../content/images.ts'
import { persons } from '../content/persons.ts'
import { searchGolden } from '../content/search-golden.ts'
import { siteSettings } from '../content/site-settings.ts'
import { checkBrief } from './brief.ts'
import { asDraftOf, asDraftOnly, type Doc, DocumentBuilder } from './documents.ts'
import { goldenQueries, resolveGolden } from './golden.ts'
import {
  type DocumentSources,
  readArticles,
  readChapterReports,
  readDonationProjects,
  readDonationStories,
  readEvents,
  readNewsletterIssues,
  readProfiles,
} from './read-content.ts'
import { renderReadme } from './readme.ts'
import { renderImages } from './render-images.ts'
import { checkArticleBodies, validate } from './validate.ts'

export interface GeneratedDataset {
  /** Generated files by path relative to the repository root. */
  files: Map<string, Buffer>
  documentCount: number
  imageCount: number
  imageBytes: number
  /** What is wrong with the sources; nothing may be written while there is any. */
  problems: string[]
}

/** Builds the published documents of a folder, then its drafts (after all of them, as an export lists them). */
function withDrafts<Input>(sources: DocumentSources<Input>, build: (input: Input) => Doc): Doc[] {
  const published = sources.published.map(build)
  const drafts = sources.drafts.map((draft) => {
    if ('input' in draft) return asDraftOnly(build(draft.input))
    const of = published.find((doc) => doc._id === draft.of)
    if (!of) throw new Error(`draft of unknown document "${draft.of}"`)
    return asDraftOf(of, draft.changes)
  })
  return [...published, ...drafts]
}

/** `sourcesDir` is scripts/sample-dataset/ (the content files are read from its content/ folder). */
export async function generateSampleDataset(sourcesDir: string): Promise<GeneratedDataset> {
  const rendered = await renderImages(images)
  const builder = new DocumentBuilder(rendered)

  const docs: Doc[] = [
    builder.siteSettings(siteSettings),
    ...colleges.map((college, i) => builder.college(college, i)),
    ...chapters.map((chapter, i) => builder.chapter(chapter, i)),
    ...persons.map((person, i) => builder.person(person, i)),
    ...withDrafts(readArticles(sourcesDir), (article) => builder.article(article)),
    ...withDrafts(readProfiles(sourcesDir), (profile) => builder.profile(profile)),
    ...withDrafts(readDonationProjects(sourcesDir), (project) => builder.donationProject(project)),
    ...withDrafts(readDonationStories(sourcesDir), (story) => builder.donationStory(story)),
    ...withDrafts(readChapterReports(sourcesDir), (report) => builder.chapterReport(report)),
    ...withDrafts(readEvents(sourcesDir), (event) => builder.event(event)),
    ...withDrafts(readNewsletterIssues(sourcesDir), (issue) => builder.newsletterIssue(issue)),
  ]

  const unused = images.filter((image) => !builder.usedImages.has(image.key)).map((image) => image.key)
  const golden = resolveGolden(searchGolden, docs)
  const imageFiles = new Set([...rendered.values()].map((image) => image.file))
  const problems = [
    ...validate(docs, imageFiles),
    ...checkArticleBodies(docs),
    ...checkBrief(docs),
    ...golden.problems,
    ...unused.map((key) => `content/images.ts: image "${key}" is not used by any document`),
  ]

  const files = new Map<string, Buffer>()
  const text = (path: string, content: string) => files.set(path, Buffer.from(content))
  for (const image of rendered.values()) files.set(`dataset/images/${image.file}`, image.content)
  text('dataset/data.ndjson', docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  text('dataset/search-golden.json', JSON.stringify(golden.entries, null, 2) + '\n')
  text('dataset/README.md', renderReadme(docs, rendered, golden.entries))
  text(
    'tests/site/search-golden.json',
    JSON.stringify(goldenQueries(searchGolden, golden.entries, docs), null, 2) + '\n',
  )

  return {
    files,
    documentCount: docs.length,
    imageCount: rendered.size,
    imageBytes: [...rendered.values()].reduce((sum, image) => sum + image.bytes, 0),
    problems,
  }
}
