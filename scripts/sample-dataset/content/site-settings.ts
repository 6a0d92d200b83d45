import { img, type SiteSettingsInput } from '../lib/types.ts'

export const siteSettings: SiteSettingsInput = {
  title: '明湖大学校友总会',
  tagline: '明湖有约，校友常回家',
  description:
    '明湖大学校友总会官方网站。这里有母校动态、校友风采、各地校友会活动、捐赠项目与鸣谢，以及每年三期的《明湖校友》通讯。校友工作办公室设在湖滨校区行政楼，欢迎校友来信、来访、回家看看。',
  logo: img('logo'),
  accentColor: '#1f5a7a',
  contact: {
    email: 'xiaoyou@minghu.example',
    phone: '0000-8860 1952',
    address: '明湖市湖滨区湖滨路 88 号 明湖大学湖滨校区行政楼 305 室（校友工作办公室）',
    url: 'https://alumni.minghu.example/',
  },
  channels: [
    {
      kind: 'wechat',
      label: '微信公众号“明湖大学校友总会”',
      qrCode: img('qr-site-wechat', '明湖大学校友总会微信公众号二维码，扫码关注可接收《明湖校友》推送'),
    },
    {
      kind: 'weibo',
      label: '新浪微博 @明湖大学校友总会',
      url: `https://weibo.com/n/${encodeURIComponent('明湖大学校友总会')}`,
    },
    { kind: 'website', label: '明湖大学主页', url: 'https://www.minghu.example/' },
    { kind: 'email', label: '校友工作办公室邮箱', url: 'mailto:xiaoyou@minghu.example' },
  ],
}
