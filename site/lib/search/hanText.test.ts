import { describe, expect, it } from 'vitest'
import { planSearch, separateHanCharacters, withoutWordBoundaries, WORD_BOUNDARY } from './hanText.ts'
import { htmlForIndex } from './indexHtml.ts'

const B = WORD_BOUNDARY

describe('separateHanCharacters', () => {
  it('puts a boundary between adjacent Han characters and nowhere else', () => {
    expect(separateHanCharacters('深圳校友会2026年会，AI创业')).toBe(
      `深${B}圳${B}校${B}友${B}会2026年${B}会，AI创${B}业`,
    )
    expect(separateHanCharacters('Alumni news 2026')).toBe('Alumni news 2026')
  })

  it('is undone by withoutWordBoundaries', () => {
    const text = '明湖大学建筑学院 AI 创业'
    expect(withoutWordBoundaries(separateHanCharacters(text))).toBe(text)
  })
})

describe('planSearch', () => {
  it('asks for every character, and for each Chinese run as one exact phrase', () => {
    expect(planSearch('深圳校友会')).toEqual({ terms: '深 圳 校 友 会', exact: ['"深 圳 校 友 会"'] })
    expect(planSearch('张')).toEqual({ terms: '张', exact: ['"张"'] })
  })

  it('requires Latin words and digits whole and lower-cased, after the Chinese phrases', () => {
    expect(planSearch('AI 创业')).toEqual({ terms: 'ai 创 业', exact: ['"创 业"', '"ai"'] })
    expect(planSearch('AI创业')).toEqual({ terms: 'ai 创 业', exact: ['"创 业"', '"ai"'] })
    expect(planSearch('2008届')).toEqual({ terms: '2008 届', exact: ['"届"', '"2008"'] })
    expect(planSearch('139-0000-7731')).toEqual({
      terms: '139 0000 7731',
      exact: ['"139"', '"0000"', '"7731"'],
    })
  })

  it('treats full-width letters, punctuation and spaces as a reader means them', () => {
    expect(planSearch('ＡＩ　创业！')).toEqual({ terms: 'ai 创 业', exact: ['"创 业"', '"ai"'] })
    expect(planSearch('“张伟”')).toEqual({ terms: '张 伟', exact: ['"张 伟"'] })
  })

  it('returns nothing for a query without letters or digits', () => {
    expect(planSearch('  ，。!? ')).toBeUndefined()
  })

  it('splits Chinese runs into the words it is given for the looser plan', () => {
    const words = (run: string) => (run === '深圳的校友会' ? ['深圳', '的', '校友会'] : [run])
    expect(planSearch('深圳的校友会', words)).toEqual({
      terms: '深 圳 的 校 友 会',
      exact: ['"深 圳"', '"的"', '"校 友 会"'],
    })
  })

  it('cuts a pasted paragraph to the maximum query length', () => {
    expect(planSearch('校'.repeat(500))!.terms.split(' ')).toHaveLength(48)
  })
})

describe('htmlForIndex', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="zh-CN"><head><style>body{color:red}</style><title>标题</title></head><body>${body}</body></html>`

  it('skips pages without data-pagefind-body', () => {
    expect(htmlForIndex(page('<main><h1>首页</h1></main>'))).toBeUndefined()
  })

  it('keeps the language and the body, without head, styles, scripts or comments', () => {
    const html = htmlForIndex(
      page('<main data-pagefind-body><h1>校友</h1><script>var x = "<p>"</script><!-- 注释 --></main>'),
    )!
    expect(html).toBe(
      `<!doctype html><html lang="zh-CN"><body><main data-pagefind-body><h1>校${B}友</h1></main></body></html>`,
    )
  })

  it('separates Han characters in text but not in attributes or filter values', () => {
    const html = htmlForIndex(
      page(
        '<article data-pagefind-body><img alt="校园 > 湖面" src="/a.jpg"><span hidden data-pagefind-filter="college" data-pagefind-ignore>建筑学院</span><p>建筑学院</p></article>',
      ),
    )!
    expect(html).toContain('<img alt="校园 > 湖面" src="/a.jpg">')
    expect(html).toContain('data-pagefind-ignore>建筑学院</span>')
    expect(html).toContain(`<p>建${B}筑${B}学${B}院</p>`)
  })
})
