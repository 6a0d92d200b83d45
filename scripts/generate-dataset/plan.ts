// How many documents of each type a dataset of N documents holds.

export const MIN_DOCUMENTS = 100

/** Shares of the content documents (everything except settings, colleges, chapters and persons), in percent. */
export const CONTENT_SHARES = {
  article: 55,
  alumnusProfile: 12,
  donationProject: 3,
  donationStory: 8,
  chapterReport: 14,
  event: 6,
  newsletterIssue: 2,
} as const

export type ContentType = keyof typeof CONTENT_SHARES
export type DocumentType = 'siteSettings' | 'college' | 'chapter' | 'person' | ContentType

export const CONTENT_TYPES = Object.keys(CONTENT_SHARES) as ContentType[]

export interface DatasetPlan {
  /** Lines of data.ndjson: every document, drafts included. */
  total: number
  counts: Record<DocumentType, number>
  /** Content documents stored only as drafts (`drafts.` ids); part of `counts`. */
  drafts: number
  /** Content documents with publishedAt in 2099; part of `counts`. */
  scheduled: number
}

/**
 * Splits `total` documents: 1 siteSettings; colleges growing slowly with size (8 at 1k, 16 at 20k, at most 20);
 * 4 % chapters; 2 % persons; the rest by CONTENT_SHARES (largest remainder, so the counts add up exactly).
 */
export function planDataset(total: number): DatasetPlan {
  if (!Number.isInteger(total) || total < MIN_DOCUMENTS) {
    throw new Error(`--documents must be an integer of at least ${MIN_DOCUMENTS}, got ${total}`)
  }
  const colleges = Math.min(20, Math.max(4, Math.round(8 + 6 * Math.log10(total / 1000))))
  const chapters = Math.max(3, Math.round(total * 0.04))
  const persons = Math.max(2, Math.round(total * 0.02))
  const content = total - 1 - colleges - chapters - persons

  const shareSum = Object.values(CONTENT_SHARES).reduce((sum, share) => sum + share, 0)
  const exact = CONTENT_TYPES.map((type) => (content * CONTENT_SHARES[type]) / shareSum)
  const counts = exact.map(Math.floor)
  let left = content - counts.reduce((sum, n) => sum + n, 0)
  const byRemainder = CONTENT_TYPES.map((_, i) => i).sort(
    (a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!),
  )
  for (const i of byRemainder) {
    if (left === 0) break
    counts[i] = counts[i]! + 1
    left--
  }

  return {
    total,
    counts: {
      siteSettings: 1,
      college: colleges,
      chapter: chapters,
      person: persons,
      ...(Object.fromEntries(CONTENT_TYPES.map((type, i) => [type, counts[i]!])) as Record<
        ContentType,
        number
      >),
    },
    drafts: Math.max(2, Math.round(total * 0.004)),
    scheduled: Math.max(2, Math.round(total * 0.003)),
  }
}
