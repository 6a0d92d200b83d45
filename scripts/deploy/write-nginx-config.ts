/** `npm run nginx:config`: writes deploy/nginx/ from site/lib/headers.ts (see scripts/deploy/nginxConfig.ts). */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { renderNginxFiles } from './nginxConfig.ts'
import { SHIPPED_CONFIG_DIR } from './nginx.ts'

for (const [name, text] of Object.entries(renderNginxFiles())) {
  const file = path.join(SHIPPED_CONFIG_DIR, name)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, text)
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}
