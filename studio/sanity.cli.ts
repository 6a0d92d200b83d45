import path from 'node:path'
import { defineCliConfig } from 'sanity/cli'
import { dataset, projectId } from './env.ts'

// Paths are relative to this folder: the CLI runs here (`cd studio && sanity …`).
// `npm run typegen:check` sets TYPEGEN_OUT_DIR (relative to this folder) to regenerate elsewhere and compare.
const outDir = process.env.TYPEGEN_OUT_DIR
const schemaPath = outDir ? path.join(outDir, 'schema.json') : '../schema.json'
const typesPath = outDir ? path.join(outDir, 'sanity.types.ts') : '../site/lib/sanity.types.ts'

export default defineCliConfig({
  api: { projectId, dataset },
  deployment: { autoUpdates: false },
  schemaExtraction: { path: schemaPath, enforceRequiredFields: true },
  typegen: {
    path: '../site/lib/queries.ts',
    schema: schemaPath,
    generates: typesPath,
  },
})
