import { pinyin } from 'pinyin-pro'
import { SLUG_PATTERN } from './contentRules.ts'

/** Longest slug we generate; long enough to stay readable, short enough for a URL segment. */
export const SLUG_MAX_LENGTH = 60

/** What a stored slug may look like: lowercase ASCII words joined by single hyphens. */
export { SLUG_PATTERN }

/**
 * Turns a (mostly Chinese) title into an ASCII URL slug: 建筑学院 → `jian-zhu-xue-yuan`.
 * Latin words and digits are kept; everything else becomes a word break.
 * Shared by the Studio (slug field `options.slugify`) and the dataset generators.
 */
export function slugify(title: string): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
  const words = syllables
    .join('-')
    // ü and full-width letters fold to plain ASCII before everything else is dropped.
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)

  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > SLUG_MAX_LENGTH) {
      // Cut at a word boundary; a single over-long word is cut hard.
      if (!slug) slug = word.slice(0, SLUG_MAX_LENGTH)
      break
    }
    slug = next
  }
  return slug
}
