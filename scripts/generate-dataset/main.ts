// CLI: npm run generate:dataset -- --documents N --out PATH [--seed S] [--corpus realistic|narrow]
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CORPORA, generateDataset, type Corpus } from './generate.ts'
import { MIN_DOCUMENTS } from './plan.ts'

const HELP = `Writes a synthetic alumni-news dataset in \`sanity dataset export\` format, for benchmarking the build.

Usage: npm run generate:dataset -- --documents N --out PATH [--seed S] [--corpus realistic|narrow]

  --documents N  number of documents = lines of PATH/data.ndjson, counting everything:
                 siteSettings, colleges, chapters, persons, drafts (drafts.* ids) and
                 scheduled documents (publishedAt in 2099). At least ${MIN_DOCUMENTS}.
                 Split: 1 siteSettings; colleges grow slowly (8 at 1k, 16 at 20k, max 20);
                 4 % chapters; 2 % persons; the rest 55 % articles, 12 % alumni profiles,
                 3 % donation projects, 8 % donation stories, 14 % chapter reports,
                 6 % events, 2 % newsletter issues.
  --out PATH     folder to write: PATH/data.ndjson is overwritten and PATH/images/ is
                 replaced by a fresh pool of 20 JPEGs (covers, portraits, logo, QR code).
  --seed S       any text (default "1"). Same seed, N and corpus give byte-identical output.
  --corpus C     realistic (default): prose whose words follow a real Chinese word-frequency
                 list (jieba's dictionary of 349,045 words, shipped by the pinned devDependency
                 @node-rs/jieba), articles of 800–2,800 characters. narrow: the generator's own
                 alumni-news word lists only, articles of 300–1,500 characters; its search index
                 is about half as large, so figures from it understate a real archive.
  --help         show this text.
`

function fail(message: string): never {
  process.stderr.write(`generate:dataset: ${message}\n\n${HELP}`)
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        documents: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        corpus: { type: 'string', default: 'realistic' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    })
  } catch (error) {
    fail((error as Error).message)
  }
})()

if (values.help) {
  process.stdout.write(HELP)
  process.exit(0)
}
if (!values.documents) fail('--documents is required')
if (!values.out) fail('--out is required')
// The sample dataset is hand-made and checked in; a slip of the --out argument must not replace it.
const repoRoot = resolve(import.meta.dirname, '../..')
if (resolve(values.out) === resolve(repoRoot, 'dataset'))
  fail('--out dataset would overwrite the sample dataset')
const documents = Number(values.documents)
if (!Number.isInteger(documents) || documents < MIN_DOCUMENTS) {
  fail(`--documents must be an integer of at least ${MIN_DOCUMENTS}, got "${values.documents}"`)
}

if (!CORPORA.includes(values.corpus as Corpus))
  fail(`--corpus must be one of ${CORPORA.join(', ')}, got "${values.corpus}"`)
const corpus = values.corpus as Corpus

const started = performance.now()
const result = await generateDataset({ documents, out: values.out, seed: values.seed, corpus })
const seconds = ((performance.now() - started) / 1000).toFixed(1)
const counts = Object.entries(result.plan.counts)
  .map(([type, count]) => `${type} ${count}`)
  .join(', ')
process.stdout.write(
  `Wrote ${result.plan.total} documents to ${result.file} in ${seconds} s (seed "${values.seed}", ${corpus} corpus)\n` +
    `  ${counts}\n` +
    `  of which ${result.plan.drafts} drafts and ${result.plan.scheduled} scheduled for 2099; ${result.images} images\n`,
)
