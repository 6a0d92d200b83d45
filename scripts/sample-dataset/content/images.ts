/**
 * Every image in the sample dataset: what it shows (default alt text) and how it is painted.
 * Keys are used by the other content modules (`img('cover-lake-dawn')`, `![](cover-lake-dawn)` in bodies).
 * Sizes follow the dataset brief: covers 1600×900, portraits 600×800, gallery 1200×800,
 * QR codes 400×400 PNG, logo 512×512 PNG.
 */
import * as s from '../lib/scenes.ts'

export interface ImageSpec {
  key: string
  alt: string
  format: 'jpg' | 'png'
  svg: () => string
}

export const images: ImageSpec[] = [
  // Logo and QR codes
  {
    key: 'logo',
    alt: '明湖大学校友总会标志：湖蓝色圆形徽章，中间是钟楼剪影，下方是层层湖波',
    format: 'png',
    svg: () => s.logo({ ring: '#1f5a7a', inner: '#2c7aa0', light: '#f3ead8' }),
  },
  {
    key: 'qr-site-wechat',
    alt: '明湖大学校友总会微信公众号二维码，中心有湖波图标',
    format: 'png',
    svg: () => s.qrLike('qr-site-wechat', { fg: '#16303f', bg: '#ffffff', center: '#1f5a7a' }),
  },
  {
    key: 'qr-shenzhen',
    alt: '深圳校友会微信公众号二维码',
    format: 'png',
    svg: () => s.qrLike('qr-shenzhen', { fg: '#1d1d1b', bg: '#ffffff', center: '#c2410c' }),
  },
  {
    key: 'qr-singapore',
    alt: '新加坡校友会企业微信群二维码',
    format: 'png',
    svg: () => s.qrLike('qr-singapore', { fg: '#222222', bg: '#ffffff', center: '#b91c1c' }),
  },
  {
    key: 'qr-architecture',
    alt: '建筑学院校友会微信公众号二维码',
    format: 'png',
    svg: () => s.qrLike('qr-architecture', { fg: '#2b1d16', bg: '#fffdf8', center: '#9a3b24' }),
  },
  {
    key: 'qr-cs-ai',
    alt: '计算机与人工智能学院校友会企业微信二维码',
    format: 'png',
    svg: () => s.qrLike('qr-cs-ai', { fg: '#0f172a', bg: '#ffffff', center: '#4f46e5' }),
  },

  // Covers 1600×900
  {
    key: 'cover-lake-dawn',
    alt: '晨光中的明湖：粉橙色天空下，远处北山层叠，湖面泛着细碎的波光，岸边有一座小亭子',
    format: 'jpg',
    svg: () =>
      s.lakeAndHills('cover-lake-dawn', {
        sky: ['#f7c9a9', '#f4a88a', '#c9a3c4'],
        sun: '#fff1d6',
        hills: ['#9d8bb0', '#6f6690', '#4b4a6e'],
        water: ['#b7a2c2', '#5c5b86'],
      }),
  },
  {
    key: 'cover-clock-tower',
    alt: '湖滨校区天际线：中央是尖顶钟楼，两侧是亮着灯的教学楼和一排行道树',
    format: 'jpg',
    svg: () =>
      s.campusSkyline('cover-clock-tower', {
        sky: ['#8fc1e3', '#d9ecf5'],
        far: '#a9c4d6',
        near: '#3d5a73',
        accent: '#1f5a7a',
        lit: '#ffe3a3',
      }),
  },
  {
    key: 'cover-red-building',
    alt: '红楼立面：红砖墙、两排白色拱形窗和深色坡屋顶，楼前两侧是大树',
    format: 'jpg',
    svg: () =>
      s.brickFacade('cover-red-building', {
        sky: ['#bcd7e8', '#eef4f6'],
        brick: '#a4432f',
        trim: '#efe6d6',
        roof: '#3b3433',
        leaf: '#4f7d45',
      }),
  },
  {
    key: 'cover-ginkgo',
    alt: '秋天的银杏大道：一条路伸向远方，两侧金黄的银杏树冠，地上铺满落叶',
    format: 'jpg',
    svg: () =>
      s.avenue('cover-ginkgo', {
        sky: ['#a7cbe0', '#f3e6c4'],
        leaf: ['#f2b705', '#f5c842', '#e59a0b', '#f7d774'],
        road: '#b9a589',
        ground: '#d8c07a',
      }),
  },
  {
    key: 'cover-library',
    alt: '北山校区新图书馆：三个高低错落的玻璃体块，前面是映出楼影的浅水池',
    format: 'jpg',
    svg: () =>
      s.glassBuilding('cover-library', {
        sky: ['#cfe3ee', '#f7f4ec'],
        glass: ['#6fa3bf', '#2f6684'],
        frame: '#e9eef0',
        pool: '#7fa9bd',
      }),
  },
  {
    key: 'cover-shenzhen-bay',
    alt: '深圳湾夜景：海湾对岸高楼林立、窗口亮灯，近处一座跨海大桥，水面映着灯光',
    format: 'jpg',
    svg: () =>
      s.cityBay('cover-shenzhen-bay', {
        sky: ['#0b1633', '#2a2f63', '#6b4a7c'],
        towers: ['#1c2547', '#242e57', '#2e3966'],
        lit: '#ffd27a',
        water: '#0d1a33',
        bridge: true,
      }),
  },
  {
    key: 'cover-singapore-bay',
    alt: '海湾城市的黄昏：摩天轮与一排高楼，天空从橙色过渡到紫色',
    format: 'jpg',
    svg: () =>
      s.cityBay('cover-singapore-bay', {
        sky: ['#3b2a5c', '#a14f6d', '#f29e6d'],
        towers: ['#2e2544', '#3a2f55', '#463a63'],
        lit: '#ffe0a8',
        water: '#2a2140',
        wheel: true,
      }),
  },
  {
    key: 'cover-books',
    alt: '三层木书架，摆满颜色各异的书，个别书斜靠在架上',
    format: 'jpg',
    svg: () =>
      s.bookshelf('cover-books', {
        wall: ['#f3ece0', '#e4d6bf'],
        wood: '#7a5233',
        spines: ['#1f5a7a', '#a4432f', '#d9a43a', '#3d6b4f', '#6b4c7a', '#e7dcc7', '#2e2e3a'],
      }),
  },
  {
    key: 'cover-circuit',
    alt: '深蓝背景上的电路纹路与发光节点，中间一块芯片，象征人工智能与物联网',
    format: 'jpg',
    svg: () =>
      s.circuit('cover-circuit', {
        bg: ['#0b1026', '#1b1f4b'],
        line: '#4cc9f0',
        node: '#7df9ff',
        glow: '#4361ee',
      }),
  },
  {
    key: 'cover-bridge',
    alt: '一座四孔石拱桥横跨河面，背后是青色山峦',
    format: 'jpg',
    svg: () =>
      s.bridge('cover-bridge', {
        sky: ['#dfe9e4', '#f5efe2'],
        stone: '#a39a8c',
        hills: '#8fae9c',
        water: ['#7aa3a8', '#3e6b73'],
      }),
  },
  {
    key: 'cover-graduation',
    alt: '空中飞起的学位帽和彩色纸屑，背景是明亮的蓝天',
    format: 'jpg',
    svg: () =>
      s.graduation('cover-graduation', {
        sky: ['#5aa9e6', '#bde0fe'],
        cap: '#1d1d2c',
        tassel: '#f2b705',
        confetti: ['#ff6b6b', '#ffd166', '#06d6a0', '#ffffff', '#9b5de5'],
      }),
  },
  {
    key: 'cover-gathering',
    alt: '校友聚会的抽象画面：暖色灯串下，一排人坐在长桌后，桌上摆着杯子和餐盘',
    format: 'jpg',
    svg: () =>
      s.gathering('cover-gathering', {
        wall: ['#3b2a2a', '#6e4b3a'],
        table: '#b07a4f',
        bulb: '#ffd58a',
        people: ['#2e4a62', '#7a3b3b', '#3f5e45', '#5b4a78', '#a0673a'],
      }),
  },
  {
    key: 'cover-trail',
    alt: '山间步道：层层绿色山坡，一条小路蜿蜒向上，几位登山者正在行走',
    format: 'jpg',
    svg: () =>
      s.trail('cover-trail', {
        sky: ['#bfe3f2', '#f0f7ee'],
        hills: ['#a6c9a0', '#77a86f', '#4f8a4c'],
        path: '#d9c8a4',
        hikers: ['#e4572e', '#2e86ab', '#f3a712', '#6a4c93'],
      }),
  },
  {
    key: 'cover-workshop',
    alt: '智能车间：大小齿轮、橙色机械臂、传送带上的货箱，右侧是发出信号波纹的天线',
    format: 'jpg',
    svg: () =>
      s.workshop('cover-workshop', {
        bg: ['#233142', '#455d7a'],
        metal: '#aab7c4',
        accent: '#f28c28',
        signal: '#7fdbff',
      }),
  },
  {
    key: 'cover-design',
    alt: '包豪斯风格的几何色块：红、黄、蓝的圆形、三角形与矩形交错叠放',
    format: 'jpg',
    svg: () =>
      s.bauhaus('cover-design', {
        bg: '#f2ead8',
        colors: ['#d7263d', '#f4c430', '#1b4f8a', '#1d1d1b', '#2e8b57'],
      }),
  },

  // Portraits 600×800 (illustrations, never photographs of real people)
  {
    key: 'portrait-zhang-wei',
    alt: '张伟的插画肖像：赭石色背景前，短发、戴眼镜、穿深灰西装的人物半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-zhang-wei', {
        bg: ['#d9a066', '#8c5a3c'],
        coat: '#3a3f47',
        skin: '#e3bd98',
        hair: '#1f1a17',
        shirt: '#f4f1ea',
        style: 'short',
        glasses: true,
      }),
  },
  {
    key: 'portrait-luo-yiming',
    alt: '罗一鸣的插画肖像：深蓝紫渐变背景前，寸头、穿藏青色连帽衫的人物半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-luo-yiming', {
        bg: ['#3a0ca3', '#4cc9f0'],
        coat: '#1b263b',
        skin: '#e8c4a0',
        hair: '#111111',
        style: 'crop',
      }),
  },
  {
    key: 'portrait-wang-shuhua',
    alt: '王淑华的插画肖像：浅青色背景前，银白短发、穿米色外套的年长女性半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-wang-shuhua', {
        bg: ['#b8d8d8', '#7a9e9f'],
        coat: '#c8b79a',
        skin: '#e6c3a1',
        hair: '#bdbab5',
        shirt: '#ffffff',
        style: 'grey',
        glasses: true,
      }),
  },
  {
    key: 'portrait-chen-jianguo',
    alt: '陈建国的插画肖像：暖灰背景前，短发、穿藏蓝工装夹克的人物半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-chen-jianguo', {
        bg: ['#c9c1b6', '#7d7368'],
        coat: '#26374f',
        skin: '#d9ad86',
        hair: '#3a3a3a',
        style: 'short',
      }),
  },
  {
    key: 'portrait-li-wanqing',
    alt: '李婉清的插画肖像：酒红色背景前，盘发、穿黑色外套的女性半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-li-wanqing', {
        bg: ['#8e2f45', '#d77a61'],
        coat: '#1d1d1f',
        skin: '#efcfb0',
        hair: '#2a1f1b',
        shirt: '#eae2d6',
        style: 'bun',
      }),
  },
  {
    key: 'portrait-zheng-siyuan',
    alt: '郑思远的插画肖像：墨绿色背景前，短发、戴眼镜、穿藏青西装系浅色衬衫的人物半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-zheng-siyuan', {
        bg: ['#1e4d45', '#6ba292'],
        coat: '#1f2a44',
        skin: '#e1b995',
        hair: '#1a1a1a',
        shirt: '#dfe8f2',
        style: 'short',
        glasses: true,
      }),
  },
  {
    key: 'portrait-tang-haoran',
    alt: '唐浩然的插画肖像：灰蓝背景前，短发、穿浅灰毛衣的人物半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-tang-haoran', {
        bg: ['#5c6f82', '#b5c4d1'],
        coat: '#8e9aa6',
        skin: '#e2bc97',
        hair: '#222222',
        style: 'short',
      }),
  },
  {
    key: 'portrait-ouyang-fei',
    alt: '欧阳菲的插画肖像：明黄色背景前，长发、穿砖红色外套的女性半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-ouyang-fei', {
        bg: ['#f4c430', '#f08a4b'],
        coat: '#b23a2b',
        skin: '#f0d0b0',
        hair: '#241a16',
        style: 'long',
      }),
  },
  {
    key: 'portrait-wu-jiahe',
    alt: '吴嘉禾的插画肖像：珊瑚粉背景前，长发、穿白衬衫和浅蓝外套的女性半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-wu-jiahe', {
        bg: ['#f6a6a0', '#f7d9c4'],
        coat: '#7aa6c2',
        skin: '#f1d2b3',
        hair: '#1c1411',
        shirt: '#ffffff',
        style: 'long',
        glasses: true,
      }),
  },
  {
    key: 'portrait-sun-qi',
    alt: '孙琪的插画肖像：湖绿色背景前，短发、穿橙色工装外套的年轻女性半身剪影',
    format: 'jpg',
    svg: () =>
      s.portrait('portrait-sun-qi', {
        bg: ['#2a9d8f', '#a8dadc'],
        coat: '#e76f51',
        skin: '#efcaa5',
        hair: '#231915',
        style: 'crop',
      }),
  },

  // Gallery 1200×800
  {
    key: 'gallery-group-photo',
    alt: '校友合影：三排人物站在蓝色横幅前，前排坐着几位白发老校友',
    format: 'jpg',
    svg: () =>
      s.groupPhoto('gallery-group-photo', {
        bg: ['#e8eef2', '#cfd9e0'],
        banner: '#1f5a7a',
        coats: ['#2e4a62', '#7a3b3b', '#3f5e45', '#5b4a78', '#1d1d1f', '#a0673a'],
      }),
  },
  {
    key: 'gallery-group-red',
    alt: '年会合影：众人站在红色背景板前，前排有人举着鲜花',
    format: 'jpg',
    svg: () =>
      s.groupPhoto('gallery-group-red', {
        bg: ['#f6e7d8', '#efd3bd'],
        banner: '#b3202a',
        coats: ['#1d1d1f', '#3a3f47', '#f0e6d2', '#7a3b3b', '#24476b'],
      }),
  },
  {
    key: 'gallery-lecture',
    alt: '讲座现场：台上一人站在讲台旁，大屏幕上是幻灯片，台下几排听众',
    format: 'jpg',
    svg: () =>
      s.lectureHall('gallery-lecture', {
        wall: ['#2d2a32', '#4a4453'],
        screen: '#2f6684',
        stage: '#6b4b32',
        seats: ['#8c2f39', '#7a2631'],
      }),
  },
  {
    key: 'gallery-hike',
    alt: '登山活动：校友们沿着绿色山坡上的小路向上走',
    format: 'jpg',
    svg: () =>
      s.trail(
        'gallery-hike',
        {
          sky: ['#cde7f0', '#fdf6e3'],
          hills: ['#9cc5a1', '#5f9e6e', '#3a7150'],
          path: '#e0cfa9',
          hikers: ['#d62828', '#003049', '#f77f00', '#fcbf49'],
        },
        1200,
        800,
      ),
  },
  {
    key: 'gallery-lanterns',
    alt: '夜色中的一串红灯笼，远处是一轮明月',
    format: 'jpg',
    svg: () =>
      s.lanterns('gallery-lanterns', { sky: ['#0f1b3d', '#3b2557'], lantern: '#d62828', glow: '#ffb703' }),
  },
  {
    key: 'gallery-football',
    alt: '俯瞰绿茵球场：两队球员分列两侧，白线清晰，中间是足球',
    format: 'jpg',
    svg: () =>
      s.pitch('gallery-football', { grass: ['#3f8f3a', '#4aa043'], teamA: '#1f5a7a', teamB: '#c0392b' }),
  },
  {
    key: 'gallery-planting',
    alt: '植树现场：一排新栽的小树苗，树下是新翻的泥土，旁边立着一把铁锹',
    format: 'jpg',
    svg: () =>
      s.planting('gallery-planting', {
        sky: ['#d6ecf3', '#fbf7ea'],
        soil: '#8a6240',
        leaf: ['#6ab04c', '#badc58', '#2f8f46'],
      }),
  },
  {
    key: 'gallery-books',
    alt: '捐赠图书：几摞颜色各异的书叠放在地上，右边是一只纸箱',
    format: 'jpg',
    svg: () =>
      s.bookStack('gallery-books', {
        wall: ['#f5efe6', '#e6d9c6'],
        books: ['#1f5a7a', '#a4432f', '#d9a43a', '#3d6b4f', '#6b4c7a', '#e8e2d6'],
        box: '#c49a6c',
      }),
  },
  {
    key: 'gallery-roundtable',
    alt: '座谈会：灯串下一排人坐在长桌后交流，桌上摆着茶杯',
    format: 'jpg',
    svg: () =>
      s.gathering(
        'gallery-roundtable',
        {
          wall: ['#e9e4da', '#cfc4b3'],
          table: '#8a5a3b',
          bulb: '#fff2c6',
          people: ['#24476b', '#3a3f47', '#7a3b3b', '#566b3a'],
        },
        1200,
        800,
      ),
  },
]
