/**
 * Compares the files the sources produce with those on disk, for `npm run dataset:sample -- --check`.
 * Differences name the file, and in data.ndjson the documents.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The folders whose every file is generated: a file there that the sources do not produce is stale. */
export const GENERATED_FOLDERS = ['dataset/images']

export function compareWithDisk(files: Map<string, Buffer>, root: string): string[] {
  const differences: string[] = []
  for (const [path, content] of files) {
    const onDisk = join(root, path)
    if (!existsSync(onDisk)) differences.push(`${path}: missing`)
    else {
      const current = readFileSync(onDisk)
      if (current.equals(content)) continue
      differences.push(
        path.endsWith('.ndjson')
          ? `${path}: ${documentDifferences(current.toString('utf8'), content.toString('utf8'))}`
          : `${path}: differs`,
      )
    }
  }
  for (const folder of GENERATED_FOLDERS) {
    const dir = join(root, folder)
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort())
      if (!files.has(`${folder}/${name}`)) differences.push(`${folder}/${name}: not produced by the sources`)
  }
  return differences
}

/** Which documents differ between two NDJSON exports, by id: changed, only in one of them, or moved. */
export function documentDifferences(onDisk: string, generated: string): string {
  const byId = (text: string) =>
    new Map(
      text
        .split('\n')
        .filter(Boolean)
        .map((line, i): [string, { line: number; text: string }] => {
          let id = `(line ${i + 1} is not JSON)`
          try {
            id = String((JSON.parse(line) as { _id?: unknown })._id)
          } catch {}
          return [id, { line: i + 1, text: line }]
        }),
    )
  const current = byId(onDisk)
  const expected = byId(generated)
  const list = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ')
  const ids = (from: typeof expected, keep: (id: string, entry: { line: number; text: string }) => boolean) =>
    [...from].filter(([id, entry]) => keep(id, entry)).map(([id]) => id)
  const changed = ids(expected, (id, entry) => current.has(id) && current.get(id)?.text !== entry.text)
  const missing = ids(expected, (id) => !current.has(id))
  const extra = ids(current, (id) => !expected.has(id))
  const moved = ids(expected, (id, entry) => current.has(id) && current.get(id)?.line !== entry.line)
  const parts = [
    changed.length > 0 && `documents differ: ${list(changed)}`,
    missing.length > 0 && `documents missing: ${list(missing)}`,
    extra.length > 0 && `documents the sources no longer produce: ${list(extra)}`,
    changed.length + missing.length + extra.length === 0 &&
      moved.length > 0 &&
      `documents in another order: ${list(moved)}`,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('; ') : 'differs (line endings or whitespace)'
}
