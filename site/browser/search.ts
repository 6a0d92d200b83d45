/**
 * The search page: runs the query from `?q=` (and `type`, `college`) against the site's own index
 * (lib/search/indexFormat.ts) and renders results. Nothing is fetched until a search is about to run; a search then
 * fetches the manifest, one small bucket per character pair of the query, and the documents it shows.
 */
import { rankDocuments } from '../lib/search/rank.ts'
import {
  decodeBucket,
  MANIFEST_PATH,
  type Postings,
  type SearchDocument,
  type SearchManifest,
} from '../lib/search/indexFormat.ts'
import {
  bucketOf,
  filterToken,
  isWordCharacter,
  normalizeText,
  planQuery,
  textMatches,
  tokensOfPlan,
  type QueryPlan,
} from '../lib/search/tokens.ts'

const FILTER_KEYS = ['type', 'college'] as const
const PAGE_SIZE = 10
const EXCERPT_BEFORE = 18
const EXCERPT_LENGTH = 72

const form = document.querySelector<HTMLFormElement>('#search-form')!
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!
const filterBox = form.querySelector<HTMLElement>('.search-filters')!
const selects = FILTER_KEYS.map((key) => form.querySelector<HTMLSelectElement>(`select[name="${key}"]`)!)
const status = document.querySelector<HTMLElement>('#search-status')!
const list = document.querySelector<HTMLOListElement>('#search-results')!
const more = document.querySelector<HTMLButtonElement>('#search-more')!

let manifest: Promise<SearchManifest> | undefined
const buckets = new Map<number, Promise<Uint8Array>>()
const documents = new Map<number, Promise<SearchDocument>>()

interface Search {
  query: string
  plan: QueryPlan
  loose: boolean
  scope: string
  /** Ranked document numbers not yet checked against their text. */
  pending: number[]
  shown: number
}
let current: Search | undefined
let generation = 0

function loadManifest(): Promise<SearchManifest> {
  manifest ??= fetchOk(MANIFEST_PATH)
    .then((response) => response.json() as Promise<SearchManifest>)
    .then((loaded) => {
      fillFilters(loaded)
      return loaded
    })
  return manifest
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response
}

/** One fetch per key for the page's lifetime; a failed fetch is forgotten so the next search tries again. */
function fetchOnce<K, T>(
  cache: Map<K, Promise<T>>,
  key: K,
  url: string,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  let loaded = cache.get(key)
  if (!loaded) {
    loaded = fetchOk(url).then(read)
    cache.set(key, loaded)
    loaded.catch(() => cache.delete(key))
  }
  return loaded
}

function fillFilters(loaded: SearchManifest) {
  const wanted = new URLSearchParams(location.search)
  FILTER_KEYS.forEach((key, i) => {
    const select = selects[i]!
    for (const [value] of loaded.filters[key] ?? []) select.add(new Option(value, value))
    select.value = wanted.get(key) ?? ''
    if (select.value !== wanted.get(key)) select.value = ''
  })
  filterBox.hidden = false
}

function currentFilters(): Record<string, string> {
  const filters: Record<string, string> = {}
  FILTER_KEYS.forEach((key, i) => {
    if (selects[i]!.value) filters[key] = selects[i]!.value
  })
  return filters
}

async function postingsOf(index: SearchManifest, tokens: string[]): Promise<Map<string, Postings>> {
  const byBucket = new Map<number, Set<string>>()
  for (const token of tokens) {
    const bucket = bucketOf(token, index.buckets)
    byBucket.set(bucket, (byBucket.get(bucket) ?? new Set()).add(token))
  }
  const found = new Map<string, Postings>()
  await Promise.all(
    [...byBucket].map(async ([bucket, wanted]) => {
      const bytes = await fetchOnce(
        buckets,
        bucket,
        `${index.base}b/${bucket}.bin`,
        async (response) => new Uint8Array(await response.arrayBuffer()),
      )
      for (const [token, postings] of decodeBucket(bytes, wanted)) found.set(token, postings)
    }),
  )
  return found
}

/** Documents holding every token of the plan and every filter value, best first (lib/search/rank.ts). */
async function rank(
  index: SearchManifest,
  plan: QueryPlan,
  filters: Record<string, string>,
): Promise<number[]> {
  const tokens = tokensOfPlan(plan)
  const filterTokens = Object.entries(filters).map(([key, value]) => filterToken(key, value))
  const wanted = [...tokens, ...filterTokens]
  const postings = await postingsOf(index, wanted)
  const lists = wanted.map((token) => postings.get(token))
  if (lists.some((postings) => !postings)) return []

  return rankDocuments(
    index.documents,
    (lists as Postings[]).map((postings, i) => ({ postings, scored: i < tokens.length })),
  )
}

function loadDocument(index: SearchManifest, id: number): Promise<SearchDocument> {
  return fetchOnce(
    documents,
    id,
    `${index.base}d/${id}.json`,
    (response) => response.json() as Promise<SearchDocument>,
  )
}

/** Checks ranked documents against their text until a page of exact matches is ready or none are left. */
async function nextPage(index: SearchManifest, search: Search): Promise<SearchDocument[]> {
  const page: SearchDocument[] = []
  while (page.length < PAGE_SIZE && search.pending.length > 0) {
    const batch = search.pending.splice(0, PAGE_SIZE - page.length)
    const loaded = await Promise.all(batch.map((id) => loadDocument(index, id)))
    for (const document of loaded) {
      if (textMatches(normalizeText(`${document.title}\n${document.text}`), search.plan)) page.push(document)
    }
  }
  search.shown += page.length
  return page
}

