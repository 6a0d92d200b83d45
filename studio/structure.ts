import { CaseIcon } from '@sanity/icons/Case'
import { CogIcon } from '@sanity/icons/Cog'
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { FolderIcon } from '@sanity/icons/Folder'
import { UsersIcon } from '@sanity/icons/Users'
import type { StructureBuilder, StructureResolver } from 'sanity/structure'
import { SITE_SETTINGS_ID } from '../schemas/index.ts'
import { chapterSections, chapterTemplateId, collegeSections, collegeTemplateId } from './templates.ts'
import { SANITY_API_VERSION } from '../schemas/lib/sanityApi.ts'

/** Types shown under 内容; the singleton and the newsletter have their own entries. */
const contentTypes = [
  'article',
  'alumnusProfile',
  'donationProject',
  'donationStory',
  'chapterReport',
  'event',
  'college',
  'chapter',
  'person',
]

/** How each college's lists find their documents. */
const collegeFilters: Record<string, string> = {
  donationProject: '_type == $type && college._ref == $collegeId',
}
const defaultCollegeFilter = '_type == $type && references($collegeId)'

const chapterFilters: Record<string, string> = {
  chapterReport: '_type == $type && chapter._ref == $chapterId',
  event: '_type == $type && $chapterId in organizers[]._ref',
}

export const structure: StructureResolver = (S) =>
  S.list()
    .id('root')
    .title('校友新闻')
    .items([
      S.listItem()
        .title('站点设置')
        .id(SITE_SETTINGS_ID)
        .icon(CogIcon)
        .child(S.document().schemaType('siteSettings').documentId(SITE_SETTINGS_ID).title('站点设置')),
      S.divider(),
      S.listItem()
        .id('newsletter')
        .title('校友通讯')
        .icon(EnvelopeIcon)
        .child(
          S.documentTypeList('newsletterIssue')
            .title('校友通讯')
            .defaultOrdering([
              { field: 'volume', direction: 'desc' },
              { field: 'number', direction: 'desc' },
            ]),
        ),
      S.listItem()
        .id('content')
        .title('内容')
        .icon(FolderIcon)
        .child(
          S.list()
            .id('content-types')
            .title('内容')
            .items(contentTypes.map((type) => S.documentTypeListItem(type))),
        ),
      S.divider(),
      S.listItem().id('by-college').title('按学院').icon(CaseIcon).child(byCollege(S)),
      S.listItem().id('by-chapter').title('按校友会').icon(UsersIcon).child(byChapter(S)),
    ])

interface OwnerColumns {
  /** The type whose documents own a column each: a college or a chapter. */
  ownerType: 'college' | 'chapter'
  id: string
  title: string
  columnTitle: string
  sections: ReadonlyArray<{ type: string; title: string }>
  filterFor: (type: string) => string
  templateIdFor: (type: string) => string
  /** The GROQ parameter and template parameter that carry the owner's id. */
  ownerParam: 'collegeId' | 'chapterId'
  defaultOrdering?: Array<{ field: string; direction: 'asc' | 'desc' }>
}

/** One list per college (or chapter): its sections, each listing the documents filed under it. */
function ownerColumns(S: StructureBuilder, owner: OwnerColumns) {
  const owners = S.documentTypeList(owner.ownerType).id(owner.id).title(owner.title)
  return (owner.defaultOrdering ? owners.defaultOrdering(owner.defaultOrdering) : owners).child((ownerId) =>
    S.list()
      .id(`${owner.ownerType}-${ownerId}`)
      .title(owner.columnTitle)
      .items(
        owner.sections.map((section) =>
          S.listItem()
            .id(section.type)
            .title(section.title)
            .schemaType(section.type)
            .child(
              S.documentList()
                .id(`${section.type}-${ownerId}`)
                .title(section.title)
                .schemaType(section.type)
                .filter(owner.filterFor(section.type))
                .params({ type: section.type, [owner.ownerParam]: ownerId })
                .apiVersion(SANITY_API_VERSION)
                .initialValueTemplates([
                  S.initialValueTemplateItem(owner.templateIdFor(section.type), {
                    [owner.ownerParam]: ownerId,
                  }),
                ]),
            ),
        ),
      ),
  )
}

function byCollege(S: StructureBuilder) {
  return ownerColumns(S, {
    ownerType: 'college',
    id: 'colleges',
    title: '按学院',
    columnTitle: '学院专栏',
    sections: collegeSections,
    filterFor: (type) => collegeFilters[type] ?? defaultCollegeFilter,
    templateIdFor: collegeTemplateId,
    ownerParam: 'collegeId',
    defaultOrdering: [
      { field: 'order', direction: 'asc' },
      { field: 'name', direction: 'asc' },
    ],
  })
}

function byChapter(S: StructureBuilder) {
  return ownerColumns(S, {
    ownerType: 'chapter',
    id: 'chapters',
    title: '按校友会',
    columnTitle: '校友会专栏',
    sections: chapterSections,
    filterFor: (type) => {
      const filter = chapterFilters[type]
      if (!filter) throw new Error(`no chapter filter for "${type}"`)
      return filter
    },
    templateIdFor: chapterTemplateId,
    ownerParam: 'chapterId',
  })
}
