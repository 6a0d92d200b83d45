import { ShareIcon } from '@sanity/icons/Share'
import { defineField, defineType } from 'sanity'
import { contactChannelKinds, labelOf, studioList } from '../lib/options.ts'

export const contactChannel = defineType({
  name: 'contactChannel',
  title: '联络渠道',
  description: '公众号、微博、网站等；网址和二维码至少填写一项',
  type: 'object',
  icon: ShareIcon,
  fields: [
    defineField({
      name: 'kind',
      title: '渠道类型',
      type: 'string',
      options: { list: studioList(contactChannelKinds) },
    }),
    defineField({
      name: 'label',
      title: '名称',
      description: '例如公众号名称“清华校友总会”',
      type: 'string',
    }),
    defineField({
      name: 'url',
      title: '网址',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['http', 'https', 'mailto', 'tel'] }),
    }),
    defineField({
      name: 'qrCode',
      title: '二维码',
      description: '公众号、QQ 群等没有网址时上传二维码图片',
      type: 'imageWithAlt',
    }),
  ],
  validation: (rule) =>
    rule.custom((channel: { url?: string; qrCode?: { asset?: unknown } } | undefined) => {
      if (!channel) return true
      return Boolean(channel.url || channel.qrCode?.asset) || '请填写网址或上传二维码，至少一项'
    }),
  preview: {
    select: { kind: 'kind', label: 'label', url: 'url', media: 'qrCode' },
    prepare: ({ kind, label, url, media }) => ({
      title: label || url || '（未命名渠道）',
      subtitle: labelOf(contactChannelKinds, kind),
      media,
    }),
  },
})
