import { zhHansLocale } from '@sanity/locale-zh-hans'
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { schemaTypes, singletonTypes } from '../schemas/index.ts'
import { apiHost, dataset, offline, previewUrl, projectId, siteUrl } from './env.ts'
import { editorWording } from './locale.ts'
import { OfflineNavbar } from './offlineBanner.ts'
import { productionUrlFor } from './productionUrl.ts'
import { ChineseScreenReaderLabels } from './screenReaderLabels.ts'
import { structure } from './structure.ts'
import { parameterisedTemplateIds, templates } from './templates.ts'
import { SANITY_API_VERSION } from '../schemas/lib/sanityApi.ts'

/** What editors may do with a singleton: edit and publish it, never delete, duplicate or unpublish it. */
const singletonActions = new Set(['publish', 'discardChanges', 'restore'])

export default defineConfig({
  name: 'default',
  title: offline ? '校友新闻 · 离线演示' : '校友新闻',
  projectId,
  dataset,
  ...(apiHost ? { apiHost } : {}),
  plugins: [
    structureTool({ structure, title: '内容' }),
    visionTool({ defaultApiVersion: SANITY_API_VERSION, title: 'GROQ' }),
    // The last locale registered is the Studio's default: editors get Simplified Chinese unless they pick English.
    zhHansLocale(),
  ],
  i18n: { bundles: editorWording },
  // Content releases, scheduling and tasks are plan features an alumni office does not use; off, the desk stays
  // simple and wholly Chinese (their menus are not in the zh-Hans locale).
  releases: { enabled: false },
  scheduledDrafts: { enabled: false },
  scheduledPublishing: { enabled: false },
  tasks: { enabled: false },
  studio: {
    components: { layout: ChineseScreenReaderLabels, ...(offline ? { navbar: OfflineNavbar } : {}) },
  },
  schema: {
    types: schemaTypes,
    // Singletons are opened from the desk under their fixed id, never created as new documents.
    templates: (previous) => [
      ...previous.filter((template) => !singletonTypes.has(template.schemaType)),
      ...templates,
    ],
  },
  document: {
    // Comments need Sanity's comments add-on dataset; the office discusses drafts elsewhere.
    comments: { enabled: false },
    // The by-college / by-chapter templates need a parameter: they belong in their desk lists only.
    newDocumentOptions: (previous, { creationContext }) =>
      creationContext.type === 'global'
        ? previous.filter((item) => !parameterisedTemplateIds.has(item.templateId))
        : previous,
    actions: (previous, { schemaType }) =>
      singletonTypes.has(schemaType)
        ? previous.filter(({ action }) => action !== undefined && singletonActions.has(action))
        : previous,
    productionUrl: async (previous, { document }) =>
      productionUrlFor(document, { siteUrl, previewUrl }) ?? previous,
  },
})
