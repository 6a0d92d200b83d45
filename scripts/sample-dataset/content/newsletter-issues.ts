import { img, type NewsletterIssueInput } from '../lib/types.ts'

/**
 * 《明湖校友》: three issues a year since 2025 (April, August, December). Sections list documents that are
 * public and were published before the issue.
 */
export const newsletterIssues: NewsletterIssueInput[] = [
  {
    id: 'newsletter-2025-01',
    title: '《明湖校友》2025年第1期（总第88期）',
    volume: 2025,
    number: 1,
    publishedAt: '2025-04-15T06:00:00Z',
    cover: img('cover-lake-dawn'),
    editorNote: `
从这一期起，《明湖校友》改为每年三期。纸质版少了一期，我们想把每一期做得更厚实一点。

这一期里，有两位老人让编辑部的同事们红了眼眶：一位是 2 月离开我们的许伯衡先生，他在红楼里带出了第一代明湖建筑人；一位是恢复高考后第一批入学的王淑华学姐，她把四十年前的课堂笔记交给了土木工程学院。

> 我们不要华丽的辞藻，只要真实的细节。

欢迎校友们继续给我们写信。投稿方式见本期最后一页，或访问[校友总会网站](https://alumni.minghu.example/newsletter/submit/)。——林晓雨
`,
    sections: [
      { title: '母校动态', items: ['article-alumni-card-online', 'article-alumni-council-2025'] },
      {
        title: '校友风采',
        items: ['profile-wang-shuhua', 'profile-li-wanqing', 'article-lecture-journalism'],
      },
      {
        title: '校友会活动',
        items: [
          'report-changsha-tree-planting-2025',
          'report-singapore-founding',
          'article-visit-singapore-2025',
        ],
      },
      { title: '缅怀', items: ['article-memorial-xu-boheng', 'article-memorial-yan-ziwang-110'] },
    ],
  },
  {
    id: 'newsletter-2025-02',
    title: '《明湖校友》2025年第2期（总第89期）',
    volume: 2025,
    number: 2,
    publishedAt: '2025-08-25T06:00:00Z',
    cover: img('cover-design'),
    editorNote: `
这个夏天，新版校友信息平台上线了。很多校友问：我的信息会不会被公开？本期刊登了《关于校友个人信息保护的说明》，请大家放心：联系方式只在校内使用，公开报道一定先征得您本人同意。

本期的“捐赠鸣谢”里有三个故事：62 位老同学的一次集体捐赠，一位设计师三年的义务服务，一位 AI创业者送回母校的八台服务器。钱、物、时间，都是心意。

> 每一笔都有去处，每一位捐赠人都会收到回执。
`,
    sections: [
      { title: '母校动态', items: ['article-alumni-platform-upgrade', 'article-privacy-notice'] },
      {
        title: '校友风采',
        items: ['profile-ouyang-fei', 'article-lecture-design-not-decoration', 'article-lecture-bridge-life'],
      },
      {
        title: '校友会活动',
        items: [
          'report-architecture-homecoming-2025',
          'report-beijing-jinghu-forum-7',
          'report-ai-founders-night-2025',
        ],
      },
      {
        title: '捐赠鸣谢',
        items: ['story-class-1982-scholarship', 'story-ouyang-fei-grad-show', 'story-luo-yiming-gpu'],
      },
    ],
  },
  {
    id: 'newsletter-2025-03',
    title: '《明湖校友》2025年第3期（总第90期）',
    volume: 2025,
    number: 3,
    publishedAt: '2025-12-22T06:00:00Z',
    cover: img('cover-ginkgo'),
    editorNote: `
银杏大道又黄了。编辑这一期的时候，窗外的叶子正一片一片落下来。

这个秋天，北山图书馆新馆开馆，建筑学院过了四十岁生日，环湖跑办到了第十年。我们还收到了两份没有署名的礼物：一笔连续十年准时到账的奖学金捐款，和三千册带着批注的旧书。按照捐赠人的意愿，我们不写他们的名字，只写他们的故事。

> 当年那位老师也没有留名字。你们以后有能力了，也这样做就好。

新年快乐。明年 5 月，母校就七十五岁了。——林晓雨
`,
    sections: [
      {
        title: '母校动态',
        items: ['article-new-library-opens', 'article-architecture-40th', 'article-lake-run-10th'],
      },
      {
        title: '校友风采',
        items: [
          'profile-luo-yiming',
          'article-lecture-ai-startup',
          'profile-tang-haoran',
          'article-visit-chengdu-2025',
        ],
      },
      {
        title: '校友会活动',
        items: [
          'report-guangzhou-annual-2025',
          'report-chengdu-tenth-anniversary',
          'report-shanghai-football-2025',
          'report-finance-mba-salon-2025',
          'report-cs-ai-mentor-meetup-2025',
        ],
      },
      {
        title: '捐赠鸣谢',
        items: ['story-anonymous-tenth-year', 'story-anonymous-books', 'story-singapore-books'],
      },
    ],
  },
  {
    id: 'newsletter-2026-01',
    title: '《明湖校友》2026年第1期（总第91期）',
    volume: 2026,
    number: 1,
    publishedAt: '2026-04-20T06:00:00Z',
    cover: img('cover-red-building'),
    editorNote: `
4 月 15 日，红楼的脚手架拆了。418 位校友的捐赠、四届学生的测绘，还有许伯衡先生家属送回来的 14 张 1957 年原始图纸，让这座老楼又站稳了。本期封面就是修好的红楼。

这一期我们还去了深圳和长沙：深圳校友会换届，320 位校友相聚深圳湾；长沙的老车间铺上了 5G 专网，负责改造的是三位年轻的机械校友。

> 数字化不是把老师傅换掉，是把老师傅脑子里的东西留下来。

2025 年度捐赠通报也在本期刊出。2,384 笔捐赠，71% 在一千元以下。谢谢每一位。
`,
    sections: [
      {
        title: '母校动态',
        items: ['article-giving-report-2025', 'article-chapter-awards-2025', 'article-red-building-reopens'],
      },
      {
        title: '校友风采',
        items: [
          'profile-zhang-wei',
          'profile-chen-jianguo',
          'article-visit-changsha-2026',
          'article-lecture-mba-path',
        ],
      },
      {
        title: '校友会活动',
        items: [
          'report-shenzhen-annual-2025',
          'report-beijing-new-year-2026',
          'report-singapore-lunar-new-year-2026',
          'report-shenzhen-wutong-hike-2026',
        ],
      },
      {
        title: '捐赠鸣谢',
        items: [
          'story-shenzhen-chapter-scholarship',
          'story-anonymous-emergency',
          'story-zheng-siyuan-trade-scholarship',
          'story-red-building-drawings',
        ],
      },
    ],
  },
  {
    id: 'newsletter-2026-02',
    title: '《明湖校友》2026年第2期（总第92期）',
    volume: 2026,
    number: 2,
    publishedAt: '2026-07-25T06:00:00Z',
    cover: img('cover-graduation'),
    editorNote: `
6 月 20 日，7,120 名 2026 届毕业生在北山体育场抛起了学位帽。一百位毕业四十年以上的老校友为他们拨穗。王淑华学姐说：“桥是给人走的，你们也是。”

这一期的关键词是“带”：深圳校友会为学弟学妹准备了 240 个实习岗位，建筑学院的学生跟着校友走进城中村，十九位校友导师陪学生熬了两个通宵的黑客松。

> 前面的人慢一点，后面的人就跟得上。

下一期将在 11 月出版，届时会刊登 75 周年校庆校友返校日的详细安排。
`,
    sections: [
      {
        title: '母校动态',
        items: ['article-graduation-2026', 'article-ai-skills-list', 'article-shenzhen-internship-pool'],
      },
      {
        title: '校友风采',
        items: ['article-visit-zhang-wei-studio', 'profile-wu-jiahe', 'article-lecture-interpreting'],
      },
      {
        title: '校友会活动',
        items: [
          'report-architecture-industry-forum-2026',
          'report-guangzhou-company-visit-2026',
          'report-ai-hackathon-2026',
          'report-shanghai-design-salon-2026',
        ],
      },
      { title: '捐赠鸣谢', items: ['story-pro-bono-legal', 'story-class-2016-benches'] },
    ],
  },
  {
    id: 'newsletter-2026-03',
    title: '《明湖校友》2026年第3期（总第93期）',
    volume: 2026,
    number: 3,
    publishedAt: '2026-11-16T06:00:00Z',
    cover: img('cover-clock-tower'),
    editorNote: `
离 75 周年校庆还有六个月。9 月，学校发布了校庆总体方案：不办大型晚会，把力气花在学术、校友返校和校园更新上。校友返校日定在 2027 年 5 月 15 日，一个周六。

本期“活动预告”列出了从 12 月到明年 5 月的四场活动。深圳、北京的年会和新春联谊会都会为返校团报名，建筑学院会在 4 月先请大家回到红楼。

> 七十五年，近三十万校友。校庆不是学校自己的事，是每一位从这里走出去的人的事。

返校日的报名将在 1 月开放，请关注[校友总会网站](https://alumni.minghu.example/75th/)。我们在明湖等你。——林晓雨
`,
    sections: [
      {
        title: '母校动态',
        items: ['article-75th-anniversary-plan', 'article-freshmen-2026', 'article-career-autumn-2026'],
      },
      { title: '校友风采', items: ['profile-sun-qi', 'article-lecture-5g-iot'] },
      {
        title: '校友会活动',
        items: ['report-shenzhen-freshmen-send-off-2026', 'report-changsha-mid-autumn-2026'],
      },
      {
        title: '活动预告',
        items: [
          'event-shenzhen-annual-2026',
          'event-beijing-new-year-2027',
          'event-architecture-homecoming-2027',
          'event-75th-homecoming',
        ],
      },
    ],
  },
]
