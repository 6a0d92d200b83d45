/**
 * Builds the sample dataset of the fictional 明湖大学校友总会 in `sanity dataset export` format into dataset/ (and
 * the golden list of the search tests), from the sources beside this file (see lib/generate.ts for what it writes).
 *
 *   npm run dataset:sample               regenerate
 *   npm run dataset:sample -- --check    fail, naming each differing file and document, when dataset/ is not what
 *                                        the sources produce (tests/content/sample-dataset.test.ts runs this check)
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { compareWithDisk, GENERATED_FOLDERS } from './lib/compare.ts'
import { generateSampleDataset } from './lib/generate.ts'

const sourcesDir = dirname(fileURLToPath(import.meta.url))
const root = join(sourcesDir, '..', '..')
const { values: options } = parseArgs({ options: { check: { type: 'boolean', default: false } } })

const dataset = await generateSampleDataset(sourcesDir).catch((error: Error) => {
  // A mistake in a content file: its message names the file and field, a stack trace would only bury it.
  console.error(`Sample dataset sources: ${error.message}`)
  process.exit(1)
})
if (dataset.problems.length > 0) {
  console.error(
    `Sample dataset has ${dataset.problems.length} problem(s):\n${dataset.problems.map((p) => `  - ${p}`).join('\n')}`,
  )
  process.exit(1)
}

if (options.check) {
  const differences = compareWithDisk(dataset.files, root)
  if (differences.length > 0) {
    console.error(
      `dataset/ is not what scripts/sample-dataset/ produces (run \`npm run dataset:sample\` and commit the result):\n` +
        differences.map((d) => `  - ${d}`).join('\n'),
    )
    process.exit(1)
  }
  console.log(`dataset/ is what scripts/sample-dataset/ produces (${dataset.files.size} files)`)
} else {
  for (const [path, content] of dataset.files) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), content)
  }
  for (const folder of GENERATED_FOLDERS)
    for (const name of await readdir(join(root, folder)))
      if (!dataset.files.has(`${folder}/${name}`)) await rm(join(root, folder, name))
  console.log(
    `dataset/data.ndjson: ${dataset.documentCount} documents; dataset/images: ${dataset.imageCount} files, ${(dataset.imageBytes / 1024).toFixed(0)} KiB`,
  )
}
