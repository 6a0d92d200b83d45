import { yearOf } from './format.ts'
import type { DonationStory } from './siteData.ts'

/** Where a gift without a donor college is listed: anonymous donors and gifts from outside the colleges. */
export const NO_COLLEGE = '学校及其他'

export interface HonourRollYear {
  year: number
  /** Gifts of the year by the donor's college, in the order the stories come (newest first). */
  colleges: Array<[college: string, stories: DonationStory[]]>
  gifts: number
}

/**
 * The honour roll (捐赠芳名录): gifts by year, newest year first, then by the donor's college. Anonymous donors are
 * listed as 匿名校友 under NO_COLLEGE, because class and college together can identify a person. One page per year
 * (pages/giving/honour-roll/[year].astro), so the roll of a large archive never makes one heavy page.
 */
export function honourRollByYear(stories: readonly DonationStory[]): HonourRollYear[] {
  const byYear = new Map<number, Map<string, DonationStory[]>>()
  for (const story of stories) {
    if (!story.publishedAt) continue
    const year = yearOf(story.publishedAt)
    const college = story.donor?.college?.name ?? NO_COLLEGE
    let byCollege = byYear.get(year)
    if (!byCollege) byYear.set(year, (byCollege = new Map()))
    const list = byCollege.get(college)
    if (list) list.push(story)
    else byCollege.set(college, [story])
  }
  return [...byYear]
    .sort(([a], [b]) => b - a)
    .map(([year, byCollege]) => ({
      year,
      colleges: [...byCollege],
      gifts: [...byCollege.values()].reduce((sum, list) => sum + list.length, 0),
    }))
}
