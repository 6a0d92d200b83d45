/**
 * The golden search list: terms a Chinese search over the built site must handle, with the documents it must
 * return. Each entry is checked against the generated documents, so the list cannot drift from the content.
 */
import { DRAFT_PREFIX } from '../../../schemas/lib/contentRules.ts'
import { permalinkFor } from '../../../schemas/lib/permalinks.ts'
import type { Doc } from './documents.ts'
import { allText, visibleText } from './search-text.ts'
import { isPublic } from './validate.ts'

export type GoldenKind = 'name' | 'place' | 'two-character' | 'compound' | 'mixed' | 'absent'

export interface GoldenTerm {
  term: string
  kind: GoldenKind
  /** Public documents whose page must be among the results. */
  mustFind: string[]
  note?: string
  /**
   * The document a reader expects in the first five results: the first of `mustFind` unless given;
   * `null` when all of `mustFind` are equally expected (then the first five must all be among them).
   */
  top?: string | null
  /** Other spellings of the same query (spaces, case) that must give the same results. */
  variants?: Array<{ query: string; note: string }>
}

export interface GoldenEntry extends Omit<GoldenTerm, 'top' | 'variants'> {
  /** Other public documents whose page text contains the term (may appear in results; not required). */
  alsoContains: string[]
  /** Non-public documents (drafts, scheduled, no consent) that contain the term: must never be returned. */
  mustNotFind: string[]
}

export function resolveGolden(
  terms: GoldenTerm[],
  docs: Doc[],
): { entries: GoldenEntry[]; problems: string[] } {
  const problems: string[] = []
  const byId = new Map(docs.map((d) => [d._id, d]))
  const entries = terms.map((t): GoldenEntry => {
    const needle = t.term.toLowerCase()
    const where = `content/search-golden.ts, term "${t.term}"`
    const containing = docs
      .filter((d) => isPublic(d) && visibleText(d).toLowerCase().includes(needle))
      .map((d) => d._id)
    const hidden = docs
      .filter((d) => !isPublic(d) && allText(d).toLowerCase().includes(needle))
      .map((d) => d._id)
    for (const id of t.mustFind) {
      const doc = byId.get(id)
      if (!doc) problems.push(`${where}: unknown document "${id}"`)
      else if (!isPublic(doc)) problems.push(`${where}: "${id}" is not public, so search cannot find it`)
      else if (!containing.includes(id))
        problems.push(`${where}: the page text of "${id}" does not contain the term`)
    }
    if (t.kind === 'absent' && containing.length > 0)
      problems.push(`${where}: must not appear on any public page, but appears in ${containing.join(', ')}`)
    if (t.kind !== 'absent' && t.mustFind.length === 0) problems.push(`${where}: lists no document to find`)
    if (t.top && !t.mustFind.includes(t.top)) problems.push(`${where}: top "${t.top}" is not in mustFind`)
    const { top, variants, ...term } = t
    return { ...term, alsoContains: containing.filter((id) => !t.mustFind.includes(id)), mustNotFind: hidden }
  })
  const seen = new Set<string>()
  for (const t of terms) {
    if (seen.has(t.term)) problems.push(`content/search-golden.ts: term "${t.term}" is listed twice`)
    seen.add(t.term)
  }
  return { entries, problems }
}

/** A golden query as tests/site/search.test.ts reads it: documents by id with their permalinks on the site. */
export interface GoldenQuery {
  query: string
  kind: GoldenKind
  top: string | null
  mustFind: Record<string, string>
  /** `null`: a draft of a published document, whose permalink is the published page's. */
  mustNotFind?: Record<string, string | null>
  note?: string
}

export interface GoldenQueries {
  $comment: string
  queries: GoldenQuery[]
  absent: Array<Pick<GoldenQuery, 'query' | 'mustNotFind' | 'note'>>
}

/** The golden list for the search tests: each term and its variants, with permalinks instead of bare ids. */
export function goldenQueries(terms: GoldenTerm[], entries: GoldenEntry[], docs: Doc[]): GoldenQueries {
  const byId = new Map(docs.map((d) => [d._id, d]))
  const permalink = (id: string) => {
    const doc = byId.get(id)
    const slug = (doc?.slug as { current?: string } | undefined)?.current ?? ''
    const url = doc && permalinkFor(doc._type, slug)
    if (!url) throw new Error(`search golden list: document "${id}" has no permalink`)
    return url
  }
  const hidden = (entry: GoldenEntry) => {
    if (entry.mustNotFind.length === 0) return undefined
    return Object.fromEntries(
      entry.mustNotFind.map((id) => {
        const isDraftOfPublished = id.startsWith(DRAFT_PREFIX) && byId.has(id.slice(DRAFT_PREFIX.length))
        return [id, isDraftOfPublished ? null : permalink(id)]
      }),
    )
  }
  const queries: GoldenQuery[] = []
  const absent: GoldenQueries['absent'] = []
  entries.forEach((entry, i) => {
    const { top, variants = [] } = terms[i]
    const spellings = [{ query: entry.term, note: entry.note }, ...variants]
    for (const { query, note } of spellings) {
      const mustNotFind = hidden(entry)
      if (entry.kind === 'absent') {
        absent.push({ query, ...(mustNotFind && { mustNotFind }), ...(note && { note }) })
        continue
      }
      const topId = top === undefined ? entry.mustFind[0] : top
      queries.push({
        query,
        kind: entry.kind,
        top: topId === null ? null : permalink(topId),
        mustFind: Object.fromEntries(entry.mustFind.map((id) => [id, permalink(id)])),
        ...(mustNotFind && { mustNotFind }),
        ...(note && { note }),
      })
    }
  })
  return {
    $comment:
      'Generated by `npm run dataset:sample` from scripts/sample-dataset/content/search-golden.ts: do not edit. ' +
      'Each query must find every mustFind page (recall 100 %) and rank `top` in the first five (null: the first five ' +
      'are all mustFind pages); mustNotFind pages never appear (null: a draft of a published document, whose ' +
      'permalink is the published page’s); absent queries find nothing.',
    queries,
    absent,
  }
}
