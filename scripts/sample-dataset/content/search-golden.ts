import type { GoldenTerm } from '../lib/golden.ts'

/**
 * The golden list for the Chinese search tests, their one source: what a query must find (public pages whose text
 * contains the term) and, for `absent` terms, what must never be findable (private names, contact details,
 * unpublished text). `npm run dataset:sample` verifies every entry against the generated documents and writes it to
 * dataset/search-golden.json and dataset/README.md (by document id) and to tests/site/search-golden.json (with
 * permalinks and the query variants, for tests/site/search.test.ts).
 */
export const searchGolden: GoldenTerm[] = [
  // 人名
  {
    term: '张伟',
    kind: 'name',
    mustFind: ['profile-zhang-wei', 'article-visit-zhang-wei-studio', 'report-shenzhen-annual-2025'],
    note: '常见名，全数据集只出现在这三个文档中',
  },
  {
    term: '罗一鸣',
    kind: 'name',
    mustFind: ['profile-luo-yiming', 'article-lecture-ai-startup', 'story-luo-yiming-gpu'],
  },
  { term: '王淑华', kind: 'name', mustFind: ['profile-wang-shuhua', 'article-lecture-bridge-life'] },
  { term: '李婉清', kind: 'name', mustFind: ['profile-li-wanqing', 'article-lecture-journalism'] },
  {
    term: '郑思远',
    kind: 'name',
    mustFind: ['profile-zheng-siyuan', 'article-lecture-mba-path', 'story-zheng-siyuan-trade-scholarship'],
  },
  { term: '许伯衡', kind: 'name', mustFind: ['article-memorial-xu-boheng', 'story-red-building-drawings'] },
  { term: '严子望', kind: 'name', mustFind: ['article-memorial-yan-ziwang-110', 'article-qingming-2026'] },
  { term: '吴嘉禾', kind: 'name', mustFind: ['profile-wu-jiahe', 'article-lecture-interpreting'] },
  { term: '孙琪', kind: 'name', mustFind: ['profile-sun-qi', 'article-lecture-5g-iot'], note: '两字人名' },
  {
    term: '欧阳菲',
    kind: 'name',
    mustFind: ['profile-ouyang-fei', 'story-ouyang-fei-grad-show', 'article-lecture-design-not-decoration'],
    note: '复姓',
  },

  // 地名与校园地点
  {
    term: '深圳',
    kind: 'place',
    mustFind: [
      'chapter-shenzhen',
      'report-shenzhen-annual-2025',
      'report-shenzhen-wutong-hike-2026',
      'report-shenzhen-freshmen-send-off-2026',
      'article-visit-shenzhen-2025',
      'article-shenzhen-internship-pool',
      'story-shenzhen-chapter-scholarship',
      'event-shenzhen-annual-2026',
      'profile-zhang-wei',
    ],
  },
  {
    term: '深圳校友会',
    kind: 'place',
    mustFind: [
      'chapter-shenzhen',
      'report-shenzhen-annual-2025',
      'story-shenzhen-chapter-scholarship',
      'article-shenzhen-internship-pool',
      'event-shenzhen-annual-2025',
      'event-shenzhen-annual-2026',
    ],
    note: '地名＋机构名的复合查询；草稿 drafts.article-shenzhen-bay-alumni-night 也含此词，不得出现',
    variants: [{ query: '深圳 校友会', note: '读者用空格分开两个词' }],
  },
  {
    term: '新加坡',
    kind: 'place',
    mustFind: [
      'chapter-singapore',
      'report-singapore-founding',
      'report-singapore-lunar-new-year-2026',
      'article-visit-singapore-2025',
      'story-singapore-books',
    ],
  },
  {
    term: '长沙',
    kind: 'place',
    mustFind: [
      'chapter-changsha',
      'report-changsha-tree-planting-2025',
      'report-changsha-mid-autumn-2026',
      'article-visit-changsha-2026',
    ],
  },
  {
    term: '成都',
    kind: 'place',
    mustFind: ['chapter-chengdu', 'article-visit-chengdu-2025', 'report-chengdu-tenth-anniversary'],
  },
  { term: '梧桐山', kind: 'place', mustFind: ['report-shenzhen-wutong-hike-2026'] },
  {
    term: '红楼',
    kind: 'place',
    mustFind: [
      'article-red-building-reopens',
      'project-red-building',
      'story-red-building-drawings',
      'report-architecture-homecoming-2025',
      'report-architecture-industry-forum-2026',
    ],
    note: '两字地名',
  },
  { term: '银杏大道', kind: 'place', mustFind: ['article-ginkgo-avenue', 'project-75th-fund'] },
  { term: '北山图书馆', kind: 'place', mustFind: ['article-new-library-opens'] },
  { term: '明湖二桥', kind: 'place', mustFind: ['profile-wang-shuhua', 'article-lecture-bridge-life'] },

  // 双字词
  {
    term: '捐赠',
    kind: 'two-character',
    mustFind: [
      'article-giving-report-2025',
      'project-75th-fund',
      'story-class-1982-scholarship',
      'story-luo-yiming-gpu',
      'story-anonymous-tenth-year',
      'story-shenzhen-chapter-scholarship',
      'story-singapore-books',
    ],
  },
  { term: '植树', kind: 'two-character', mustFind: ['report-changsha-tree-planting-2025'] },
  { term: '口译', kind: 'two-character', mustFind: ['profile-wu-jiahe', 'article-lecture-interpreting'] },
  { term: '同传', kind: 'two-character', mustFind: ['profile-wu-jiahe', 'article-lecture-interpreting'] },
  { term: '饺子', kind: 'two-character', mustFind: ['report-beijing-new-year-2026'] },
  {
    term: '茶叙',
    kind: 'two-character',
    mustFind: ['report-chengdu-tenth-anniversary', 'article-visit-chengdu-2025'],
  },
  { term: '拨穗', kind: 'two-character', mustFind: ['article-graduation-2026'] },
  {
    term: '实习',
    kind: 'two-character',
    mustFind: ['article-shenzhen-internship-pool', 'article-visit-chengdu-2025'],
  },
  { term: '桥梁', kind: 'two-character', mustFind: ['profile-wang-shuhua'] },

  // 复合词
  {
    term: '建筑学院',
    kind: 'compound',
    mustFind: [
      'college-architecture',
      'chapter-college-architecture',
      'article-architecture-40th',
      'article-red-building-reopens',
      'article-memorial-xu-boheng',
      'article-architecture-portfolio-review',
      'project-red-building',
      'report-architecture-homecoming-2025',
      'event-architecture-homecoming-2027',
    ],
  },
  {
    term: '校友大讲堂',
    kind: 'compound',
    mustFind: [
      'article-lecture-ai-startup',
      'article-lecture-bridge-life',
      'article-lecture-journalism',
      'article-lecture-mba-path',
      'article-lecture-5g-iot',
      'article-lecture-design-not-decoration',
      'article-lecture-interpreting',
      'event-lecture-48-ai-startup',
      'event-online-interpreting-2026',
    ],
    // 系列讲座的名字：九篇讲座文章与活动同等相关，前五条结果都必须是“必须找到”的文档。
    top: null,
  },
  {
    term: '计算机与人工智能学院',
    kind: 'compound',
    mustFind: [
      'college-cs-ai',
      'chapter-college-cs-ai',
      'article-cs-ai-college-renamed',
      'report-cs-ai-mentor-meetup-2025',
    ],
  },
  {
    term: '校友导师',
    kind: 'compound',
    mustFind: ['article-mentor-program-3', 'report-cs-ai-mentor-meetup-2025', 'report-ai-hackathon-2026'],
  },
  { term: '城中村', kind: 'compound', mustFind: ['article-visit-zhang-wei-studio', 'profile-zhang-wei'] },
  {
    term: '作品集',
    kind: 'compound',
    mustFind: ['article-architecture-portfolio-review', 'report-shanghai-design-salon-2026'],
  },
  {
    term: '紧急资助',
    kind: 'compound',
    mustFind: ['project-emergency-aid-2025', 'story-anonymous-emergency'],
  },
  {
    term: '明湖校友奖学金',
    kind: 'compound',
    mustFind: ['project-minghu-scholarship', 'story-shenzhen-chapter-scholarship'],
  },
  { term: '电子校友卡', kind: 'compound', mustFind: ['article-alumni-card-online'] },
  { term: '校友林', kind: 'compound', mustFind: ['report-changsha-tree-planting-2025'] },
  { term: '桂花糕', kind: 'compound', mustFind: ['article-canteen-osmanthus-cake'] },
  { term: '黑客松', kind: 'compound', mustFind: ['report-ai-hackathon-2026'] },

  // 中英混排
  {
    term: 'AI创业',
    kind: 'mixed',
    mustFind: ['profile-luo-yiming', 'article-lecture-ai-startup', 'report-ai-founders-night-2025'],
    note: '拉丁字母紧贴汉字',
    variants: [
      { query: 'AI 创业', note: '同一查询，中英之间有空格' },
      { query: 'ai创业', note: '小写' },
    ],
  },
  {
    term: 'AI',
    kind: 'mixed',
    mustFind: [
      'article-ai-skills-list',
      'project-ai-x-lab',
      'report-ai-founders-night-2025',
      'article-lecture-ai-startup',
    ],
    note: '大小写不敏感：ai 同样应命中',
  },
  { term: 'AI+X', kind: 'mixed', mustFind: ['project-ai-x-lab', 'report-ai-hackathon-2026'] },
  {
    term: '5G',
    kind: 'mixed',
    mustFind: ['article-lecture-5g-iot', 'article-visit-changsha-2026', 'profile-sun-qi'],
  },
  { term: '5G专网', kind: 'mixed', mustFind: ['article-visit-changsha-2026'] },
  { term: 'IoT', kind: 'mixed', mustFind: ['article-lecture-5g-iot', 'profile-sun-qi'] },
  {
    term: 'MBA',
    kind: 'mixed',
    mustFind: [
      'article-lecture-mba-path',
      'report-finance-mba-salon-2025',
      'article-visit-shanghai-finance-2025',
    ],
  },
  { term: 'GPU', kind: 'mixed', mustFind: ['story-luo-yiming-gpu'] },

  // 不得出现在任何公开页面上
  {
    term: '钱永康',
    kind: 'absent',
    mustFind: [],
    note: '匿名捐赠人（story-anonymous-tenth-year）的 displayName',
  },
  { term: '邓秀梅', kind: 'absent', mustFind: [], note: '匿名捐赠人（story-anonymous-books）的 displayName' },
  {
    term: '俞建平',
    kind: 'absent',
    mustFind: [],
    note: '匿名捐赠人（story-anonymous-emergency）的 displayName',
  },
  { term: '邱文涛', kind: 'absent', mustFind: [], note: '未授权的校友风采' },
  { term: '马国栋', kind: 'absent', mustFind: [], note: '未授权的校友风采' },
  { term: '曹颖', kind: 'absent', mustFind: [], note: '未授权的校友风采' },
  { term: '付晓', kind: 'absent', mustFind: [], note: '未授权的校友风采' },
  { term: '顾云帆', kind: 'absent', mustFind: [], note: '只有草稿的校友风采' },
  { term: '海上音乐会', kind: 'absent', mustFind: [], note: '只有草稿的文章' },
  { term: '全面铺开', kind: 'absent', mustFind: [], note: '已发布文章的草稿标题里才有的词' },
  { term: '纪念邮册', kind: 'absent', mustFind: [], note: '定时到 2099 年发布的文章' },
  { term: '138-0000-0301', kind: 'absent', mustFind: [], note: 'profile-zhang-wei 的内部联系电话' },
  {
    term: 'zhangwei.2003@example.com',
    kind: 'absent',
    mustFind: [],
    note: 'profile-zhang-wei 的内部联系邮箱',
  },
  { term: 'lym_huguang', kind: 'absent', mustFind: [], note: 'profile-luo-yiming 的内部微信号' },
]
