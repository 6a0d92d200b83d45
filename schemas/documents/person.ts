import { UserIcon } from '@sanity/icons/User'
import { defineField, defineType } from 'sanity'
import { slugField, titleField } from '../lib/fields.ts'

export const person = defineType({
  name: 'person',
  title: '作者',
  description: '署名的记者、通讯员和编辑',
  type: 'document',
  icon: UserIcon,
  fields: [
    titleField({ name: 'name', title: '姓名' }),
    slugField('name'),
    defineField({
      name: 'role',
      title: '身份',
      description: '例如“校友总会办公室 记者”',
      type: 'string',
    }),
  ],
  preview: {
    select: { title: 'name', subtitle: 'role' },
  },
})
