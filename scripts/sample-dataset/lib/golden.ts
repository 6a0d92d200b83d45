/**
 * The golden search list: terms a Chinese search over the built site must handle, with the documents it must
 * return. Each entry is checked against the generated documents, so the list cannot drift from the content.
 */
import type { Doc } from './documents.ts'
import { allText, pageText } from './search-text.ts'
import { isPublic } from './validate.ts'

export type GoldenKind = 'name' | 'place' | 'two-character' | 'compound' | 'mixed' | 'absent'

export interface GoldenTerm {
  term: string
  kind: GoldenKind
  /** Public documents whose page must be among the results. */
  mustFind: string[]
  note?: string
}

export interface GoldenEntry extends GoldenTerm {
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
      .filter((d) => isPublic(d) && pageText(d).toLowerCase().includes(needle))
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
    return { ...t, alsoContains: containing.filter((id) => !t.mustFind.includes(id)), mustNotFind: hidden }
  })
  const seen = new Set<string>()
  for (const t of terms) {
    if (seen.has(t.term)) problems.push(`content/search-golden.ts: term "${t.term}" is listed twice`)
    seen.add(t.term)
  }
  return { entries, problems }
}
