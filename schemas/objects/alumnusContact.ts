import { LockIcon } from '@sanity/icons/Lock'
import { defineField, defineType } from 'sanity'

export const alumnusContact = defineType({
  name: 'alumnusContact',
  title: '校友联系方式（内部）',
  description: '仅供校友会工作人员联络使用，网站和任何导出页面都不会公开',
  type: 'object',
  icon: LockIcon,
  fields: [
    defineField({
      name: 'email',
      title: '电子邮箱',
      type: 'string',
      validation: (rule) => rule.email(),
    }),
    defineField({ name: 'phone', title: '电话', type: 'string' }),
    defineField({ name: 'wechat', title: '微信号', type: 'string' }),
    defineField({ name: 'address', title: '通讯地址', type: 'string' }),
  ],
})
