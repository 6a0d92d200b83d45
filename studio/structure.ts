import { CaseIcon } from '@sanity/icons/Case'
import { CogIcon } from '@sanity/icons/Cog'
import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { FolderIcon } from '@sanity/icons/Folder'
import { UsersIcon } from '@sanity/icons/Users'
import type { StructureBuilder, StructureResolver } from 'sanity/structure'
import { SITE_SETTINGS_ID } from '../schemas/index.ts'
import { chapterSections, chapterTemplateId, collegeSections, collegeTemplateId } from './templates.ts'

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

function byCollege(S: StructureBuilder) {
  return S.documentTypeList('college')
    .id('colleges')
    .title('按学院')
    .defaultOrdering([
      { field: 'order', direction: 'asc' },
      { field: 'name', direction: 'asc' },
    ])
    .child((collegeId) =>
      S.list()
        .id(`college-${collegeId}`)
        .title('学院专栏')
        .items(
          collegeSections.map((section) =>
            S.listItem()
              .id(section.type)
              .title(section.title)
              .schemaType(section.type)
              .child(
                S.documentList()
                  .id(`${section.type}-${collegeId}`)
                  .title(section.title)
                  .schemaType(section.type)
                  .filter(collegeFilters[section.type] ?? defaultCollegeFilter)
                  .params({ type: section.type, collegeId })
                  .apiVersion('2025-02-19')
                  .initialValueTemplates([
                    S.initialValueTemplateItem(collegeTemplateId(section.type), { collegeId }),
                  ]),
              ),
          ),
        ),
    )
}

function byChapter(S: StructureBuilder) {
  return S.documentTypeList('chapter')
    .id('chapters')
    .title('按校友会')
    .child((chapterId) =>
      S.list()
        .id(`chapter-${chapterId}`)
        .title('校友会专栏')
        .items(
          chapterSections.map((section) =>
            S.listItem()
              .id(section.type)
              .title(section.title)
              .schemaType(section.type)
              .child(
                S.documentList()
                  .id(`${section.type}-${chapterId}`)
                  .title(section.title)
                  .schemaType(section.type)
                  .filter(chapterFilters[section.type]!)
                  .params({ type: section.type, chapterId })
                  .apiVersion('2025-02-19')
                  .initialValueTemplates([
                    S.initialValueTemplateItem(chapterTemplateId(section.type), { chapterId }),
                  ]),
              ),
          ),
        ),
    )
}
