import { img, type CollegeInput } from '../lib/types.ts'

/** The nine colleges that run their own 校友工作专栏. Contacts are the colleges' public alumni desks. */
export const colleges: CollegeInput[] = [
  {
    id: 'college-architecture',
    name: '建筑学院',
    shortName: '建院',
    order: 1,
    cover: img('cover-red-building', '建筑学院所在的红楼：红砖墙、白色拱窗与深色坡屋顶'),
    description:
      '建筑学院的前身是 1985 年成立的建筑学系，设建筑学、城乡规划、风景园林三个本科专业，建筑学为五年制。学院从建系起就在湖滨校区红楼办学，红楼本身就是全校年纪最大的教学楼。四十年来走出了四千余名校友，多数在设计院、事务所和规划部门工作，深圳、上海、广州三地最为集中。学院校友会每年 5 月举办校友返校日，毕业设计评图向校友开放。',
    contact: {
      email: 'arch-alumni@minghu.example',
      phone: '0000-8860 2101',
      address: '明湖大学湖滨校区红楼 112 室',
      url: 'https://arch.minghu.example/alumni/',
    },
  },
  {
    id: 'college-civil',
    name: '土木工程学院',
    shortName: '土木',
    order: 2,
    cover: img('cover-bridge', '一座四孔石拱桥横跨河面：土木工程学院的桥梁专业在校友中最有名'),
    description:
      '学校最早的系科之一，1952 年建校时的“工业与民用建筑”专业就设在这里。现有土木工程、道路桥梁与渡河工程、工程管理、智能建造四个本科专业和结构工程博士点。老校友习惯称它“工民建”，恢复高考后的 78 级、79 级校友如今大多已经退休，但每年清明前后仍会结伴回校。',
    contact: {
      email: 'civil-alumni@minghu.example',
      phone: '0000-8860 2201',
      address: '明湖大学湖滨校区土木楼 208 室',
    },
  },
  {
    id: 'college-cs-ai',
    name: '计算机与人工智能学院',
    shortName: '计算机',
    order: 3,
    cover: img('cover-circuit', '深蓝背景上的电路纹路和发光节点，代表计算机与人工智能学院'),
    description:
      '2024 年 10 月由原计算机科学与技术学院更名而来，设计算机科学与技术、软件工程、人工智能、数据科学与大数据技术四个本科专业。学院在北山校区信息楼办学，校友集中在深圳、北京、上海、杭州的互联网与人工智能企业。学院与互联网与人工智能行业校友会共建“AI+X”学生创新实验室，校友导师每学期带队参加学生项目。',
    contact: {
      email: 'csai-alumni@minghu.example',
      phone: '0000-8860 2301',
      address: '明湖大学北山校区信息楼 A 座 402 室',
      url: 'https://csai.minghu.example/alumni/',
    },
  },
  {
    id: 'college-economics-management',
    name: '经济管理学院',
    shortName: '经管',
    order: 4,
    cover: img('cover-gathering', '长桌旁交流的人群剪影，代表经济管理学院的校友沙龙'),
    description:
      '设国际经济与贸易、金融学、会计学、工商管理、物流管理五个本科专业，另有 MBA 和 MPAcc 专业学位项目。MBA 项目 2003 年开办，至今毕业二十二届，校友中有不少人在上海、深圳的金融机构任职。学院与金融行业校友会合办“湖畔金融沙龙”，每学期请校友回来讲一次行业。',
    contact: {
      email: 'sem-alumni@minghu.example',
      phone: '0000-8860 2401',
      address: '明湖大学北山校区经管楼 316 室',
    },
  },
  {
    id: 'college-literature-journalism',
    name: '文学与新闻传播学院',
    shortName: '文新',
    order: 5,
    cover: img('cover-books', '摆满书的三层木书架，代表文学与新闻传播学院'),
    description:
      '由 1981 年学校更名为明湖大学时设立的中文系发展而来，现设汉语言文学、新闻学、网络与新媒体、汉语国际教育四个本科专业。学院的《湖声》学生报已经办了四十一年，许多校友的第一篇新闻就登在上面。校友多在媒体、出版、中小学和政府宣传部门工作，北京校友会里文新校友占了近三成。',
    contact: {
      email: 'wenxin-alumni@minghu.example',
      phone: '0000-8860 2501',
      address: '明湖大学湖滨校区文科楼 505 室',
    },
  },
  {
    id: 'college-mechanical',
    name: '机械工程学院',
    shortName: '机械',
    order: 6,
    cover: img('cover-workshop', '智能车间里的齿轮、机械臂和传送带，代表机械工程学院'),
    description:
      '设机械设计制造及其自动化、车辆工程、机器人工程、测控技术与仪器四个本科专业。学院的金工实习车间从建校用到现在，几乎每位理工科校友都在那里锉过一把小锤子。校友在长三角、珠三角和长株潭的装备制造企业中分布很广，近年来做工业互联网、5G 专网和 IoT 改造的年轻校友越来越多。',
    contact: {
      email: 'me-alumni@minghu.example',
      phone: '0000-8860 2601',
      address: '明湖大学北山校区机械楼 118 室',
    },
  },
  {
    id: 'college-art-design',
    name: '艺术设计学院',
    shortName: '艺设',
    order: 7,
    cover: img('cover-design', '红黄蓝几何色块，代表艺术设计学院'),
    description:
      '2001 年成立，设视觉传达设计、环境设计、产品设计、数字媒体艺术四个本科专业。每年 6 月的毕业设计展在北山校区美术馆举办，展期两周，向校友和市民开放。校友在上海、深圳、杭州的设计公司和品牌部门较多，也有不少人开了自己的工作室。',
    contact: {
      email: 'design-alumni@minghu.example',
      phone: '0000-8860 2701',
      address: '明湖大学北山校区艺术楼 201 室',
    },
  },
  {
    id: 'college-chem-materials',
    name: '化学与材料学院',
    shortName: '化材',
    order: 8,
    cover: img('cover-library', '玻璃体块组成的现代建筑，代表化学与材料学院所在的北山校区'),
    description:
      '设应用化学、材料科学与工程、新能源材料与器件、化学工程与工艺四个本科专业，材料学为省级重点学科。学院与成都、宜宾、常州等地的新能源企业有长期合作，不少实习基地就设在校友企业里。学院校友工作专栏每月更新一次“化材人在哪里”。',
    contact: {
      email: 'chem-alumni@minghu.example',
      phone: '0000-8860 2801',
      address: '明湖大学北山校区化学楼 309 室',
    },
  },
  {
    id: 'college-foreign-languages',
    name: '外国语学院',
    shortName: '外院',
    order: 9,
    cover: img('cover-singapore-bay', '黄昏中的海湾城市与摩天轮，代表外国语学院遍布海外的校友'),
    description:
      '设英语、日语、翻译三个本科专业和翻译硕士（MTI）项目。学院是海外校友最多的学院之一，新加坡、伦敦、悉尼、东京都有外院校友的联络人。每年 11 月的“外院之夜”由在校生和校友同台演出，线上直播的观众有一半在海外。',
    contact: {
      email: 'sfl-alumni@minghu.example',
      phone: '0000-8860 2901',
      address: '明湖大学湖滨校区外语楼 210 室',
    },
  },
]
