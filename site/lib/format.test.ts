import { describe, expect, it } from 'vitest'
import { readingMinutes, yearOf } from './format.ts'

/** The rule as first written: every Han character, plus the Latin words left when Han is taken out. */
function readingMinutesByCharacter(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  const latinWords = text.replace(/\p{Script=Han}/gu, ' ').match(/[A-Za-z0-9]+/g)?.length ?? 0
  return Math.max(1, Math.round(han / 400 + latinWords / 200))
}

describe('readingMinutes', () => {
  it('gives about 400 Han characters a minute and 200 Latin words a minute', () => {
    expect(readingMinutes('')).toBe(1)
    expect(readingMinutes('校'.repeat(1000))).toBe(3)
    expect(readingMinutes('word '.repeat(500))).toBe(3)
    // 𠀀 (U+20000, outside the BMP) counts as one character, not two.
    expect(readingMinutes('𠀀'.repeat(1000))).toBe(3)
    expect(readingMinutes('𠀀'.repeat(1000) + '校'.repeat(199))).toBe(3)
  })

  it('counts as the character-by-character rule does, on mixed text', () => {
    const pieces = [
      '校友',
      '明湖大学',
      'AI',
      '2026',
      '年',
      '，',
      '。',
      ' ',
      'GitHub',
      '𠀀',
      '——',
      'B2',
      '\n',
      'é',
      '张伟',
    ]
    let seed = 7
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    for (let sample = 0; sample < 200; sample++) {
      let text = ''
      const length = Math.floor(random() * 3000)
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)]
      expect(readingMinutes(text), text.slice(0, 40)).toBe(readingMinutesByCharacter(text))
    }
  })
})

describe('yearOf', () => {
  it('gives the year in China, whatever the offset the instant is written with', () => {
    expect(yearOf('2026-12-31T15:59:59.000Z')).toBe(2026)
    expect(yearOf('2026-12-31T16:00:00.000Z')).toBe(2027)
    expect(yearOf('2027-01-01T07:30:00+08:00')).toBe(2027)
    expect(yearOf('2026-12-31T11:00:00-08:00')).toBe(2027)
    expect(yearOf('2027-01-01')).toBe(2027)
  })
})
