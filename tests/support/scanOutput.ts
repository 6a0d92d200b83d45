import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { listFiles } from './siteFiles.ts'

/** One file of a build, as a reader or a crawler could get it: decompressed when the host would serve it so. */
export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string
  /** The bytes as UTF-8 text. */
  text: string
  /**
   * The text as a search for a value should see it: without zero-width characters (a value split by them is still
   * the value to a reader) and lowercased (the search index stores lowercased words).
   */
  searchable: string
}

export interface Hit {
  value: string
  file: string
  context: string
}

export { listFiles }

/**
 * Reads every file of a build. Anything that gunzips (a precompressed file a host or browser would unpack) is
 * scanned decompressed; whatever does not is scanned raw.
 */
export async function readOutput(root: string): Promise<OutputFile[]> {
  const files: OutputFile[] = []
  for (const relative of await listFiles(root)) {
    const bytes = await readFile(path.join(root, relative))
    const text = decode(bytes)
    files.push({ path: relative, text, searchable: searchable(text) })
  }
  return files
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8')
    } catch {
      // Not really gzip: scan the raw bytes below.
    }
  }
  return bytes.toString('utf8')
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g

function searchable(text: string): string {
  return text.replace(ZERO_WIDTH, '').toLowerCase()
}

/**
 * Where each value occurs in the output: as written, HTML-escaped, URL-encoded or JSON-escaped (\uXXXX), in any
 * letter case, with or without zero-width characters between its characters.
 */
export function findValues(files: readonly OutputFile[], values: readonly string[]): Hit[] {
  const hits: Hit[] = []
  for (const value of values) {
    const forms = [...new Set(spellings(value).map(searchable))]
    for (const file of files) {
      for (const form of forms) {
        const at = file.searchable.indexOf(form)
        if (at === -1) continue
        hits.push({
          value,
          file: file.path,
          context: file.searchable.slice(Math.max(0, at - 60), at + form.length + 60),
        })
        break
      }
    }
  }
  return hits
}

function spellings(value: string): string[] {
  const html = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
  const json = JSON.stringify(value).slice(1, -1)
  const jsonAscii = value.replace(
    /[^\x20-\x7e]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return [value, html, json, jsonAscii, encodeURIComponent(value), encodeURI(value)]
}

/** Built page paths (`articles/x/index.html` → `/articles/x/`), for comparing two builds. */
export function pagePaths(files: readonly OutputFile[] | readonly string[]): string[] {
  return files
    .map((file) => (typeof file === 'string' ? file : file.path))
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort()
}