async function runSearch() {
  const query = input.value.trim()
  const filters = currentFilters()
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  for (const [key, value] of Object.entries(filters)) params.set(key, value)
  const address = params.toString()
  history.replaceState(null, '', `${location.pathname}${address ? `?${address}` : ''}`)

  const run = ++generation
  const plan = planQuery(query)
  if (!query || !plan) {
    showResults([])
    more.hidden = true
    status.textContent = query ? `没有找到与“${query}”相关的内容。` : ''
    return
  }
  status.textContent = '正在搜索…'
  const index = await loadManifest()
  const scope = Object.values(filters).join('、')
  let search: Search = {
    query,
    plan,
    loose: false,
    scope,
    pending: await rank(index, plan, filters),
    shown: 0,
  }
  let page = await nextPage(index, search)
  if (page.length === 0 && typeof Intl.Segmenter === 'function') {
    // Nothing contains the query as typed (深圳的校友会): accept pages containing each of its words.
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })
    const loosePlan = planQuery(query, (run) => [...segmenter.segment(run)].map((part) => part.segment))!
    search = { ...search, plan: loosePlan, loose: true, pending: await rank(index, loosePlan, filters) }
    page = await nextPage(index, search)
  }
  if (run !== generation) return
  current = search
  showResults(page.map((document) => resultItem(document, search.plan)))
  showStatus(search)
}

async function showMore() {
  const search = current
  if (!search) return
  const run = generation
  more.disabled = true
  const page = await nextPage(await loadManifest(), search)
  more.disabled = false
  if (run !== generation) return
  list.append(...page.map((document) => resultItem(document, search.plan)))
  showStatus(search)
}

/** Not list.replaceChildren(): it is newer (Chrome 86, iOS 14) than the webviews the site supports. */
function showResults(items: HTMLLIElement[]) {
  list.textContent = ''
  list.append(...items)
}

function showStatus(search: Search) {
  const total = search.shown + search.pending.length
  const scope = search.scope ? `（筛选：${search.scope}）` : ''
  more.hidden = search.pending.length === 0
  status.textContent =
    total === 0
      ? `没有找到与“${search.query}”相关的内容${scope}。可以换个说法，或减少筛选条件。`
      : search.loose
        ? `没有完全符合“${search.query}”的内容，以下 ${total} 条包含其中的词语${scope}`
        : `找到 ${total} 条与“${search.query}”相关的结果${scope}`
}

function resultItem(document: SearchDocument, plan: QueryPlan): HTMLLIElement {
  const item = window.document.createElement('li')
  const heading = item.appendChild(window.document.createElement('h2'))
  const link = heading.appendChild(window.document.createElement('a'))
  link.href = document.url.startsWith('/') ? document.url : '/'
  link.textContent = document.title
  item.appendChild(excerpt(document, plan))
  const facts = [document.meta.type, document.meta.date].filter(Boolean).join(' · ')
  if (facts)
    item.appendChild(
      Object.assign(window.document.createElement('p'), { className: 'meta', textContent: facts }),
    )
  return item
}

/**
 * A line of the text around the first match, with every match in it marked; the title, shown above it, is left out.
 * Text only: nothing is parsed as HTML.
 */
function excerpt({ text, title }: SearchDocument, plan: QueryPlan): HTMLParagraphElement {
  const paragraph = window.document.createElement('p')
  const flat = text
    .split('\n')
    .filter((line) => line !== title)
    .join(' ')
  const lower = flat.toLowerCase()
  const matches = matchRanges(lower, plan)
  const start = Math.max(0, (matches[0]?.[0] ?? 0) - EXCERPT_BEFORE)
  const end = Math.min(flat.length, start + EXCERPT_LENGTH)
  let at = start
  if (start > 0) paragraph.append('…')
  for (const [from, to] of matches) {
    if (to <= at || from >= end) continue
    paragraph.append(flat.slice(at, Math.max(at, from)))
    paragraph.appendChild(window.document.createElement('mark')).textContent = flat.slice(
      Math.max(at, from),
      Math.min(to, end),
    )
    at = Math.min(to, end)
  }
  paragraph.append(flat.slice(at, end))
  if (end < flat.length) paragraph.append('…')
  return paragraph
}

function matchRanges(lower: string, plan: QueryPlan): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const needle of [...plan.phrases, ...plan.words]) {
    const whole = plan.words.includes(needle)
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      if (whole && (isWordCharacter(lower[at - 1]) || isWordCharacter(lower[at + needle.length]))) continue
      ranges.push([at, at + needle.length])
    }
  }
  ranges.sort(([a], [b]) => a - b)
  // Adjacent or overlapping matches become one mark.
  const merged: Array<[number, number]> = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push(range)
  }
  return merged
}

let typing: ReturnType<typeof setTimeout> | undefined
input.addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(searchOrSayWhy, 300)
})
input.addEventListener('focus', () => void loadManifest(), { once: true })
form.addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(typing)
  input.blur()
  void searchOrSayWhy()
})
for (const select of selects) select.addEventListener('change', () => void searchOrSayWhy())
more.addEventListener('click', () => void showMore().catch(failed))

function searchOrSayWhy(): Promise<void> {
  return runSearch().catch(failed)
}

function failed(error: unknown) {
  console.error(error)
  more.disabled = false
  status.textContent = '搜索暂时无法使用（网络不稳定或网站正在更新），请稍后重试。'
}

const initial = new URLSearchParams(location.search).get('q')
if (initial) {
  input.value = initial
  // Filters come from the manifest: load it first so `type` and `college` in the address are kept.
  void loadManifest().then(searchOrSayWhy, failed)
}
