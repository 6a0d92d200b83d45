import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ROOT, buildSiteOrThrow } from './buildSite.ts'

export const SAMPLE_SITE_DIR = path.join(ROOT, 'test-results/sample-site')

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSiteDir: string
  }
}

export default async function setup(project: TestProject) {
  if (!process.env.REUSE_SAMPLE_SITE) {
    await buildSiteOrThrow({ outDir: SAMPLE_SITE_DIR, env: { CONTENT_DATASET: path.join(ROOT, 'dataset') } })
  }
  project.provide('sampleSiteDir', SAMPLE_SITE_DIR)
}
