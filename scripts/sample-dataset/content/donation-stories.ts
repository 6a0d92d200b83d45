import { img, type DonationStoryInput } from '../lib/types.ts'

/**
 * 捐赠故事. Three donors chose anonymity (donor.anonymous: true): their displayName is stored for the foundation's
 * records only and must never appear on the site or anywhere else in the dataset. Three stories hide the amount.
 */
export const donationStories: DonationStoryInput[] = [
  {
    id: 'story-class-1982-scholarship',
    title: '毕业四十三年，工民建78级62位同学的一次集体捐赠',
    publishedAt: '2025-05-06T02:00:00Z',
    project: 'project-minghu-scholarship',
    donor: {
      displayName: '1982届工业与民用建筑专业全体校友',
      anonymous: false,
      classYear: 1982,
      college: 'college-civil',
    },
    kind: 'money',
    amount: 820_000,
    showAmount: true,
    colleges: ['college-civil'],
    cover: img('gallery-group-photo', '1982 届工民建校友返校合影，前排坐着几位白发老校友'),
    excerpt:
      '1982 届工民建专业 62 位同学，最大的 72 岁，最小的 63 岁。他们凑了 82 万元，捐给明湖校友奖学金，指定资助土木工程学院的学生。',
    body: `
## 一份通讯录

这次捐赠，是从一份通讯录开始的。2024 年秋天，1982 届工民建校友王淑华和几位同学决定把全班 62 人的联系方式重新找齐。找了四个月，找到了 58 人，另外 4 位同学已经去世。

## 八十二万元

2025 年 4 月返校聚会时，同学们商量着给母校留点什么。有人提议捐一座雕塑，有人提议捐一批书，最后大家一致同意：捐给奖学金，“给现在的穷学生”。

- 62 位同学全部参与，包括 4 位已故同学的家属；
- 每人捐款从 3,000 元到 5 万元不等，合计 82 万元；
- 指定用于资助土木工程学院家庭经济困难的学生。

> 我们那时候读书不要钱，每月还发十几块钱的助学金。现在轮到我们了。

## 一张合影

捐赠仪式在土木楼 101 阶梯教室举行，就是他们当年上《结构力学》的那间教室。仪式结束后，62 位同学（和家属）在土木楼门前拍了一张合影，站位和 1982 年的毕业照一样。
`,
  },
  {
    id: 'story-luo-yiming-gpu',
    title: '罗一鸣校友向“AI+X”实验室捐赠GPU服务器',
    publishedAt: '2025-06-03T02:00:00Z',
    project: 'project-ai-x-lab',
    donor: {
      displayName: '罗一鸣（深圳湖光智能科技有限公司）',
      anonymous: false,
      classYear: 2015,
      college: 'college-cs-ai',
    },
    kind: 'goods',
    amount: 1_200_000,
    showAmount: true,
    colleges: ['college-cs-ai'],
    cover: img('cover-circuit'),
    excerpt:
      '2015 届计算机技术硕士校友罗一鸣代表湖光智能，向计算机与人工智能学院“AI+X”学生创新实验室捐赠 8 台 GPU 服务器，折合 120 万元。',
    body: `
## 八台服务器

6 月 2 日，8 台 GPU 服务器运进了北山校区信息楼 B 座一层。这是 2015 届校友罗一鸣代表深圳湖光智能科技捐赠给“AI+X”学生创新实验室的设备，折合人民币 120 万元。

## 为什么捐设备

罗一鸣说，他读研时最大的困难是没有卡：“一张卡要排队，一个模型训练一周，有时候一个想法还没验证完，学期就结束了。”他希望学弟学妹们不用再排那么久的队。

## 约定用途

这批服务器按约定只用于学生项目：

- 本科生项目优先使用，每队每周最多 72 小时；
- 不用于教师科研项目；
- 湖光智能负责三年的硬件维保，并派工程师每学期来实验室办一次部署培训。

> 设备会旧，但习惯会留下来。我希望学生们从本科就养成在真实数据上做实验的习惯。

捐赠后的第一个学期，实验室承接学生项目 46 个，其中 19 个来自非计算机专业。
`,
  },
  {
    id: 'story-anonymous-tenth-year',
    title: '连续第十年，一笔准时到账的匿名捐赠',
    publishedAt: '2025-09-16T02:00:00Z',
    project: 'project-minghu-scholarship',
    donor: { displayName: '钱永康', anonymous: true, classYear: 1996, college: 'college-mechanical' },
    kind: 'money',
    amount: 100_000,
    showAmount: true,
    colleges: ['college-mechanical'],
    cover: img('cover-ginkgo'),
    excerpt:
      '每年 9 月 10 日教师节，基金会都会收到一笔 10 万元的捐款，附言只有一句话：“给机械系的学弟学妹。”今年是第十年。',
    body: `
## 每年同一天

2016 年 9 月 10 日，明湖大学教育发展基金会收到一笔 10 万元的汇款，附言写着：“给机械系的学弟学妹。”捐赠人在捐赠表上勾选了“匿名”。此后每年的同一天，这笔钱都会准时到账。今年是第十年。

## 我们知道的

这位校友希望不公开姓名。基金会征得同意后，只能告诉大家几件事：

- 他是机械工程学院 1990 年代的毕业生；
- 他读书时曾经得到过一位老师的资助；
- 十年来，他的捐赠资助了 125 名机械工程学院学生。

## 一封回信

今年，基金会把受助学生写的感谢信转给了他。他回了一封很短的邮件，基金会征得同意后摘录一句：

> 当年那位老师也没有留名字。你们以后有能力了，也这样做就好。

按照捐赠人的意愿，本文不刊登其姓名和照片。受助学生名单也不公开。
`,
  },
  {
    id: 'story-anonymous-books',
    title: '三千册书，从一间书房到校友书房',
    publishedAt: '2025-11-04T02:00:00Z',
    donor: {
      displayName: '邓秀梅',
      anonymous: true,
      classYear: 1987,
      college: 'college-literature-journalism',
    },
    kind: 'goods',
    amount: 186_000,
    showAmount: false,
    colleges: ['college-literature-journalism'],
    cover: img('gallery-books'),
    excerpt:
      '北山图书馆新馆开馆前，一位中文系老校友把自己家里的三千册文史图书捐给了母校。她唯一的要求是：不写名字。',
    body: `
## 三十七个纸箱

今年 9 月，图书馆收到了 37 个纸箱。里面是一位中文系老校友家里的藏书，约 3,000 册，以文史类为主，有不少 1980 年代的老版本，书页上还有她当年的批注。

![捐赠图书](gallery-books "37 个纸箱里的一部分图书")

## 为什么捐

这位校友在信里说，她快要搬家了，新家放不下这么多书，“与其让它们在纸箱里发黄，不如回到它们开始的地方”。她在明湖读书时，常去老图书馆的文科阅览室，很多书就是那时候开始买的。

## 她的要求

捐赠时，她只提了几个要求：

- 不写名字，捐赠签上写“一位中文系校友”；
- 书要开架，让学生能摸得到；
- 有批注的书不要擦掉。

> 书上的笔迹是我读书时的样子。如果有学生看到了，觉得有点意思，就够了。

这批书已全部入藏北山图书馆新馆二层的校友书房。按捐赠人意愿，本文不公开捐赠人姓名及图书估值。
`,
  },
  {
    id: 'story-anonymous-emergency',
    title: '一张写着“给需要的孩子”的汇款单',
    publishedAt: '2026-02-10T02:00:00Z',
    project: 'project-emergency-aid-2025',
    donor: { displayName: '俞建平', anonymous: true, classYear: 2001 },
    kind: 'money',
    amount: 50_000,
    showAmount: true,
    cover: img('cover-lake-dawn'),
    excerpt:
      '2025 年 11 月，一场暴雨过后，学生紧急资助基金收到一笔 5 万元的捐款，汇款单上只写了一句话：“给需要的孩子。”',
    body: `
## 暴雨之后

2025 年 11 月初，一场罕见的暴雨让几名学生的家乡受灾。学生工作部门启动紧急资助，基金里的钱很快就不够用了。

第三天，基金会收到一笔 5 万元的汇款，附言是：“给需要的孩子。”

## 这笔钱去了哪里

这笔捐款全部用于 2025 年度学生紧急资助基金：

- 资助受灾学生 9 人，每人 4,000 元至 8,000 元不等；
- 从学生申请到资助到账，最快用时 19 小时；
- 剩余部分按约定转入 2026 年度基金。

## 关于捐赠人

捐赠人选择匿名，基金会只知道这是一位 2001 届校友。基金会给他寄去了资助报告，他回了一条短信：

> 不用谢。我上大学那年家里也遭了水灾，是学校借给我路费。

受助学生写了感谢信，基金会已代为转交。按捐赠人意愿，本文不公开其姓名。
`,
  },
  {
    id: 'story-shenzhen-chapter-scholarship',
    title: '深圳校友会向明湖校友奖学金捐赠30万元',
    publishedAt: '2026-01-06T02:00:00Z',
    project: 'project-minghu-scholarship',
    donor: { displayName: '明湖大学深圳校友会', anonymous: false },
    kind: 'money',
    amount: 300_000,
    showAmount: true,
    cover: img('cover-shenzhen-bay'),
    excerpt:
      '在 2025 年年会上，深圳校友会向明湖校友奖学金捐赠 30 万元。这笔钱来自 1,300 多位在深校友的小额捐款，最少的一笔是 20 元。',
    body: `
## 一千三百多位校友

深圳校友会的这笔 30 万元，不是来自某一位企业家，而是 1,300 多位在深校友的小额捐款。2025 年 10 月，校友会在群里发起倡议，两个月里收到捐款 1,327 笔，最少的一笔 20 元，来自一位刚毕业的校友。

## 捐赠仪式

2025 年 12 月 20 日，在深圳校友会 2025 年会上，校友会秘书长把一块写着“300,000 元”的展板交给校友总会秘书长周景行。

- 这笔捐款将设立“深圳校友会奖学金”名额 37 个；
- 优先资助来自广东的学生；
- 获奖学生将受邀参加下一年的深圳校友会年会。

> 我们希望拿到奖学金的学弟学妹知道，深圳有一千多个前辈在等你们。

## 深圳校友会的捐赠传统

这是深圳校友会第四次集体捐赠。此前三次分别捐给了湖滨校区老图书馆的电子阅览室、明湖环湖跑和学生紧急资助基金。捐赠明细已在[深圳校友会页面](https://alumni.minghu.example/chapters/shenzhen/giving/)公开。
`,
  },
  {
    id: 'story-ouyang-fei-grad-show',
    title: '欧阳菲：三年义务为毕业展做主视觉',
    publishedAt: '2025-05-28T02:00:00Z',
    project: 'project-design-grad-show',
    donor: {
      displayName: '欧阳菲（半格设计工作室）',
      anonymous: false,
      classYear: 2011,
      college: 'college-art-design',
    },
    kind: 'service',
    amount: 48_000,
    showAmount: true,
    colleges: ['college-art-design'],
    cover: img('cover-design'),
    excerpt:
      '从 2023 年起，2011 届视觉传达设计校友欧阳菲和她的工作室，义务为艺术设计学院毕业设计展做了三年主视觉，服务折合 4.8 万元。',
    body: `
## 一次志愿服务

2023 年春天，艺术设计学院的老师给欧阳菲打电话，问她能不能给毕业展的海报提提意见。她说：“提意见不如我来做。”从那年起，毕业展的主视觉就由她的半格设计工作室承担。

## 三年做了什么

- 三届毕业展的主视觉、海报、请柬和展签；
- 美术馆一层的导视系统；
- 每年带两名在校生参与设计，手把手改稿。

工作室按行业价格估算，三年的服务折合约 4.8 万元。她没有收一分钱，还自己出了印刷打样的费用。

> 我当年的毕业展，海报是我们几个同学熬夜自己做的，很丑。我希望学弟学妹们的展，从门口看就很体面。

## 2025 年的主视觉

2025 年毕业展的主视觉用了红、黄、蓝三色几何块面。她说灵感来自大二时在美术馆看过的一次老照片展，“那是我决定做展览设计的一天”。
`,
  },
  {
    id: 'story-pro-bono-legal',
    title: '金融行业校友会法律服务团：为校友企业做了46次公益法律咨询',
    publishedAt: '2026-06-16T02:00:00Z',
    donor: { displayName: '金融行业校友会法律服务团', anonymous: false },
    kind: 'service',
    amount: 120_000,
    showAmount: false,
    colleges: ['college-economics-management'],
    cover: img('gallery-roundtable', '法律服务团的律师校友与校友企业负责人围坐交流'),
    excerpt:
      '金融行业校友会里有 9 位做律师的校友，他们组成法律服务团，一年里为初创的校友企业提供了 46 次公益法律咨询。',
    body: `
## 九位律师

金融行业校友会里有 9 位律师校友，大多是经济管理学院毕业、后来读了法律的。2025 年 6 月，他们组成“法律服务团”，为创办不满三年的校友企业提供免费法律咨询。

## 一年做了什么

- 提供公益法律咨询 46 次，服务校友企业 31 家；
- 审阅合同 118 份，其中股权协议 23 份；
- 为在校学生开设两次“创业法律常识”讲座。

## 一位校友创业者的感受

一位 2019 届校友在成都创办了一家做农产品电商的公司，第一次融资时差点签下一份有问题的对赌协议。她说：

> 要不是学长帮我一条一条看合同，我可能就把公司赌出去了。

法律服务团的服务按市场价估算有一定价值，但应服务团要求，本文不公开折算金额。有需要的校友企业可以通过[金融行业校友会页面](https://alumni.minghu.example/chapters/finance/legal/)预约咨询。
`,
  },
  {
    id: 'story-red-building-drawings',
    title: '1957年的红楼原始图纸，回到了红楼',
    publishedAt: '2026-04-20T02:00:00Z',
    project: 'project-red-building',
    donor: { displayName: '许伯衡教授家属', anonymous: false, college: 'college-architecture' },
    kind: 'goods',
    showAmount: false,
    colleges: ['college-architecture'],
    cover: img('cover-red-building'),
    excerpt:
      '建筑学院创系主任许伯衡教授去世后，家属在整理遗物时发现了 14 张 1957 年的红楼原始设计图纸，全部捐给了建筑学院。',
    body: `
## 一只铁皮箱

2025 年夏天，许伯衡教授的家属在整理遗物时，在书房的一只铁皮箱里发现了一卷用牛皮纸包着的图纸。打开一看，是 14 张 1957 年的红楼设计图，有平面图、立面图和屋架大样，图签上有许先生年轻时的签名。

## 捐给红楼

家属联系了建筑学院，决定把图纸全部捐给学院。他们说，许先生生前常提起这套图纸，“他一直想把图纸还给红楼，只是没找到合适的时候”。

- 14 张原始图纸已由学院档案室完成修复和扫描；
- 原件在红楼一层“红楼记忆”常设展中轮换展出；
- 高清扫描件已收入建筑学院数字档案馆。

> 这些图纸是无价的，所以我们不给它估价。它们属于红楼。

## 图纸上的发现

修缮团队对照原始图纸，发现红楼三楼东头原本设计有一个天窗，后来施工时取消了。这次修缮，按原图恢复了这扇天窗。如今，三楼专教里多了一束从屋顶照下来的光。
`,
  },
  {
    id: 'story-zheng-siyuan-trade-scholarship',
    title: '郑思远校友设立“外贸实践奖学金”，每年资助20名学生去校友企业',
    publishedAt: '2026-04-02T02:00:00Z',
    project: 'project-minghu-scholarship',
    donor: {
      displayName: '郑思远',
      anonymous: false,
      classYear: 1994,
      college: 'college-economics-management',
    },
    kind: 'money',
    amount: 500_000,
    showAmount: true,
    colleges: ['college-economics-management'],
    cover: img('cover-gathering'),
    excerpt:
      '1994 届国际贸易校友、金融行业校友会会长郑思远捐赠 50 万元，在明湖校友奖学金下设立“外贸实践奖学金”，五年内每年资助 20 名学生。',
    body: `
## 五十万元，五年

3 月 27 日校友大讲堂结束后，郑思远与教育发展基金会签署捐赠协议，捐赠 50 万元，在明湖校友奖学金下设立“外贸实践奖学金”。

## 约定用途

- 每年资助国际经济与贸易专业 20 名学生，每人 5,000 元；
- 获奖学生须在校友企业完成不少于四周的暑期实践；
- 实践结束提交不少于三千字的实践报告，并在第二年给学弟学妹做一次分享。

## 为什么是“实践”

郑思远说，他做了十年外贸跟单员，最清楚书本和现场的差距：

> 信用证、报关、船期，这些东西课堂上讲一遍，不如在港口跟一票货。

首批 20 个实践岗位来自 14 家校友企业，分布在上海、深圳、宁波和广州。申请办法见[经济管理学院校友工作专栏](https://sem.minghu.example/alumni/scholarship/)。
`,
  },
  {
    id: 'story-singapore-books',
    title: '新加坡校友会捐赠640册外文原版书',
    publishedAt: '2025-10-14T02:00:00Z',
    donor: { displayName: '明湖大学新加坡校友会', anonymous: false, college: 'college-foreign-languages' },
    kind: 'goods',
    amount: 38_000,
    showAmount: true,
    colleges: ['college-foreign-languages'],
    cover: img('gallery-books', '新加坡校友会捐赠的外文原版书'),
    excerpt:
      '成立不到一年的新加坡校友会，向母校捐赠 640 册英文原版书，其中一半是会议口译和翻译研究的专业书，总价约 3.8 万元。',
    body: `
## 一张书单

这份书单是新加坡校友会秘书长吴嘉禾和外国语学院的老师一起列的。她问老师：“学生最想要但图书馆没有的书是哪些？”老师发来了一份 300 多本的清单。

## 640 册书

校友会用了两个月，通过会员捐款和二手书捐赠，凑齐了 640 册：

- 会议口译与翻译研究专业书 318 册；
- 英文小说和非虚构作品 247 册；
- 东南亚历史与文化相关图书 75 册。

图书总价约 3.8 万元，海运费由一位在新加坡做物流的校友承担。

> 在新加坡的书店里，我们看到好书就会想：要是母校的学生也能读到就好了。

这批书已入藏北山图书馆新馆二层的校友书房，外国语学院的学生可以优先借阅。
`,
  },
  {
    id: 'story-class-2016-benches',
    title: '毕业十周年，2016届校友在湖边放了十二把长椅',
    publishedAt: '2026-06-30T02:00:00Z',
    project: 'project-75th-fund',
    donor: { displayName: '2016届校友（毕业十周年返校班级）', anonymous: false, classYear: 2016 },
    kind: 'money',
    amount: 26_800,
    showAmount: true,
    cover: img('cover-lake-dawn'),
    excerpt:
      '2016 届校友毕业十周年返校，12 个班级凑了 26,800 元，通过“明湖之约”校友基金，在明湖东岸放了十二把长椅。',
    body: `
## 十二把长椅

6 月 27 日，2016 届校友毕业十周年返校。来自 12 个班级的 180 多位校友，在明湖东岸看到了他们捐赠的十二把木长椅，每把长椅的靠背上都有一块小铜牌，刻着班级名称和一句话。

## 铜牌上的话

每个班级自己决定铜牌上写什么，摘几句：

- “湖边坐一坐，再出发。”——2016 届土木工程 2 班
- “这里曾经有人背过单词，也有人哭过。”——2016 届英语 1 班
- “给晚自习后散步的你。”——2016 届软件工程 3 班

> 我们毕业时什么都没留下，十年后想留一个可以坐下来的地方。

## 捐赠明细

十二把长椅共花费 26,800 元，全部通过 75 周年校庆“明湖之约”校友基金捐赠，按约定用于校园环境改善。长椅由学校后勤部门统一采购和安装，样式与湖边原有的长椅保持一致。
`,
  },
]
