import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ROOT, buildSiteOrThrow } from './buildSite.ts'
import { writePrivacyDataset } from './privacyFixture.ts'

export const SAMPLE_SITE_DIR = path.join(ROOT, 'test-results/sample-site')
/** The privacy fixture (privacyFixture.ts) in export format, and its production build. */
export const PRIVACY_DATASET_DIR = path.join(ROOT, 'test-results/privacy-dataset')
export const PRIVACY_SITE_DIR = path.join(ROOT, 'test-results/privacy-site')

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSiteDir: string
    /** One production build of the privacy fixture, read by every test that scans it (privacy, feeds, search). */
    privacySite: { datasetDir: string; siteDir: string }
  }
}

/**
 * The builds the site tests share read-only: the sample dataset, and the privacy fixture. They are built side by side
 * (each build mostly keeps one core busy). REUSE_SAMPLE_SITE=1 keeps both from an earlier run.
 */
export default async function setup(project: TestProject) {
  if (!process.env.REUSE_SAMPLE_SITE) {
    await rm(PRIVACY_DATASET_DIR, { recursive: true, force: true })
    await writePrivacyDataset(PRIVACY_DATASET_DIR)
    await Promise.all([
      buildSiteOrThrow({ outDir: SAMPLE_SITE_DIR, env: { CONTENT_DATASET: path.join(ROOT, 'dataset') } }),
      buildSiteOrThrow({ outDir: PRIVACY_SITE_DIR, env: { CONTENT_DATASET: PRIVACY_DATASET_DIR } }),
    ])
  }
  project.provide('sampleSiteDir', SAMPLE_SITE_DIR)
  project.provide('privacySite', { datasetDir: PRIVACY_DATASET_DIR, siteDir: PRIVACY_SITE_DIR })
}
