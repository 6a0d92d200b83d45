import type { APIRoute, GetStaticPaths } from 'astro'
import { buildTime } from '../../../lib/buildClock.ts'
import { configuredPerspective } from '../../../lib/content.ts'
import { renderEdition } from '../../../lib/edition.ts'
import { getNewsletterIssues, getSiteSettings, type NewsletterIssue } from '../../../lib/siteData.ts'

/** /newsletter/<slug>/edition.html: the issue as one self-contained HTML document for e-mail and 公众号. */
export const getStaticPaths = (async () => {
  const issues = await getNewsletterIssues()
  return issues.map((issue) => ({ params: { slug: issue.slug }, props: { issue } }))
}) satisfies GetStaticPaths

export const GET: APIRoute<{ issue: NewsletterIssue }> = async ({ props }) =>
  new Response(
    renderEdition(props.issue, await getSiteSettings(), {
      preview: configuredPerspective() === 'drafts',
      builtAt: buildTime(),
    }),
    {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    },
  )
