/** Reads a Netlify / Cloudflare Pages `_headers` file: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>()
  let current: Record<string, string> | undefined
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      current = {}
      rules.set(line.trim(), current)
      continue
    }
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line)
    if (!match || !current) throw new Error(`_headers: cannot read line "${line}"`)
    current[match[1]!] = match[2]!.trim()
  }
  return rules
}
