/**
 * npm run fuzz -- [--rounds N] [--seed S] [--builds B]
 *
 * Longer runs of the fuzz test (tests/site/fuzz.test.ts): N seeded mutations of the sample dataset through the
 * build's content pipeline in-process, then B real builds each with a batch of mixed mutations. Prints every
 * failure and exits 1 if there is any. Same seed, same mutations.
 */
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildBatch, checkMutation, readSampleDocuments } from './run.ts'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    builds: { type: 'string', default: '0' },
    batch: { type: 'string', default: '8' },
  },
})
const rounds = Number(values.rounds)
const seed = Number(values.seed)
const builds = Number(values.builds)
if (![rounds, seed, builds, Number(values.batch)].every(Number.isInteger)) {
  console.error('usage: npm run fuzz -- [--rounds N] [--seed S] [--builds B] [--batch M]')
  process.exit(2)
}

const base = await readSampleDocuments()
const failures: string[] = []
const kinds = new Map<string, number>()
for (let round = 0; round < rounds; round++) {
  const result = checkMutation(base, seed * 1_000_003 + round)
  if (result.mutation) kinds.set(result.mutation.kind, (kinds.get(result.mutation.kind) ?? 0) + 1)
  failures.push(...result.failures)
}
console.log(
  `${rounds} mutations checked in-process: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
)

for (let build = 0; build < builds; build++) {
  const work = path.join(os.tmpdir(), `alumni-fuzz-${process.pid}-${build}`)
  const result = await buildBatch(base, {
    work,
    seed: seed * 7_919 + build,
    count: Number(values.batch),
    allowFiles: true,
  })
  console.log(
    `build ${build + 1}/${builds}: exit ${result.code}, ${result.mutations.map((m) => `${m.kind} on ${m.documentId}`).join('; ')}`,
  )
  failures.push(
    ...result.failures.map((failure) => `build ${build + 1} (seed ${seed * 7_919 + build}): ${failure}`),
  )
}

for (const failure of failures) console.error(`FAIL ${failure}`)
console.log(failures.length === 0 ? 'no failures' : `${failures.length} failure(s)`)
process.exitCode = failures.length === 0 ? 0 : 1
