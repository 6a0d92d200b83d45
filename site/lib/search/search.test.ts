import { describe, expect, it } from 'vitest'
import { ByteBatch, unpackBytes, type PackedBytes } from './byteBatch.ts'
import { decodeBucket, encodeBucket, encodeEncodedBucket } from './indexFormat.ts'
import { pageSinkInRequestOrder } from './pageSink.ts'
import { pageText } from './pageText.ts'
import { hanKey, PostingPool } from './postingPool.ts'
import { rankDocuments } from './rank.ts'
import {
  bucketOf,
  countTokens,
  filterToken,
  isWordCharacter,
  normalizeText,
  planQuery,
  textMatches,
  tokensOfPlan,
} from './tokens.ts'

describe('countTokens', () => {
  it('counts every Han character and every adjacent pair, and whole lower-cased words', () => {
    expect(Object.fromEntries(countTokens(normalizeText('深圳校友，AI创业 ai')))).toEqual({
      深: 1,
      圳: 1,
      校: 1,
      友: 1,
      深圳: 1,
      圳校: 1,
      校友: 1,
      创: 1,
      业: 1,
      创业: 1,
      ai: 2,
    })
  })

  it('does not pair characters across punctuation or letters, and splits by code point', () => {
    const tokens = countTokens(normalizeText('校友。会 A友𠀀'))
    expect(tokens.has('友会')).toBe(false)
    expect(tokens.has('友𠀀')).toBe(true)
  })
})

describe('planQuery', () => {
  it('keeps Han runs whole and other words apart, normalized', () => {
    expect(planQuery('深圳校友会')).toEqual({ phrases: ['深圳校友会'], words: [] })
    expect(planQuery('ＡＩ　创业！')).toEqual({ phrases: ['创业'], words: ['ai'] })
    expect(planQuery('AI创业')).toEqual({ phrases: ['创业'], words: ['ai'] })
    expect(planQuery('139-0000-7731')).toEqual({ phrases: [], words: ['139', '0000', '7731'] })
    expect(planQuery('  ，。!? ')).toBeUndefined()
  })

  it('splits Han runs into the words it is given for the looser plan', () => {
    const words = (run: string) => (run === '深圳的校友会' ? ['深圳', '的', '校友会'] : [run])
    expect(planQuery('深圳的校友会', words)).toEqual({ phrases: ['深圳', '的', '校友会'], words: [] })
  })

  it('cuts a pasted paragraph to the maximum query length', () => {
    expect(planQuery('校'.repeat(500))!.phrases[0]).toHaveLength(48)
  })

  it('asks the index for each pair of a phrase, a lone character, and each word', () => {
    expect(tokensOfPlan(planQuery('明湖二桥 张 2008')!)).toEqual(['明湖', '湖二', '二桥', '张', '2008'])
  })
})

