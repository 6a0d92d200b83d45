import { describe, expect, it } from 'vitest'
import { focusRegion, originalUrl, requestedImageVariants, responsiveImage } from './images.ts'

describe('focusRegion', () => {
  it('takes the largest region of the ratio, centred on the hotspot as far as the picture allows', () => {
    expect(focusRegion(1600, 900, { hotspot: { x: 0.05, y: 0.5 } }, 1)).toEqual({
      left: 0,
      top: 0,
      width: 900,
      height: 900,
    })
    expect(focusRegion(1600, 900, { hotspot: { x: 0.75, y: 0.5 } }, 1)).toEqual({
      left: 700,
      top: 0,
      width: 900,
      height: 900,
    })
    expect(focusRegion(1600, 900, {}, 1)).toEqual({ left: 350, top: 0, width: 900, height: 900 })
  })

  it("stays inside the editor's crop", () => {
    const crop = { left: 0.25, right: 0.25, top: 0, bottom: 0.5 }
    // The crop keeps 800×450 from x 400; a 1:1 region is 450×450 and cannot go left of 400.
    expect(focusRegion(1600, 900, { crop, hotspot: { x: 0.1, y: 0.9 } }, 1)).toEqual({
      left: 400,
      top: 0,
      width: 450,
      height: 450,
    })
  })
})

describe('responsiveImage', () => {
  it('serves a Content Lake image from the site, downloading its original from the mirror when one is set', () => {
    process.env.SANITY_ASSET_MIRROR = 'http://mirror.example.cn/'
    try {
      const image = {
        crop: { top: 0.1, bottom: 0, left: 0, right: 0 },
        asset: {
          _id: 'image-abc-1600x900-jpg',
          url: 'https://cdn.sanity.io/images/p/d/abc-1600x900.jpg',
          width: 1600,
          height: 900,
        },
      }
      const resolved = responsiveImage(image, { widths: [400, 800], aspectRatio: 4 / 3 })!
      expect(resolved.src).toMatch(/^\/_img\/[0-9a-f]{12}-[0-9a-f]{6}-800x600\.webp$/)
      expect(resolved.srcset).toMatch(/^\/_img\/\S+-400x300\.webp 400w, \/_img\/\S+-800x600\.webp 800w$/)
      const variant = requestedImageVariants().get(resolved.src)!
      expect(variant.source).toEqual({
        kind: 'remote',
        assetId: 'image-abc-1600x900-jpg',
        url: 'http://mirror.example.cn/images/p/d/abc-1600x900.jpg',
      })
      expect(variant.region).toEqual({ left: 260, top: 90, width: 1080, height: 810 })
    } finally {
      delete process.env.SANITY_ASSET_MIRROR
    }
    expect(originalUrl('https://cdn.sanity.io/images/p/d/abc-1600x900.jpg')).toBe(
      'https://cdn.sanity.io/images/p/d/abc-1600x900.jpg',
    )
  })
})
