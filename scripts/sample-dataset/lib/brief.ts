/**
 * Checks that the dataset still covers what the tests rely on: volumes, the special documents,
 * and the privacy cases. Messages name the rule that broke.
 */
import { isDraftId } from '../../../schemas/lib/contentRules.ts'
import type { Doc } from './documents.ts'
import { allText } from './search-text.ts'
import { FUTURE_PUBLISHED_AT, isPublic } from './validate.ts'

export function checkBrief(docs: Doc[]): string[] {
  const problems: string[] = []
  const expect = (ok: boolean, msg: string) => {
    if (!ok) problems.push(`brief: ${msg}`)
  }
  const published = docs.filter((d) => !isDraftId(d._id))
  const ofType = (t: string) => published.filter((d) => d._type === t)
  const count = (t: string) => ofType(t).length

  expect(docs[0]?._id === 'siteSettings', 'siteSettings comes first')
  expect(count('college') >= 9, `at least 9 colleges (have ${count('college')})`)
  expect(count('chapter') >= 12, `at least 12 chapters (have ${count('chapter')})`)
  for (const kind of ['regional', 'industry', 'college'])
    expect(
      ofType('chapter').some((c) => c.kind === kind),
      `a ${kind} chapter`,
    )
  expect(count('person') >= 5, 'at least 5 persons')

  const articles = ofType('article').filter((a) => a.publishedAt !== FUTURE_PUBLISHED_AT)
  expect(articles.length >= 42, `at least 42 published articles (have ${articles.length})`)
  for (const c of ['news', 'campus', 'visit', 'lecture', 'career', 'memorial', 'other'])
    expect(
      articles.some((a) => a.category === c),
      `an article in category ${c}`,
    )
  expect(articles.filter((a) => a.featured).length >= 3, 'several featured articles')
  expect(
    docs.filter((d) => d.publishedAt === FUTURE_PUBLISHED_AT).length === 1,
    'exactly one document published at 2099-01-01',
  )

  const profiles = ofType('alumnusProfile')
  expect(profiles.length >= 16, `at least 16 profiles (have ${profiles.length})`)
  const years = profiles.map((p) => p.classYear as number)
  expect(Math.min(...years) === 1982 && Math.max(...years) === 2020, 'profile classYears span 1982–2020')
  for (const d of ['associate', 'bachelor', 'master', 'doctor'])
    expect(
      profiles.some((p) => p.degree === d),
      `a profile with degree ${d}`,
    )
  expect(profiles.filter((p) => p.notable).length >= 3, 'several notable profiles')
  expect(
    profiles.filter((p) => p.publicConsent === false).length === 4,
    'exactly 4 profiles without publicConsent',
  )
  for (const p of docs.filter((d) => d._type === 'alumnusProfile')) {
    const c = p.contact as Record<string, string> | undefined
    expect(
      !!c && /@example\.com$/.test(c.email) && !!c.phone && !!c.wechat && !!c.address,
      `profile ${p._id} has a full fictional contact`,
    )
  }

  const projects = ofType('donationProject')
  expect(projects.length >= 6, 'at least 6 donation projects')
  expect(
    projects.some((p) => p.college) && projects.some((p) => !p.college),
    'school-level and college-level projects',
  )
  for (const s of ['open', 'completed', 'closed'])
    expect(
      projects.some((p) => p.status === s),
      `a project with status ${s}`,
    )

  const stories = ofType('donationStory')
  expect(stories.length >= 12, 'at least 12 donation stories')
  for (const k of ['money', 'goods', 'service'])
    expect(
      stories.some((story) => story.kind === k),
      `a ${k} donation story`,
    )
  const anonymous = stories.filter((story) => (story.donor as { anonymous: boolean }).anonymous)
  expect(anonymous.length === 3, `exactly 3 anonymous stories (have ${anonymous.length})`)
  expect(
    stories.filter((story) => story.showAmount === false).length === 3,
    'exactly 3 stories with showAmount false',
  )
  // An anonymous donor's real name lives only in donor.displayName of that one story.
  for (const s of anonymous) {
    const name = (s.donor as { displayName: string }).displayName
    const leaks = docs.filter((d) => d !== s && allText(d).includes(name)).map((d) => d._id)
    const inStory = allText({ ...s, donor: undefined }).includes(name)
    expect(
      leaks.length === 0 && !inStory,
      `anonymous donor name of ${s._id} appears elsewhere (${[...leaks, ...(inStory ? [s._id] : [])].join(', ')})`,
    )
  }

  const reports = ofType('chapterReport')
  expect(reports.length >= 20, 'at least 20 chapter reports')
  for (const r of reports) {
    const g = r.gallery as unknown[] | undefined
    if (g) expect(g.length >= 2 && g.length <= 4, `report ${r._id} gallery has 2–4 images`)
  }
  expect(
    new Set(reports.map((r) => (r.chapter as { _ref: string })._ref)).size >= 10,
    'reports spread over most chapters',
  )

  const events = ofType('event')
  expect(events.length >= 10, 'at least 10 events')
  const upcoming = events.filter((e) => {
    const t = Date.parse(e.startsAt as string)
    return t >= Date.parse('2026-12-01T00:00:00Z') && t <= Date.parse('2027-06-30T23:59:59Z')
  })
  expect(upcoming.length >= 4, `at least 4 events between Dec 2026 and mid 2027 (have ${upcoming.length})`)
  expect(
    events.some((e) => Date.parse(e.startsAt as string) < Date.parse('2026-11-21T00:00:00Z')),
    'some past events',
  )
  expect(
    events.some((e) => e.onlineUrl),
    'some online events',
  )

  const issues = ofType('newsletterIssue')
  expect(issues.length >= 6, 'at least 6 newsletter issues')
  for (const n of issues) {
    const sections = n.sections as unknown[]
    expect(sections.length >= 3 && sections.length <= 5, `newsletter ${n._id} has 3–5 sections`)
  }

  expect(docs.filter((d) => isDraftId(d._id)).length >= 3, 'at least 3 drafts')
  const zhangWei = docs.filter((d) => allText(d).includes('张伟'))
  expect(
    zhangWei.length >= 2 && zhangWei.length <= 4 && zhangWei.every((d) => isPublic(d)),
    `张伟 appears in 2–4 public documents (${zhangWei.map((d) => d._id).join(', ')})`,
  )

  return problems
}
