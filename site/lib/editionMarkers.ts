/**
 * What the delivery commands (scripts/newsletter/) read from a built edition. `edition:build` is written by every
 * build; the commands send only an edition marked "production", so a preview build or an older copy without
 * the marker can never go out. The two slots are where a personal greeting and the 退订 line go in an e-mail.
 */
export const EDITION_META = {
  build: 'edition:build',
  builtAt: 'edition:built-at',
  title: 'edition:title',
  issue: 'edition:issue',
  permalink: 'edition:permalink',
  site: 'edition:site',
  cover: 'edition:cover',
} as const
export const EDITION_SLOTS = {
  greeting: '<!--edition:greeting-->',
  unsubscribe: '<!--edition:unsubscribe-->',
} as const
