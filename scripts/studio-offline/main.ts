/**
 * `npm run studio:offline -- [--port N] [--dataset PATH] [--save DIR] [--reset]`
 *
 * The real Sanity Studio, built for offline use, served with a local STAND-IN of the Content Lake: try the
 * editors' side without a Sanity account or a network. A demo and test harness, never a production backend.
 * Every change is saved as an export-format dataset in DIR, so `CONTENT_DATASET=DIR npm run build` builds the
 * site from what was just edited.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startSanityStandIn } from './contentLakeStandIn.ts'
import { exportDataset } from './exportDataset.ts'
import { buildOfflineStudio, OFFLINE_DATASET, OFFLINE_PROJECT_ID, repoRoot } from './studioBuild.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3333' },
    dataset: { type: 'string' },
    save: { type: 'string' },
    reset: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`)
  process.exit(2)
}
const saveDir = path.resolve(values.save ?? path.join(repoRoot, '.cache', 'studio-offline', 'dataset'))
const source =
  !values.reset && existsSync(path.join(saveDir, 'data.ndjson'))
    ? saveDir
    : path.resolve(values.dataset ?? process.env.CONTENT_DATASET ?? path.join(repoRoot, 'dataset'))

const studioDir = await buildOfflineStudio({ force: values.rebuild })

let saving = Promise.resolve()
let pending = false
const standIn = await startSanityStandIn({
  datasetPath: source,
  projectId: OFFLINE_PROJECT_ID,
  dataset: OFFLINE_DATASET,
  assetUrls: 'self',
  staticRoot: studioDir,
  port,
  onCommit() {
    // Saves are serialised and coalesced: the newest state always lands, never two writers at once.
    if (pending) return
    pending = true
    saving = saving.then(async () => {
      pending = false
      try {
        await exportDataset(standIn.documents(), (id) => standIn.assetFile(id), saveDir)
      } catch (error) {
        console.error(`保存失败 (could not save the dataset to ${saveDir}): ${(error as Error).message}`)
      }
    })
  },
})
await exportDataset(standIn.documents(), (id) => standIn.assetFile(id), saveDir)

console.log(`
  校友新闻 Studio · 离线演示 (offline demo — a local stand-in of Sanity's Content Lake, not sanity.io)

  打开 Open:      http://localhost:${standIn.port}/
  数据 Loaded:    ${path.relative(process.cwd(), source) || '.'}
  保存 Saved to:  ${path.relative(process.cwd(), saveDir)}   (every change, in \`sanity dataset export\` format)
  用它构建网站:   CONTENT_DATASET=${path.relative(process.cwd(), saveDir)} npm run build
  重新开始 Reset: npm run studio:offline -- --reset

  Ctrl+C 退出 (stop).
`)

const stop = async () => {
  await saving
  await standIn.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
