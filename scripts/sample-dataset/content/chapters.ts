import { img, type ChapterInput } from '../lib/types.ts'

/** Regional, industry and college chapters (地方、行业、学院校友会), each registered with the 校友总会. */
export const chapters: ChapterInput[] = [
  // Regional
  {
    id: 'chapter-shenzhen',
    name: '深圳校友会',
    kind: 'regional',
    region: '广东·深圳',
    foundedAt: '2006-11-18',
    cover: img('cover-shenzhen-bay'),
    description:
      '2006 年由 37 位在深校友发起成立，如今登记会员四千二百余人，是明湖大学人数最多的地方校友会。下设南山、福田、龙岗、宝安四个片区联络组和建筑、AI 与电子信息、金融三个兴趣小组。每年 12 月举办年会，春秋两季组织登梧桐山和深圳湾徒步，8 月为深圳籍新生办送行会。第三届理事会于 2025 年 12 月选出，秘书处设在南山区科技园。',
    channels: [
      { kind: 'wechat', label: '微信公众号“明湖大学深圳校友会”', qrCode: img('qr-shenzhen') },
      { kind: 'email', label: '秘书处邮箱', url: 'mailto:shenzhen@alumni.minghu.example' },
    ],
  },
  {
    id: 'chapter-beijing',
    name: '北京校友会',
    kind: 'regional',
    region: '北京',
    foundedAt: '1996-05-18',
    cover: img('cover-clock-tower'),
    description:
      '成立于 1996 年，是历史最长的地方校友会。在京校友约两千八百人，媒体、出版、设计院和央企总部的校友较多。品牌活动是每季度一期的“京湖论坛”，以及每年 1 月的新春联谊会。校友会在海淀和朝阳各有一个固定的活动场地，由校友单位无偿提供。',
    channels: [
      { kind: 'website', label: '北京校友会主页', url: 'https://alumni.minghu.example/chapters/beijing/' },
      {
        kind: 'weibo',
        label: '微博 @明湖大学北京校友会',
        url: `https://weibo.com/n/${encodeURIComponent('明湖大学北京校友会')}`,
      },
    ],
  },
  {
    id: 'chapter-shanghai',
    name: '上海校友会',
    kind: 'regional',
    region: '上海',
    foundedAt: '2001-10-13',
    cover: img('cover-library', '玻璃幕墙建筑与水池倒影，象征上海校友会所在的城市'),
    description:
      '在沪校友约三千一百人，金融、设计与外贸行业的校友比例最高。校友会下设足球队、读书会和设计沙龙，每年秋天与上海的兄弟校友会踢一场友谊赛。秘书处设在浦东，由金融行业校友会协助运营。',
    channels: [
      {
        kind: 'wechat',
        label: '微信公众号“明湖上海校友”',
        url: 'https://alumni.minghu.example/chapters/shanghai/',
      },
    ],
  },
  {
    id: 'chapter-guangzhou',
    name: '广州校友会',
    kind: 'regional',
    region: '广东·广州',
    foundedAt: '2003-12-06',
    cover: img('cover-gathering'),
    description:
      '在穗校友约两千人，土木、建筑和机械校友较多，不少人在设计院、施工企业和汽车产业链上工作。校友会每年 11 月底办年会，平时以“走进校友企业”为主线，组织在读学生和年轻校友去工地、工厂和设计院参观。',
    channels: [
      {
        kind: 'wechat',
        label: '广州校友会微信群（联系秘书处入群）',
        url: 'https://alumni.minghu.example/chapters/guangzhou/',
      },
    ],
  },
  {
    id: 'chapter-changsha',
    name: '长沙校友会',
    kind: 'regional',
    region: '湖南·长沙',
    foundedAt: '1999-03-12',
    cover: img('cover-workshop', '车间里的齿轮与机械臂，长沙校友会里装备制造业校友很多'),
    description:
      '1999 年植树节当天成立，所以每年 3 月都要去“校友林”种一次树，这个传统已经坚持了二十多年。在长校友约一千六百人，装备制造、工程机械和中小学教育是三大群体。会长陈建国是 1986 届机械专科校友。',
    channels: [
      { kind: 'qq', label: '长沙校友会 QQ 群', url: 'https://alumni.minghu.example/chapters/changsha/qq/' },
      { kind: 'phone', label: '秘书处电话', url: 'tel:0000-8860-3701' },
    ],
  },
  {
    id: 'chapter-chengdu',
    name: '成都校友会',
    kind: 'regional',
    region: '四川·成都',
    foundedAt: '2015-10-17',
    cover: img('cover-trail', '绿色山坡上的步道，成都校友常去的近郊徒步路线'),
    description:
      '2015 年成立，在蓉校友约九百人。新能源材料和电子信息校友占比逐年上升，化学与材料学院在成都的几家实习基地都由校友企业提供。校友会每月最后一个周六有一次茶叙，地点轮流在校友家附近的茶馆。',
    channels: [
      { kind: 'website', label: '成都校友会主页', url: 'https://alumni.minghu.example/chapters/chengdu/' },
    ],
  },
  {
    id: 'chapter-singapore',
    name: '新加坡校友会',
    kind: 'regional',
    region: '海外·新加坡',
    foundedAt: '2024-11-30',
    cover: img('cover-singapore-bay'),
    description:
      '明湖大学第一个海外校友组织，2024 年 11 月 30 日成立，首批会员 48 人，外国语学院、计算机与人工智能学院、经济管理学院的校友最多。秘书长吴嘉禾是 2012 届英语专业校友。校友会帮助新到新加坡读书、工作的校友找房、办证、认识前辈，每年农历新年办一次团拜。',
    channels: [
      { kind: 'wecom', label: '企业微信群“明湖人在狮城”', qrCode: img('qr-singapore') },
      { kind: 'email', label: '秘书处邮箱', url: 'mailto:singapore@alumni.minghu.example' },
    ],
  },

  // Industry
  {
    id: 'chapter-industry-architecture',
    name: '建筑设计行业校友会',
    kind: 'industry',
    region: '全国',
    foundedAt: '2017-05-20',
    cover: img('cover-red-building'),
    description:
      '面向在设计院、事务所、规划和城市更新领域工作的校友，不限学院，建筑、土木、艺术设计的校友都有。每年春天办一次年度论坛，冬天为应届建筑学毕业生组织作品集评阅日。会员单位目前有 63 家，其中 19 家愿意每年接收母校学生实习。',
    channels: [
      {
        kind: 'wechat',
        label: '微信公众号“明湖建筑人”',
        url: 'https://alumni.minghu.example/chapters/architecture-industry/',
      },
    ],
  },
  {
    id: 'chapter-industry-finance',
    name: '金融行业校友会',
    kind: 'industry',
    region: '全国',
    foundedAt: '2018-09-15',
    cover: img('cover-gathering'),
    description:
      '银行、证券、基金、保险和投资机构的校友组织，会员以经济管理学院本科和 MBA 校友为主，也有不少理工科出身、转行做行业研究的校友。会长郑思远是 1994 届国际贸易专业校友。主要活动是在上海和深圳轮流举办的 MBA 校友沙龙，以及为在校生开设的金融实务课。',
    channels: [
      {
        kind: 'website',
        label: '金融行业校友会主页',
        url: 'https://alumni.minghu.example/chapters/finance/',
      },
    ],
  },
  {
    id: 'chapter-industry-internet-ai',
    name: '互联网与人工智能行业校友会',
    kind: 'industry',
    region: '全国',
    foundedAt: '2019-06-22',
    cover: img('cover-circuit'),
    description:
      '2019 年在深圳成立，会员来自互联网平台、AI创业公司、芯片与智能硬件企业，计算机与人工智能学院的校友约占六成。每年夏天办“AI创业者夜话”，平时运营校友导师计划和实习内推群，2026 年发布了第一份《AI 岗位能力清单》。',
    channels: [
      {
        kind: 'wecom',
        label: '企业微信“明湖 AI 校友”',
        url: 'https://alumni.minghu.example/chapters/internet-ai/',
      },
      { kind: 'website', label: '校友导师计划报名页', url: 'https://alumni.minghu.example/mentors/' },
    ],
  },

  // College
  {
    id: 'chapter-college-architecture',
    name: '建筑学院校友会',
    kind: 'college',
    region: '明湖市',
    college: 'college-architecture',
    foundedAt: '2010-05-15',
    cover: img('cover-red-building'),
    description:
      '建筑学院的二级校友会，由学院分管副院长任会长，各届班长任联络员。主要工作是建筑学院校友信息库、每年 5 月的校友返校日、毕业设计评图的校友评委邀请，以及红楼修缮期间的老图纸和老照片征集。',
    channels: [
      { kind: 'wechat', label: '微信公众号“明湖建院校友”', qrCode: img('qr-architecture') },
      { kind: 'website', label: '建筑学院校友工作专栏', url: 'https://arch.minghu.example/alumni/' },
    ],
  },
  {
    id: 'chapter-college-cs-ai',
    name: '计算机与人工智能学院校友会',
    kind: 'college',
    region: '明湖市',
    college: 'college-cs-ai',
    foundedAt: '2012-10-20',
    cover: img('cover-circuit'),
    description:
      '计算机与人工智能学院的二级校友会，负责学院校友工作专栏、校友导师见面会和“AI+X”实验室的校友项目对接。学院每个班级有一名校友联络员，毕业时由班级推选。',
    channels: [
      { kind: 'wecom', label: '企业微信“计算机学院校友”', qrCode: img('qr-cs-ai') },
      { kind: 'website', label: '学院校友工作专栏', url: 'https://csai.minghu.example/alumni/' },
    ],
  },
]
