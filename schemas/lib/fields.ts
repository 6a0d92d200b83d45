import { defineArrayMember, defineField } from 'sanity'
import { BODY_MAX, EXCERPT_MAX, portableTextLength, TITLE_MAX, TITLE_SOFT_MAX } from './contentRules.ts'
import { SLUG_PATTERN, slugify } from './slugify.ts'

/**
 * Field definitions that several document types share. Each type file still lists its own
 * fields in order; these helpers only keep titles, rules and editor advice identical everywhere.
 */

export { TITLE_SOFT_MAX }

export function titleField(options: { name?: 'title' | 'name'; title?: string; description?: string } = {}) {
  const { name = 'title', title = '标题', description } = options
  return defineField({
    name,
    title,
    description,
    type: 'string',
    validation: (rule) => [
      rule.required(),
      rule.max(TITLE_MAX).error(`标题不能超过 ${TITLE_MAX} 个字`),
      rule.max(TITLE_SOFT_MAX).warning(`标题超过 ${TITLE_SOFT_MAX} 个字，列表页和分享卡片上会被截断`),
    ],
  })
}

export function slugField(source: 'title' | 'name' = 'title') {
  return defineField({
    name: 'slug',
    title: '网址标识（slug）',
    description: '由标题自动生成拼音，只能包含小写字母、数字和连字符；发布后请勿随意修改，否则旧链接会失效',
    type: 'slug',
    options: {
      source,
      slugify,
      maxLength: 96,
      // Uniqueness needs the Content Lake. When it cannot answer (offline, or validating a dataset
      // file with check:content, which checks uniqueness itself) the check passes instead of failing.
      isUnique: async (slug, context) => {
        try {
          return await context.defaultIsUnique(slug, context)
        } catch {
          return true
        }
      },
    },
    validation: (rule) =>
      rule.required().custom((slug) => {
        if (!slug?.current) return true
        return (
          SLUG_PATTERN.test(slug.current) || '只能使用小写英文字母、数字和单个连字符，例如 jian-zhu-xue-yuan'
        )
      }),
  })
}

export function publishedAtField() {
  return defineField({
    name: 'publishedAt',
    title: '发布时间',
    description: '网站只显示发布时间已到的内容；填写将来的时间即为定时发布',
    type: 'datetime',
    initialValue: () => new Date().toISOString(),
    validation: (rule) => rule.required(),
  })
}

export function excerptField() {
  return defineField({
    name: 'excerpt',
    title: '摘要',
    description: '一两句话，用于列表页、搜索结果和分享卡片',
    type: 'text',
    rows: 3,
    validation: (rule) => [
      // Advice, not a requirement: a custom rule rather than required(), which would make TypeGen type the
      // excerpt as always present.
      rule
        .custom((excerpt) => Boolean(excerpt) || '建议填写摘要，否则列表页和分享卡片只能显示标题')
        .warning(),
      rule.max(EXCERPT_MAX).warning(`摘要超过 ${EXCERPT_MAX} 个字，列表页和搜索结果会被截断`),
    ],
  })
}

export function coverField(options: { title?: string } = {}) {
  return defineField({
    name: 'cover',
    title: options.title ?? '封面图',
    type: 'imageWithAlt',
    validation: (rule) =>
      rule
        .custom((cover: { asset?: unknown; alt?: string } | undefined) => {
          if (!cover?.asset) return true
          return Boolean(cover.alt?.trim()) || '封面图缺少替代文字，读屏软件的用户无法知道图片内容'
        })
        .warning(),
  })
}

export function bodyField(options: { required?: boolean; title?: string } = {}) {
  return defineField({
    name: 'body',
    title: options.title ?? '正文',
    type: 'portableText',
    // An empty array passes `required()`, so a required body must also have a block.
    validation: (rule) => [
      ...(options.required ? [rule.required().min(1).error('正文不能为空')] : []),
      rule
        .custom(
          (blocks) => portableTextLength(blocks) <= BODY_MAX || `正文超过 ${BODY_MAX} 个字，请拆分成几篇`,
        )
        .warning(),
    ],
  })
}

export function collegesField() {
  return defineField({
    name: 'colleges',
    title: '相关学院',
    description: '内容会出现在这些学院的专栏里',
    type: 'array',
    of: [defineArrayMember({ type: 'reference', to: [{ type: 'college' }] })],
    validation: (rule) => rule.unique(),
  })
}