describe('isWordCharacter', () => {
  it('is true for letters and digits that are not Han, the characters a word is made of', () => {
    expect(['a', 'Z', '7', 'é'].map(isWordCharacter)).toEqual([true, true, true, true])
    expect(['创', '，', ' ', '-', undefined].map(isWordCharacter)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })
})

describe('textMatches', () => {
  const text = normalizeText('罗一鸣在深圳开始 AI创业，也讲 MAIL 与 2008 届。')
  it('requires each phrase as written and each word whole', () => {
    expect(textMatches(text, planQuery('深圳开始')!)).toBe(true)
    expect(textMatches(text, planQuery('AI 创业')!)).toBe(true)
    expect(textMatches(text, planQuery('2008届')!)).toBe(true)
    // Every pair of 深圳创业 is absent, but 深圳 开始 创业 are each there: the phrase is not.
    expect(textMatches(text, planQuery('一鸣创业')!)).toBe(false)
    expect(textMatches(text, planQuery('mai')!)).toBe(false)
    expect(textMatches(text, planQuery('200')!)).toBe(false)
  })
})

describe('buckets', () => {
  it('round-trip the postings of the wanted tokens and skip the rest', () => {
    const encoded = encodeBucket([
      ['校友', [0 * 256 + 1, 5 * 256 + 2, 300 * 256 + 255, 70000 * 256 + 31]],
      ['ai', [3 * 256 + 7]],
    ])
    expect(Object.fromEntries(decodeBucket(encoded, new Set(['校友', '深圳'])))).toEqual({
      校友: { ids: [0, 5, 300, 70000], weights: [1, 2, 255, 31] },
    })
    expect(() => decodeBucket(encoded.subarray(0, encoded.length - 2), new Set(['ai']))).toThrow(/cut short/)
  })

  it('are chosen the same way for the same token, and filters never collide with text tokens', () => {
    expect(bucketOf('校友', 97)).toBe(bucketOf('校友', 97))
    // Spread evenly enough that no bucket is much bigger than the average (32 tokens here).
    const sizes = new Array<number>(64).fill(0)
    for (let code = 0x4e00; code < 0x4e00 + 2048; code++)
      sizes[bucketOf(String.fromCodePoint(code, code + 1), 64)]!++
    expect(Math.min(...sizes)).toBeGreaterThan(12)
    expect(Math.max(...sizes)).toBeLessThan(60)
    expect(filterToken('type', '校友会')).toBe('type=校友会')
    expect(countTokens(normalizeText('type=校友会')).has('type=校友会')).toBe(false)
  })
})

describe('rankDocuments', () => {
  const list = (ids: number[], weights: number[], scored = true) => ({ postings: { ids, weights }, scored })
  it('keeps documents in every list, best first, the lower number (the page rendered first) on ties', () => {
    const title = 7 << 5
    expect(
      rankDocuments(10, [list([1, 2, 3, 4], [31, 31, 5 | title, 31]), list([2, 3, 4, 9], [31, 31, 5, 31])]),
    ).toEqual([3, 2, 4])
    expect(rankDocuments(10, [list([1, 2], [1, 31]), list([1, 2, 3], [0, 0, 0], false)])).toEqual([2, 1])
    expect(rankDocuments(10, [list([1], [1]), list([2], [1])])).toEqual([])
  })
})

describe('pageText', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><header>站内搜索</header>${body}<footer>页脚</footer></body></html>`

  it('skips pages without data-search-body', () => {
    expect(pageText(page('<main><h1>首页</h1></main>'))).toBeUndefined()
  })

  it('reads the marked element only: text, meta, filters, subheadings, sort date', () => {
    const text = pageText(
      page(
        '<article data-search-body><h1 data-search-meta="title">走进&#8220;张伟&#x201D;的<em>工作室</em></h1>' +
          '<time datetime="2026-03-01T02:00:00Z" data-search-meta="date">2026年3月1日</time>' +
          '<span hidden data-search-filter="type" data-search-meta="type" data-search-ignore>校友风采</span>' +
          '<span hidden data-search-filter="college" data-search-ignore>建筑学院</span>' +
          '<span hidden data-search-filter="college" data-search-ignore>土木工程学院</span>' +
          '<span data-search-ignore>阅读约 3 分钟</span><div data-search-ignore><p>分享</p></div>' +
          '<p>访问<a href="/x/" title="隐藏的标题">张伟</a>，&amp; 图<img alt="替代文字" src="/a.jpg"></p><h2>城中村</h2>' +
          '<script>var s = "<p>脚本</p>"</script><!-- 注释 --><p>最后一段</p></article><aside>侧栏</aside>',
      ),
    )!
    expect(text.title).toBe('走进“张伟”的工作室')
    expect(text.meta).toEqual({ title: text.title, date: '2026年3月1日', type: '校友风采' })
    expect(text.date).toBe('2026-03-01T02:00:00Z')
    expect(text.filters).toEqual({ type: ['校友风采'], college: ['建筑学院', '土木工程学院'] })
    expect(text.headings).toBe('城中村')
    expect(text.text.split('\n')).toEqual([
      text.title,
      '2026年3月1日',
      '访问张伟，& 图',
      '城中村',
      '最后一段',
    ])
  })
})

describe('PostingPool', () => {
  it('keeps each token’s postings in order, encoded as the bucket stores them, across blocks and pool segments', () => {
    const pool = new PostingPool()
    // 150,000 one-posting tokens fill more than one 1 MB segment; 校友 then spans many growing blocks after them.
    for (let i = 0; i < 150_000; i++) pool.add(pool.idOf(`t${i}`), i, 1)
    const id = pool.idOf('校友')
    for (let i = 0; i < 1000; i++) pool.add(id, i * 200, i % 256)
    expect(pool.size).toBe(150_001)
    expect(pool.idOf('校友', false)).toBe(id)
    expect(pool.idOf('校', false)).toBe(-1)
    expect(pool.tokenAt(id)).toBe('校友')
    expect(pool.countAt(id)).toBe(1000)
    const [decoded] = decodeBucket(encodeEncodedBucket([['校友', id]], pool), new Set(['校友']))
      .values()
      .toArray()
    expect(decoded).toEqual({
      ids: Array.from({ length: 1000 }, (_, i) => i * 200),
      weights: Array.from({ length: 1000 }, (_, i) => i % 256),
    })
    expect([...pool.encodedPostings(pool.idOf('t149999'))]).toEqual([...encodeVarint(150_000), 1])
  })

  it('gives a BMP Han token the same id by its text and by its key, and other tokens their own', () => {
    const pool = new PostingPool()
    const pair = pool.idOfHan(hanKey('校'.charCodeAt(0), '友'.charCodeAt(0)))
    expect(pool.idOf('校友')).toBe(pair)
    expect(pool.idOf('校')).toBe(pool.idOfHan('校'.charCodeAt(0)))
    expect(
      new Set([pair, pool.idOf('校'), pool.idOf('𠀀'), pool.idOf('ai'), pool.idOf('type=校友会')]).size,
    ).toBe(5)
    expect(['校友', '校', '𠀀', 'ai'].map((token) => pool.tokenAt(pool.idOf(token)))).toEqual([
      '校友',
      '校',
      '𠀀',
      'ai',
    ])
  })
})

function encodeVarint(value: number): number[] {
  const bytes: number[] = []
  for (; value >= 0x80; value = Math.floor(value / 128)) bytes.push((value & 0x7f) | 0x80)
  return [...bytes, value]
}

describe('ByteBatch', () => {
  it('hands over every entry once, in order, in batches of about the threshold, empty and oversized ones included', () => {
    const sent: PackedBytes[] = []
    const batch = new ByteBatch(8, (packed) => sent.push(packed))
    const entries: Array<[string, Uint8Array]> = [
      ['a', new Uint8Array([1, 2, 3])],
      ['empty', new Uint8Array(0)],
      ['b', new Uint8Array([4, 5, 6, 7, 8])],
      ['big', new Uint8Array(40).fill(9)],
      ['c', new Uint8Array([10])],
    ]
    for (const [name, bytes] of entries) batch.add(name, bytes)
    expect(sent.map((packed) => packed.names)).toEqual([['a', 'empty', 'b'], ['big']])
    batch.flush()
    batch.flush()
    expect(sent.map((packed) => packed.names)).toEqual([['a', 'empty', 'b'], ['big'], ['c']])
    expect(sent.flatMap((packed) => [...unpackBytes(packed)])).toEqual(entries)
  })
})

describe('pageSinkInRequestOrder', () => {
  it('hands pages on in the order their requests started, whatever order they finish in', () => {
    const received: string[] = []
    const sink = pageSinkInRequestOrder((url, html) => received.push(`${url}:${html.length}`))
    const [first, second, third, fourth, fifth] = [1, 2, 3, 4, 5].map(() => sink.reserve())
    sink.add(third!, '/c/', new Uint8Array(3))
    sink.add(second!, '/b/', new Uint8Array(2))
    expect(received).toEqual([])
    sink.add(first!, '/a/', new Uint8Array(1))
    expect(received).toEqual(['/a/:1', '/b/:2', '/c/:3'])
    sink.add(fifth!, '/e/', new Uint8Array(5))
    sink.skip(fourth!)
    expect(received).toEqual(['/a/:1', '/b/:2', '/c/:3', '/e/:5'])
  })
})
