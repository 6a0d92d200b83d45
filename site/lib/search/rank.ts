import { BODY_WEIGHT, FIELD_SHIFT, type Postings } from './indexFormat.ts'

/**
 * What a token counts for besides the body (indexFormat.ts, weight byte), in units of a full-strength body match:
 * a subheading 0.5; the title 1, plus 0.5 per level of how much of the title it covers.
 */
const FIELD_BONUS = [0, 0.5, ...Array.from({ length: 6 }, (_, level) => 1 + level * 0.5)]

export interface RankInput {
  postings: Postings
  /** False for a filter's list: it narrows the results without scoring them. */
  scored: boolean
}

/**
 * Documents in every list, best first: each scored list adds its rarity (BM25's idf) times the document's weight
 * for it (body strength, plus a bonus in a subheading or the title). Ties go to the lower number: the page the build
 * rendered first (indexer.ts).
 */
export function rankDocuments(documentCount: number, lists: RankInput[]): number[] {
  if (lists.length === 0) return []
  const [rarest, ...rest] = [...lists].sort((a, b) => a.postings.ids.length - b.postings.ids.length)
  let scores = new Map<number, number>()
  for (const id of rarest!.postings.ids) scores.set(id, 0)
  for (const { postings, scored } of [rarest!, ...rest]) {
    const count = postings.ids.length
    const idf = Math.log(1 + (documentCount - count + 0.5) / (count + 0.5))
    const next = new Map<number, number>()
    postings.ids.forEach((id, i) => {
      const score = scores.get(id)
      if (score === undefined) return
      if (!scored) return void next.set(id, score)
      const weight = postings.weights[i]!
      next.set(id, score + idf * ((weight & BODY_WEIGHT) / BODY_WEIGHT + FIELD_BONUS[weight >> FIELD_SHIFT]!))
    })
    scores = next
  }
  return [...scores].sort(([a, x], [b, y]) => y - x || a - b).map(([id]) => id)
}
