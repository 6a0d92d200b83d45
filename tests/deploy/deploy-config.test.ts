import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderNginxFiles } from '../../scripts/deploy/nginxConfig.ts'
import { SHIPPED_CONFIG_DIR } from '../../scripts/deploy/nginx.ts'
import { renderHeadersFile, SECURITY_HEADERS } from '../../site/lib/headers.ts'
import { ROOT } from '../support/buildSite.ts'

// The shipped deployment files agree with the one definition they come from, and with the scripts they run.

describe('the shipped nginx configuration (deploy/nginx/)', () => {
  it('is exactly what site/lib/headers.ts generates (run `npm run nginx:config` after changing it)', async () => {
    for (const [name, text] of Object.entries(renderNginxFiles())) {
      const shipped = await readFile(path.join(SHIPPED_CONFIG_DIR, name), 'utf8').catch(() => '(missing)')
      expect(shipped, `deploy/nginx/${name} is out of date: run npm run nginx:config`).toBe(text)
    }
  })

  it('sends every security header of _headers, with the same value, on every location', async () => {
    const headers = await readFile(path.join(SHIPPED_CONFIG_DIR, 'alumni-news/headers.conf'), 'utf8')
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(headers).toContain(`add_header ${name} "${value}" always;`)
      expect(renderHeadersFile({ preview: false })).toContain(`  ${name}: ${value}\n`)
    }
    const site = await readFile(path.join(SHIPPED_CONFIG_DIR, 'alumni-news/site.conf'), 'utf8')
    const locations = site.match(/^location [^{]+\{[^}]*\}/gm) ?? []
    expect(locations.length).toBeGreaterThan(5)
    for (const location of locations.filter((block) => /add_header/.test(block))) {
      expect(location).toContain('include alumni-news/headers.conf;')
    }
  })
})

describe('the systemd units (deploy/systemd/)', () => {
  it('run the cron build script that exists, on a timer', async () => {
    const service = await readFile(path.join(ROOT, 'deploy/systemd/alumni-news-build.service'), 'utf8')
    const script = /^ExecStart=\S+\/node (\S+)$/m.exec(service)?.[1]
    expect(script).toBe('scripts/deploy/build-if-changed.ts')
    expect(existsSync(path.join(ROOT, script!))).toBe(true)
    const timer = await readFile(path.join(ROOT, 'deploy/systemd/alumni-news-build.timer'), 'utf8')
    expect(timer).toMatch(/^OnCalendar=/m)
  })
})

describe('deploy/publish.sh', () => {
  it('sends what pages refer to first, then pages, manifest and feeds, and deletes old files last', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'publish-'))
    try {
      // A stand-in rsync that records its arguments: the order of the two passes is what is under test.
      await mkdir(path.join(work, 'bin'))
      await mkdir(path.join(work, 'dist'))
      await writeFile(path.join(work, 'dist/index.html'), '<!doctype html>')
      await writeFile(path.join(work, 'bin/rsync'), `#!/bin/sh\necho "$*" >> "${work}/calls"\n`, {
        mode: 0o755,
      })
      const result = spawnSync(
        'sh',
        [path.join(ROOT, 'deploy/publish.sh'), `${work}/dist`, 'web@host:/srv/www'],
        {
          env: { ...process.env, PATH: `${work}/bin:${process.env.PATH}` },
          encoding: 'utf8',
        },
      )
      expect(result.status, result.stderr).toBe(0)
      const [assets, pages, ...rest] = (await readFile(path.join(work, 'calls'), 'utf8')).trim().split('\n')
      expect(rest).toEqual([])
      for (const pattern of ['*.html', '/_search/manifest.json', '*.xml', '*.ics']) {
        expect(assets).toContain(`--exclude=${pattern}`)
      }
      expect(assets).not.toMatch(/--delete/)
      expect(pages).not.toMatch(/--exclude/)
      expect(pages).toContain('--delete-after')
      expect(pages).toMatch(/ \S+\/dist\/ web@host:\/srv\/www\/$/)

      const unbuilt = spawnSync('sh', [path.join(ROOT, 'deploy/publish.sh'), `${work}/bin`, '/srv/www'], {
        encoding: 'utf8',
      })
      expect(unbuilt.status).toBe(1)
      expect(unbuilt.stderr).toContain('build the site first')
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  })
})

describe('npm test on a machine without the system packages', () => {
  it('stops at once with the exact command to run', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-system.ts')], {
      env: {
        ...process.env,
        NGINX_PATH: '/nonexistent/nginx',
        CHROMIUM_PATH: '/nonexistent/chromium',
        NO_SYSTEM_INSTALL: '1',
      },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    // Exactly what is missing (here chromium and nginx, whatever else this machine lacks), as one command.
    expect(result.stderr).toMatch(
      /\n\s+sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium( [a-z-]+)* nginx\n/,
    )
  })

  it('is checked before the tests by npm test itself', async () => {
    const scripts = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >
    expect(scripts.pretest).toBe('node scripts/check-system.ts')
  })
})
