import { img, type EventInput } from '../lib/types.ts'

/**
 * 活动. Times are UTC (the site shows Asia/Shanghai: 11:00Z = 19:00).
 * Relative to the build clock 2026-11-21, five events are past and five are upcoming (Dec 2026 – May 2027).
 */
export const events: EventInput[] = [
  // Past
  {
    id: 'event-lecture-48-ai-startup',
    title: '校友大讲堂第48讲：AI创业，从车间开始',
    publishedAt: '2025-11-03T02:00:00Z',
    startsAt: '2025-11-14T11:00:00Z',
    endsAt: '2025-11-14T13:00:00Z',
    location: '明湖大学北山校区 图书馆新馆报告厅',
    organizers: ['college-cs-ai', 'chapter-industry-internet-ai'],
    registrationUrl: 'https://alumni.minghu.example/lectures/48/signup/',
    colleges: ['college-cs-ai'],
    cover: img('cover-circuit'),
    excerpt: '2015 届计算机技术硕士校友、深圳湖光智能创始人罗一鸣主讲，谈工业视觉 AI创业的六年。',
    body: `
## 主讲人

罗一鸣，2012 届软件工程本科、2015 届计算机技术硕士校友，深圳湖光智能科技创始人兼 CEO。

## 内容

- 第一个客户是怎么来的；
- 工业视觉 AI 的“最后一公里”；
- 给想创业的学弟学妹的建议。

> 本讲面向全校师生开放，校友持电子校友卡可入场。
`,
  },
  {
    id: 'event-shenzhen-annual-2025',
    title: '深圳校友会2025年会暨第三届理事会换届',
    publishedAt: '2025-11-25T02:00:00Z',
    startsAt: '2025-12-20T09:00:00Z',
    endsAt: '2025-12-20T13:30:00Z',
    location: '深圳市南山区 湾景酒店三楼宴会厅',
    organizers: ['chapter-shenzhen'],
    registrationUrl: 'https://alumni.minghu.example/chapters/shenzhen/2025/signup/',
    cover: img('cover-shenzhen-bay'),
    excerpt: '深圳校友会一年一度的年会，将选举产生第三届理事会。欢迎在深校友携家属参加。',
    body: `
## 议程

- 17:00 签到
- 17:30 第三届理事会换届选举
- 18:30 年会晚宴与校友节目
- 21:00 合影

## 报名

每人 200 元（含晚宴），2023 届及以后毕业的校友免费。

> 名额 320 个，报满即止。
`,
  },
  {
    id: 'event-career-fair-spring-2026',
    title: '2026春季校友企业专场招聘会',
    publishedAt: '2026-03-02T02:00:00Z',
    startsAt: '2026-03-21T01:30:00Z',
    endsAt: '2026-03-21T08:00:00Z',
    location: '明湖大学北山校区 体育馆',
    organizers: ['college-cs-ai', 'college-economics-management', 'college-mechanical', 'chapter-shenzhen'],
    registrationUrl: 'https://jobs.minghu.example/alumni-companies/spring-2026/',
    cover: img('gallery-group-photo', '招聘会现场的校友企业代表'),
    excerpt: '86 家校友企业、约 1,900 个岗位。面向 2026 届毕业生和 2027 届实习生。',
    body: `
## 参会企业

86 家校友企业，来自深圳、长沙、上海、广州、明湖等城市，涵盖 AI、智能制造、建筑设计、金融等行业。

## 学生须知

- 请携带纸质简历 10 份；
- 部分企业现场笔试，请带笔；
- 可提前在就业信息网查看岗位并预约面试。

> 校友企业报名已截止。
`,
  },
  {
    id: 'event-online-interpreting-2026',
    title: '校友大讲堂第52讲（线上）：同传箱里的十年',
    publishedAt: '2026-05-06T02:00:00Z',
    startsAt: '2026-05-16T12:00:00Z',
    endsAt: '2026-05-16T13:30:00Z',
    location: '线上直播；明湖大学湖滨校区外语楼报告厅设收看点',
    onlineUrl: 'https://live.minghu.example/lectures/52/',
    organizers: ['college-foreign-languages', 'chapter-singapore'],
    registrationUrl: 'https://alumni.minghu.example/lectures/52/signup/',
    colleges: ['college-foreign-languages'],
    cover: img('cover-singapore-bay'),
    excerpt: '新加坡校友会秘书长、2012 届英语校友吴嘉禾在新加坡线上主讲，谈会议口译的十年。',
    body: `
## 主讲人

吴嘉禾，2012 届英语校友，新加坡自由职业会议口译员，新加坡校友会秘书长。

## 收看方式

- 线上：报名后获得直播链接；
- 线下：外语楼报告厅集体收看。

> 直播结束后提供一周回放。
`,
  },
  {
    id: 'event-career-season-autumn-2026',
    title: '2026秋季校友企业招聘季开幕式',
    publishedAt: '2026-09-28T02:00:00Z',
    startsAt: '2026-10-17T01:30:00Z',
    endsAt: '2026-10-17T08:00:00Z',
    location: '明湖大学北山校区 体育馆',
    organizers: [
      'chapter-shenzhen',
      'chapter-changsha',
      'chapter-industry-internet-ai',
      'college-mechanical',
    ],
    registrationUrl: 'https://jobs.minghu.example/alumni-companies/autumn-2026/',
    cover: img('cover-graduation', '空中飞起的学位帽'),
    excerpt: '102 家校友企业将在 10 月 17 日至 11 月 17 日陆续进校，开幕当天 63 家企业设展。',
    body: `
## 开幕当天

- 63 家校友企业设展；
- 深圳校友会、长沙校友会设城市咨询台；
- “校友企业实践学期”专场。

## 宣讲会

其余企业的宣讲会将在一个月内陆续举行，时间地点见就业信息网。

> 请 2027 届毕业生提前完善就业信息网的个人简历。
`,
  },

  // Upcoming
  {
    id: 'event-shenzhen-annual-2026',
    title: '深圳校友会2026年会',
    publishedAt: '2026-11-12T02:00:00Z',
    startsAt: '2026-12-19T09:30:00Z',
    endsAt: '2026-12-19T13:30:00Z',
    location: '深圳市福田区 会展中心附近的湖畔酒店宴会厅',
    organizers: ['chapter-shenzhen', 'chapter-industry-internet-ai', 'chapter-industry-architecture'],
    registrationUrl: 'https://alumni.minghu.example/chapters/shenzhen/2026/signup/',
    cover: img('cover-shenzhen-bay'),
    excerpt:
      '深圳校友会 2026 年会将于 12 月 19 日在福田举行。今年的年会将发布暑期实习岗位池的年度报告，并为 75 周年校庆返校团报名。',
    body: `
## 议程

- 17:30 签到与校友企业展示
- 18:00 年度工作报告、暑期实习岗位池年度报告
- 18:40 年会晚宴
- 20:30 75 周年校庆返校团报名与合影

## 报名须知

1. 每人 200 元（含晚宴），2024 届及以后毕业的校友免费；
2. 可携带一位家属，请在报名时注明；
3. 报名截止 12 月 10 日，名额 350 个。

> 年会现场设深圳校友会奖学金获奖学生交流环节，欢迎校友与学弟学妹聊一聊。
`,
  },
  {
    id: 'event-online-ai-salon-2026',
    title: '互联网与AI行业校友线上沙龙：大模型走进工厂',
    publishedAt: '2026-11-18T02:00:00Z',
    startsAt: '2026-12-10T12:00:00Z',
    endsAt: '2026-12-10T13:30:00Z',
    onlineUrl: 'https://live.minghu.example/salons/ai-2026-12/',
    organizers: ['chapter-industry-internet-ai', 'college-cs-ai'],
    registrationUrl: 'https://alumni.minghu.example/chapters/internet-ai/salon-2026-12/',
    colleges: ['college-cs-ai', 'college-mechanical'],
    cover: img('cover-workshop'),
    excerpt: '三位在工业 AI 和 5G、IoT 一线工作的校友，线上聊大模型在工厂里能做什么、不能做什么。',
    body: `
## 嘉宾

- 一位做工业视觉 AI 质检的校友创业者；
- 一位做 5G 专网与 IoT 平台的机械校友；
- 一位在制造企业负责数字化的经济管理学院 MBA 校友。

## 讨论的问题

1. 大模型在工厂里已经落地了哪些场景？
2. 老设备、老数据怎么办？
3. 制造业需要什么样的 AI 人才？

> 全程线上，报名后获得直播链接，校友和在校生均可参加。
`,
  },
  {
    id: 'event-beijing-new-year-2027',
    title: '北京校友2027新春联谊会',
    publishedAt: '2026-11-16T02:00:00Z',
    startsAt: '2027-01-16T06:00:00Z',
    endsAt: '2027-01-16T10:00:00Z',
    location: '北京市朝阳区 校友之家活动中心',
    organizers: ['chapter-beijing'],
    registrationUrl: 'https://alumni.minghu.example/chapters/beijing/2027/signup/',
    cover: img('gallery-lanterns', '新春联谊会会场的红灯笼'),
    excerpt: '北京校友会 2027 新春联谊会将于 1 月 16 日举行。今年继续包饺子，并为 75 周年校庆返校团报名。',
    body: `
## 安排

- 14:00 签到，按毕业年份混坐
- 14:30 包饺子
- 16:30 校友节目
- 17:30 返校团报名与合影

## 报名

每人 100 元，学生和 2024 届及以后毕业的校友免费。欢迎携家属参加。

> 今年的节目征集中，有意表演的校友请在报名时注明。
`,
  },
  {
    id: 'event-architecture-homecoming-2027',
    title: '建筑学院“回到红楼”校友设计周',
    publishedAt: '2026-11-10T02:00:00Z',
    startsAt: '2027-04-24T01:00:00Z',
    endsAt: '2027-04-25T09:00:00Z',
    location: '明湖大学湖滨校区 红楼',
    organizers: ['college-architecture', 'chapter-college-architecture', 'chapter-industry-architecture'],
    registrationUrl: 'https://arch.minghu.example/alumni/homecoming-2027/',
    colleges: ['college-architecture'],
    cover: img('cover-red-building'),
    excerpt:
      '75 周年校庆前，建筑学院邀请各届校友回到修缮后的红楼，参加为期两天的校友设计周：评图、工作坊和“红楼记忆”展。',
    body: `
## 两天的安排

- 4 月 24 日：“红楼记忆”展导览、毕业设计中期评图（校友评委）、各届班级座谈；
- 4 月 25 日：校友与学生合作的“明湖边的一座小房子”设计工作坊，傍晚在红楼前合影。

## 报名须知

1. 校友评委名额 40 个，请在报名时注明；
2. 工作坊每组一位校友、四名学生；
3. 逢五逢十的毕业班可申请班级座谈教室。

> 设计周是 75 周年校庆校友返校活动的一部分，欢迎携家属参观。
`,
  },
  {
    id: 'event-75th-homecoming',
    title: '明湖大学75周年校庆校友返校日',
    publishedAt: '2026-10-20T02:00:00Z',
    startsAt: '2027-05-15T00:30:00Z',
    endsAt: '2027-05-15T10:00:00Z',
    location: '明湖大学湖滨校区、北山校区',
    onlineUrl: 'https://live.minghu.example/75th/',
    organizers: [
      'college-architecture',
      'college-civil',
      'college-cs-ai',
      'college-economics-management',
      'college-literature-journalism',
      'college-mechanical',
      'college-art-design',
      'college-chem-materials',
      'college-foreign-languages',
      'chapter-shenzhen',
      'chapter-beijing',
      'chapter-changsha',
    ],
    registrationUrl: 'https://alumni.minghu.example/75th/signup/',
    cover: img('cover-clock-tower'),
    excerpt:
      '2027 年 5 月 15 日（周六），明湖大学 75 周年校庆校友返校日。两校区全天开放，各学院安排院史展、实验室开放和班级座谈，全程线上直播。',
    body: `
## 当天安排

- 08:30 湖滨校区老校门签到，领取纪念品；
- 09:30 钟楼广场校友返校仪式；
- 10:30 各学院院史展、实验室开放；
- 14:00 班级座谈（逢五逢十班级优先安排教室）；
- 17:00 银杏大道补植仪式。

## 报名

1. 报名将于 2027 年 1 月开放；
2. 以班级为单位报名的，请由班级联络人统一提交名单；
3. 深圳、北京、长沙等地校友会将组织返校团，请关注当地校友会通知。

> 无法返校的校友，可以通过线上直播参加返校仪式。
`,
  },
]
