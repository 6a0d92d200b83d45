import { UserIcon } from '@sanity/icons/User'
import { defineField, defineType } from 'sanity'

export const donor = defineType({
  name: 'donor',
  title: '捐赠人',
  type: 'object',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'displayName',
      title: '署名',
      description: '个人姓名或单位名称；勾选“匿名”后网站只显示“匿名校友”',
      type: 'string',
      validation: (rule) =>
        rule.custom((name, context) => {
          const donor = context.parent as { anonymous?: boolean } | undefined
          if (!donor) return true // no donor at all is reported on the donor field
          return donor.anonymous || Boolean(name?.trim()) || '请填写署名，或勾选“匿名”'
        }),
    }),
    defineField({
      name: 'anonymous',
      title: '匿名',
      description: '勾选后网站只显示“匿名校友”，署名仅内部可见',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({
      name: 'classYear',
      title: '毕业年份（届）',
      type: 'number',
      validation: (rule) => rule.integer().min(1950).max(2100),
    }),
    defineField({
      name: 'college',
      title: '所在学院',
      type: 'reference',
      to: [{ type: 'college' }],
    }),
  ],
  preview: {
    select: { displayName: 'displayName', anonymous: 'anonymous', classYear: 'classYear' },
    prepare: ({ displayName, anonymous, classYear }) => ({
      title: anonymous ? `匿名校友（${displayName || '未署名'}）` : displayName || '（未署名）',
      subtitle: classYear ? `${classYear} 届` : undefined,
    }),
  },
})
