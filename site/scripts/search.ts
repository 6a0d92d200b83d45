/**
 * The search page: runs the query from `?q=` (and `type`, `college`) with Pagefind's JS API and renders results.
 * Pagefind (pagefind.js, its worker and WebAssembly) is loaded only when a search is about to run.
 * Chinese queries are planned by lib/search/hanText.ts to match how the index was built.
 */
import { planSearch, withoutWordBoundaries, type SearchPlan } from '../lib/search/hanText.ts'

interface PagefindResult {
  id: string
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string | undefined> }>
}
interface Pagefind {
  options(options: object): Promise<void>
  search(term: string, options: { filters: Filters }): Promise<{ results: PagefindResult[] }>
  filters(): Promise<Record<string, Record<string, number>>>
}
type Filters = Record<string, string>

const FILTER_KEYS = ['type', 'college'] as const
const PAGE_SIZE = 10

const form = document.querySelector<HTMLFormElement>('#search-form')!
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!
const filterBox = form.querySelector<HTMLElement>('.search-filters')!
const selects = FILTER_KEYS.map((key) => form.querySelector<HTMLSelectElement>(`select[name="${key}"]`)!)
const status = document.querySelector<HTMLElement>('#search-status')!
const list = document.querySelector<HTMLOListElement>('#search-results')!
const more = document.querySelector<HTMLButtonElement>('#search-more')!

let pagefind: Promise<Pagefind> | undefined
let generation = 0
let pending: PagefindResult[] = []

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js'
    const api = (await import(/* @vite-ignore */ url)) as Pagefind
    await api.options({ excerptLength: 36 })
    await fillFilters(api)
    return api
  })()
  return pagefind
}

async function fillFilters(api: Pagefind) {
  const available = await api.filters()
  const wanted = new URLSearchParams(location.search)
  FILTER_KEYS.forEach((key, i) => {
    const select = selects[i]!
    const values = Object.entries(available[key] ?? {}).sort(([, a], [, b]) => b - a)
    for (const [value] of values) select.add(new Option(value, value))
    select.value = wanted.get(key) ?? ''
    if (select.value !== wanted.get(key)) select.value = ''
  })
  filterBox.hidden = false
}

function currentFilters(): Filters {
  const filters: Filters = {}
  FILTER_KEYS.forEach((key, i) => {
    if (selects[i]!.value) filters[key] = selects[i]!.value
  })
  return filters
}

/** Pages matching every exact search of the plan, in the order Pagefind ranks them for all its terms. */
async function resultsFor(
  api: Pagefind,
  plan: SearchPlan | undefined,
  filters: Filters,
): Promise<PagefindResult[]> {
  if (!plan) return []
  const [ranked, ...exact] = await Promise.all(
    [plan.terms, ...plan.exact].map((term) => api.search(term, { filters })),
  )
  const required = exact.map((search) => new Map(search.results.map((result) => [result.id, result])))
  // An exact search's excerpt is centred on its phrase and highlights it whole.
  return ranked!.results
    .filter((result) => required.every((ids) => ids.has(result.id)))
    .map((result) => required[0]!.get(result.id)!)
}

async function search() {
  const query = input.value.trim()
  const filters = currentFilters()
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  for (const [key, value] of Object.entries(filters)) params.set(key, value)
  const address = params.toString()
  history.replaceState(null, '', `${location.pathname}${address ? `?${address}` : ''}`)

  const run = ++generation
  if (!query) {
    list.replaceChildren()
    more.hidden = true
    status.textContent = ''
    return
  }
  status.textContent = '正在搜索…'
  const api = await loadPagefind()
  let results = await resultsFor(api, planSearch(query), filters)
  let loose = false
  if (results.length === 0 && typeof Intl.Segmenter === 'function') {
    // Nothing contains the query as typed (深圳的校友会): accept pages containing each of its words.
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })
    results = await resultsFor(
      api,
      planSearch(query, (run) => [...segmenter.segment(run)].map((part) => part.segment)),
      filters,
    )
    loose = results.length > 0
  }
  if (run !== generation) return

  list.replaceChildren()
  list.setAttribute('aria-busy', 'true')
  pending = [...results]
  await showMore(run)
  list.removeAttribute('aria-busy')
  if (run !== generation) return
  const scope = Object.values(filters).join('、')
  status.textContent =
    results.length === 0
      ? `没有找到与“${query}”相关的内容${scope ? `（筛选：${scope}）` : ''}。可以换个说法，或减少筛选条件。`
      : `${loose ? `没有完全符合“${query}”的内容，以下 ${results.length} 条包含其中的词语` : `找到 ${results.length} 条与“${query}”相关的结果`}${scope ? `（筛选：${scope}）` : ''}`
}

async function showMore(run: number) {
  const page = pending.splice(0, PAGE_SIZE)
  const data = await Promise.all(page.map((result) => result.data()))
  if (run !== generation) return
  for (const { url, excerpt, meta } of data) {
    if (!url.startsWith('/')) continue
    const item = document.createElement('li')
    const heading = item.appendChild(document.createElement('h2'))
    const link = heading.appendChild(document.createElement('a'))
    link.href = url
    link.textContent = withoutWordBoundaries(meta.title ?? url)
    const text = item.appendChild(document.createElement('p'))
    // Pagefind's excerpt is escaped page text with <mark> around matches; one mark per character is merged.
    text.innerHTML = withoutWordBoundaries(excerpt).replace(/<\/mark>(\s*)<mark>/g, '$1')
    const facts = [meta.type, meta.date].filter(Boolean).join(' · ')
    if (facts)
      item.appendChild(Object.assign(document.createElement('p'), { className: 'meta', textContent: facts }))
    list.append(item)
  }
  more.hidden = pending.length === 0
}

let typing: ReturnType<typeof setTimeout> | undefined
input.addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(search, 300)
})
input.addEventListener('focus', () => void loadPagefind(), { once: true })
form.addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(typing)
  input.blur()
  void search()
})
for (const select of selects) select.addEventListener('change', () => void search())
more.addEventListener('click', () => void showMore(generation))

const initial = new URLSearchParams(location.search).get('q')
if (initial) {
  input.value = initial
  // Filters come from the index: load it first so `type` and `college` in the address are kept.
  void loadPagefind().then(search)
}
