import type { Template } from 'sanity'

/**
 * “New document” templates used by the 按学院 / 按校友会 desk lists: a document created there starts out
 * linked to that college or chapter.
 */

function key(): string {
  return Math.random().toString(36).slice(2, 14)
}

const reference = (id: string) => ({ _type: 'reference', _ref: id })
const referenceItem = (id: string) => ({ ...reference(id), _key: key() })

const collegeParameter = [{ name: 'collegeId', title: '学院', type: 'string' }]
const chapterParameter = [{ name: 'chapterId', title: '校友会', type: 'string' }]

type CollegeParams = { collegeId: string }
type ChapterParams = { chapterId: string }

/** The types listed under each college, with how a new one refers to that college. */
export const collegeSections = [
  {
    type: 'article',
    title: '文章',
    templateTitle: '本学院文章',
    value: ({ collegeId }: CollegeParams) => ({ colleges: [referenceItem(collegeId)] }),
  },
  {
    type: 'alumnusProfile',
    title: '校友风采',
    templateTitle: '本学院校友风采',
    value: ({ collegeId }: CollegeParams) => ({ colleges: [referenceItem(collegeId)] }),
  },
  {
    type: 'chapterReport',
    title: '校友会动态',
    templateTitle: '本学院校友会动态',
    value: ({ collegeId }: CollegeParams) => ({ colleges: [referenceItem(collegeId)] }),
  },
  {
    type: 'donationProject',
    title: '捐赠项目',
    templateTitle: '本学院捐赠项目',
    value: ({ collegeId }: CollegeParams) => ({ college: reference(collegeId) }),
  },
  {
    type: 'donationStory',
    title: '捐赠故事',
    templateTitle: '本学院捐赠故事',
    value: ({ collegeId }: CollegeParams) => ({ colleges: [referenceItem(collegeId)] }),
  },
  {
    type: 'event',
    title: '活动',
    templateTitle: '本学院活动',
    value: ({ collegeId }: CollegeParams) => ({ colleges: [referenceItem(collegeId)] }),
  },
] as const

/** The types listed under each chapter. */
export const chapterSections = [
  {
    type: 'chapterReport',
    title: '校友会动态',
    templateTitle: '本校友会动态',
    value: ({ chapterId }: ChapterParams) => ({ chapter: reference(chapterId) }),
  },
  {
    type: 'event',
    title: '活动',
    templateTitle: '本校友会活动',
    value: ({ chapterId }: ChapterParams) => ({ organizers: [referenceItem(chapterId)] }),
  },
] as const

export const collegeTemplateId = (type: string) => `${type}-by-college`
export const chapterTemplateId = (type: string) => `${type}-by-chapter`

export const templates: Template[] = [
  ...collegeSections.map((section): Template => ({
    id: collegeTemplateId(section.type),
    title: section.templateTitle,
    schemaType: section.type,
    parameters: collegeParameter,
    value: (params: CollegeParams) => section.value(params),
  })),
  ...chapterSections.map((section): Template => ({
    id: chapterTemplateId(section.type),
    title: section.templateTitle,
    schemaType: section.type,
    parameters: chapterParameter,
    value: (params: ChapterParams) => section.value(params),
  })),
]

export const parameterisedTemplateIds = new Set(templates.map((template) => template.id))
