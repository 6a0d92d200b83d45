import { readFileSync } from 'node:fs'

/**
 * The browsers the site is built for: `browserslist` in package.json (the WeChat webviews alumni have — XWeb/X5 on
 * Android report Chrome 78–86 — and iPhones from iOS 13), as Vite's `build.target`. Vite compiles page scripts to
 * it and Lightning CSS lowers the stylesheets for it; tests/site/browser-targets.test.ts checks both in the output.
 * Only `<browser> >= <version>` entries are read, so the list stays obvious to a reader.
 */
const ESBUILD_NAMES: Record<string, string> = {
  chrome: 'chrome',
  edge: 'edge',
  firefox: 'firefox',
  safari: 'safari',
  ios_saf: 'ios',
}

export function browserTargets(packageJson = new URL('../../package.json', import.meta.url)): string[] {
  const { browserslist } = JSON.parse(readFileSync(packageJson, 'utf8')) as { browserslist?: unknown }
  if (!Array.isArray(browserslist) || browserslist.length === 0)
    throw new Error('package.json: "browserslist" is missing')
  return browserslist.map((entry) => {
    const match = /^\s*(\w+)\s*>=\s*(\d+(?:\.\d+)?)\s*$/i.exec(String(entry))
    const name = match && ESBUILD_NAMES[match[1]!.toLowerCase()]
    if (!name)
      throw new Error(
        `package.json browserslist: "${entry}" is not "<browser> >= <version>" for one of ${Object.keys(ESBUILD_NAMES).join(', ')}`,
      )
    return `${name}${match![2]}`
  })
}
