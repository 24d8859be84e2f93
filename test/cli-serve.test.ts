// `winnow serve` as a crawler meets it: a real process on a real port, many writers at once.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'dist/cli/bin.js')
const seeds = resolve(root, '../shared/seeds')
const dir = mkdtempSync(join(tmpdir(), 'winnow-serve-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let indexes = 0

/** Start `winnow serve` on a free port; resolves with its URL once it listens. */
function serve(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
  })
  let stderr = ''
  return new Promise((ok, fail) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(stderr)
      if (match?.[1] !== undefined) ok({ url: match[1], child, stderr: () => stderr })
    })
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)))
  })
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((ok) => {
    child.once('exit', (code) => ok(code))
    child.kill('SIGTERM')
  })
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('winnow serve', () => {
  it('refuses to listen beyond loopback without a token, and bad flags', async () => {
    const open = await runCli(['serve', '--index', join(dir, 'x.db'), '--host', '0.0.0.0'])
    expect(open.code).toBe(2)
    expect(open.stderr).toContain('refusing to listen on 0.0.0.0 without a token')
    const port = await runCli(['serve', '--index', join(dir, 'x.db'), '--port', '70000'])
    expect(port.stderr).toContain('--port takes a port number')
    const body = await runCli(['serve', '--index', join(dir, 'x.db'), '--max-body', 'lots'])
    expect(body.stderr).toContain('--max-body takes a size')
    const none = await runCli(['serve'])
    expect(none.stderr).toContain('serve needs --index')
    expect(existsSync(join(dir, 'x.db'))).toBe(false)
  })

  it('keeps one cluster for one article when many writers send its copies at once', async () => {
    const pairs: [string, string][] = [
      [
        readFileSync(join(root, 'examples/pages/capture-2024-03-02.txt'), 'utf8'),
        readFileSync(join(root, 'examples/pages/capture-2024-03-09.txt'), 'utf8'),
      ],
    ]
    if (existsSync(seeds)) {
      pairs.push([
        readFileSync(join(seeds, '000_07748a904d718e90.txt'), 'utf8'),
        readFileSync(join(seeds, '001_f61d526c70a1854c.txt'), 'utf8'),
      ])
    }
    const index = join(dir, `${++indexes}.db`)
    const { url, child } = await serve(['--index', index])
    for (const [p, [first, second]] of pairs.entries()) {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          post(`${url}/v1/documents`, { id: `${p}-${i}`, text: i % 2 === 0 ? first : second }).then(
            (response) => response.json() as Promise<{ cluster: string }>,
          ),
        ),
      )
      expect(new Set(answers.map((answer) => answer.cluster)).size).toBe(1)
    }
    const metrics = await (await fetch(`${url}/metrics`)).text()
    expect(metrics).toContain(`winnow_clusters ${pairs.length}\n`)
    expect(await stop(child)).toBe(0)
    const stats = await runCli(['index', 'stats', index])
    expect(JSON.parse(stats.stdout)).toMatchObject({
      documents: 30 * pairs.length,
      clusters: pairs.length,
    })
  }, 60_000)

  it('takes its token from WINNOW_TOKEN', async () => {
    const { url, child } = await serve(['--index', join(dir, `${++indexes}.db`)], {
      WINNOW_TOKEN: 'from-env',
    })
    const doc = { id: 'a', text: 'A short page about the night ferry.' }
    expect((await post(`${url}/v1/documents`, doc)).status).toBe(401)
    const allowed = await post(`${url}/v1/documents`, doc, { authorization: 'Bearer from-env' })
    expect(allowed.status).toBe(200)
    expect(await stop(child)).toBe(0)
  }, 30_000)
})
