import { defineLocaleResourceBundle } from 'sanity'

/**
 * Where the community zh-Hans locale's wording is wrong or unclear for alumni-office editors, our own words.
 * Kept small on purpose: every key here is one the locale gets wrong, with the reason beside it.
 */
export const editorWording = [
  defineLocaleResourceBundle({
    locale: 'zh-Hans',
    namespace: 'studio',
    resources: {},
  }),
  defineLocaleResourceBundle({
    locale: 'zh-Hans',
    namespace: 'structure',
    resources: {},
  }),
]
