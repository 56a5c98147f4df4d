import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { digit, DIGIT_DEFAULT_CREDENTIALS } from '../../mocks/digit/index.ts'
import { shiphero } from '../../mocks/shiphero/index.ts'
import { spawnServer } from '../harness/targets.ts'

const CHROMIUM = '/usr/bin/chromium'

describe('GraphQL explorer pages (GET /digit/docs, GET /shiphero/graphql)', () => {
  it('is one self-contained page: no external script, style or font, and its script parses', async () => {
    const sim = createSim(digit, { seed: 'docs' })
    const res = await sim.fetch('https://api.digit-software.com/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i)
    expect(html).not.toMatch(/@import|url\(/)
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    expect(scripts).toHaveLength(1)
    expect(() => new Function(scripts[0]!)).not.toThrow()
    const cfg = JSON.parse(
      /<script type="application\/json" id="cfg">(.*?)<\/script>/.exec(html)![1]!,
    )
    expect(cfg.endpoint).toBe('graphql')
    expect(cfg.query).toContain('organization')
  })

  it('ShipHero serves the same page on GET /graphql to a browser, and 405 to anything else', async () => {
    const sim = createSim(shiphero, { seed: 'docs' })
    const page = await sim.fetch('https://public-api.shiphero.com/graphql', {
      headers: { accept: 'text/html,application/xhtml+xml' },
    })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('ShipHero API explorer')
    const api = await sim.fetch('https://public-api.shiphero.com/graphql')
    expect(api.status).toBe(405)
    expect(api.headers.get('allow')).toBe('POST')
  })

  describe.skipIf(!existsSync(CHROMIUM))(
    'in Chromium (skipped where /usr/bin/chromium is absent)',
    () => {
      let server: Awaited<ReturnType<typeof spawnServer>>
      beforeAll(async () => {
        server = await spawnServer(['--vendors', 'digit,shiphero'])
      }, 30_000)
      afterAll(() => server?.stop())

      it('runs a query with a token and browses the schema', async () => {
        const { chromium } = await import('playwright-core')
        const browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        })
        try {
          const page = await browser.newPage()
          await page.goto(`${server.url}/digit/docs`)
          await page.click('#run')
          await page.waitForFunction(() =>
            document.getElementById('status')!.textContent!.startsWith('HTTP'),
          )
          expect(await page.textContent('#status')).toBe('HTTP 401')
          await page.fill('#auth', `Bearer ${DIGIT_DEFAULT_CREDENTIALS.token}`)
          await page.click('#run')
          await page.waitForFunction(
            () => document.getElementById('status')!.textContent === 'HTTP 200',
          )
          expect(await page.textContent('#out')).toContain(DIGIT_DEFAULT_CREDENTIALS.organizationId)
          await page.click('#load')
          await page.waitForSelector('#detail h3')
          expect(await page.textContent('#detail h3')).toBe('Query (object)')
          await page.click('#types a:text-is("Order")')
          expect(await page.textContent('#detail')).toContain('totalOrderAmount')
        } finally {
          await browser.close()
        }
      }, 60_000)
    },
  )
})
