import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DIGIT_DEFAULT_CREDENTIALS } from '../../mocks/digit/index.ts'
import { listeningUrl } from '../harness/targets.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUNDLE = `${ROOT}dist/bundle/server.js`

/** What `npm start` and the `vendorsim` command run: the compiled bundle (built by `npm ci` through `prepare`). */
describe.skipIf(!existsSync(BUNDLE))('the server bundle (skipped until `npm run build`)', () => {
  it('serves every vendor, with the assets it inlined (LIMITATIONS, SDLs)', async () => {
    const child = spawn(
      process.execPath,
      [`${ROOT}bin/vendorsim.mjs`, 'serve', '--port', '0', '--quiet', '--clock', 'frozen'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    try {
      const url = await listeningUrl(child)
      const index = (await (await fetch(`${url}/`)).json()) as { vendors: Array<{ id: string }> }
      const ids = index.vendors.map((v) => v.id)
      expect(ids.sort()).toEqual(['digikey', 'digipix', 'digit', 'shiphero', 'stitchex'])
      for (const id of ids) {
        const res = await fetch(`${url}/${id}/_sandbox/limitations`)
        expect(res.status, id).toBe(200)
        expect(await res.text()).toMatch(/^# /)
      }
      // A query the Digit schema (an inlined SDL) answers.
      const sdl = await fetch(`${url}/digit/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${DIGIT_DEFAULT_CREDENTIALS.token}`,
        },
        body: '{"query":"{ organization { id } }"}',
      })
      expect(await sdl.json()).toEqual({
        data: { organization: { id: DIGIT_DEFAULT_CREDENTIALS.organizationId } },
      })
    } finally {
      child.kill()
    }
  }, 30_000)

  it('is ASCII throughout (Node reads an ASCII chunk fast and V8 keeps its source at a byte per character)', () => {
    const dir = `${ROOT}dist/bundle/`
    const wide = readdirSync(dir).filter((f) => /[\x80-\xff]/.test(readFileSync(dir + f, 'latin1')))
    expect(wide).toEqual([])
  })
})
