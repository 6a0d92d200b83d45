/**
 * Runs before `npm test` (the `pretest` script): the suite needs a few Debian packages besides node_modules. When one
 * is missing it is installed (as root, with apt-get, as .ci/run does), or the run stops at once with the command to
 * run, instead of failing minutes later with `spawn pdftotext ENOENT`.
 *
 *   chromium        the browser tests (playwright-core drives /usr/bin/chromium, or CHROMIUM_PATH)
 *   fonts-noto-cjk  Chinese text in screenshots, layout and PDF tests (without it, boxes)
 *   poppler-utils   pdftotext, for the print test
 *   nginx           the site served as in production (npm run serve, tests/site/nginx.test.ts)
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

interface Need {
  pkg: string
  present: () => boolean
}

const onPath = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0

const NEEDS: Need[] = [
  { pkg: 'chromium', present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  {
    pkg: 'fonts-noto-cjk',
    present: () =>
      /Noto Sans CJK/i.test(spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? ''),
  },
  { pkg: 'poppler-utils', present: () => onPath('pdftotext') },
  { pkg: 'nginx', present: () => existsSync(process.env.NGINX_PATH ?? '/usr/sbin/nginx') },
]

const missing = () => NEEDS.filter((need) => !need.present()).map((need) => need.pkg)

const wanted = missing()
if (wanted.length === 0) process.exit(0)

const command = `apt-get install -y --no-install-recommends ${wanted.join(' ')}`
const isRoot = process.getuid?.() === 0
if (!isRoot || !onPath('apt-get') || process.env.NO_SYSTEM_INSTALL) {
  console.error(
    `npm test needs these system packages, which are missing: ${wanted.join(', ')}.\n` +
      `Install them, then run npm test again:\n\n    sudo apt-get update && sudo ${command}\n`,
  )
  process.exit(1)
}

console.log(`npm test: installing the missing system packages ${wanted.join(', ')} (apt-get)…`)
// The tests run nginx themselves (scripts/deploy/nginx.ts); a system nginx the package may start does not matter.
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
for (const step of ['apt-get update -qq', `${command} -qq`]) {
  const result = spawnSync('sh', ['-c', step], { stdio: ['ignore', 'ignore', 'inherit'], env })
  if (result.status !== 0) {
    console.error(
      `\n"${step}" failed (exit ${result.status}). Install the packages by hand:\n\n    apt-get update && ${command}\n`,
    )
    process.exit(1)
  }
}
const still = missing()
if (still.length > 0) {
  console.error(
    `Still missing after apt-get: ${still.join(', ')}. Install them by hand: apt-get install ${still.join(' ')}`,
  )
  process.exit(1)
}
console.log('npm test: system packages installed.')
