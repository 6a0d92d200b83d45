/**
 * Reads a folder of content files: one Markdown file per document, named by the document's `_id`, with YAML front
 * matter for its fields and the markup of lib/portable-text.ts below it.
 *
 *   content/articles/_order.yaml            the order of the documents in data.ndjson (a YAML list of ids)
 *   content/articles/<id>.md                 one published document
 *   content/articles/drafts/<id>.md          a draft, after the published documents in file-name order
 *   content/articles/_<anything>.md          not a document (a shared passage, a template)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'

export interface ContentFile {
  /** The document id: the file name without `.md`. */
  id: string
  /** Path relative to scripts/sample-dataset/, for messages. */
  where: string
  frontMatter: Record<string, unknown>
  /** Everything after the front matter. */
  markdown: string
}

const FRONT_MATTER = /^---\n([\s\S]*?\n)?---\n/

/** Splits a file into its YAML front matter (a mapping) and the Markdown after it. */
export function parseContentFile(text: string, where: string): Pick<ContentFile, 'frontMatter' | 'markdown'> {
  const match = FRONT_MATTER.exec(text)
  if (!match) throw new Error(`${where}: must begin with front matter between two "---" lines`)
  let frontMatter: unknown
  try {
    frontMatter = parseYaml(match[1] ?? '') ?? {}
  } catch (error) {
    throw new Error(`${where}: front matter is not valid YAML: ${(error as Error).message}`)
  }
  if (typeof frontMatter !== 'object' || Array.isArray(frontMatter))
    throw new Error(`${where}: front matter must be a mapping of field names to values`)
  return { frontMatter: frontMatter as Record<string, unknown>, markdown: text.slice(match[0].length) }
}

function readContentFile(path: string, id: string, sourcesDir: string): ContentFile {
  const where = relative(sourcesDir, path)
  return { id, where, ...parseContentFile(readFileSync(path, 'utf8'), where) }
}

const documentFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
        .sort()
    : []

/** The published documents of a content folder in the order of its `_order.yaml`, then its drafts. */
export function readContentFolder(
  sourcesDir: string,
  folder: string,
): { published: ContentFile[]; drafts: ContentFile[] } {
  const dir = join(sourcesDir, 'content', folder)
  const orderWhere = `content/${folder}/_order.yaml`
  const order: unknown = parseYaml(readFileSync(join(dir, '_order.yaml'), 'utf8'))
  if (!Array.isArray(order) || !order.every((id) => typeof id === 'string'))
    throw new Error(`${orderWhere}: must be a YAML list of document ids`)
  const files = new Set(documentFiles(dir).map((name) => name.slice(0, -'.md'.length)))
  const problems: string[] = []
  const listed = new Set<string>()
  for (const id of order as string[]) {
    if (listed.has(id)) problems.push(`${orderWhere}: "${id}" is listed twice`)
    if (!files.has(id)) problems.push(`${orderWhere}: "${id}" has no file content/${folder}/${id}.md`)
    listed.add(id)
  }
  for (const id of files)
    if (!listed.has(id)) problems.push(`content/${folder}/${id}.md: not listed in ${orderWhere}`)
  if (problems.length > 0) throw new Error(problems.join('\n'))

  return {
    published: [...listed].map((id) => readContentFile(join(dir, `${id}.md`), id, sourcesDir)),
    drafts: documentFiles(join(dir, 'drafts')).map((name) =>
      readContentFile(join(dir, 'drafts', name), name.slice(0, -'.md'.length), sourcesDir),
    ),
  }
}

/** A passage shared by several documents (`content/<folder>/_<name>.md`), with `{{field}}` placeholders filled in. */
export function readPassage(sourcesDir: string, path: string, values: Record<string, string>): string {
  const text = readFileSync(join(sourcesDir, 'content', path), 'utf8')
  return text.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
    if (!(name in values)) throw new Error(`content/${path}: no value for ${placeholder}`)
    return values[name]
  })
}
