// The peer the cold-start bench runs beside this action: moia-oss/aws-codepipeline-trigger, its committed bundle
// (ncc, CommonJS, @actions/core + the AWS SDK v3 CodePipeline client), at the commit issue 13 measured.
// Fetch it once with `npx tsx bench/peer.ts` (git clone), or from a local clone: `npx tsx bench/peer.ts <git dir>`.
// It lands in bench/.peer/ (git-ignored, with its own package.json so Node loads it as CommonJS).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const PEER_NAME = 'moia-oss/aws-codepipeline-trigger'
const PEER_COMMIT = 'ce9de9fd'
const DIR = fileURLToPath(new URL('./.peer/aws-codepipeline-trigger/', import.meta.url))

/** The peer's dist/index.js (BENCH_PEER_DIST overrides), or why it is missing. */
export function peerBundle(): { path?: string; missing?: string } {
  const path = process.env.BENCH_PEER_DIST ?? join(DIR, 'dist', 'index.js')
  return existsSync(path) ? { path } : { missing: `no ${path} (fetch it: npx tsx bench/peer.ts)` }
}

/** Writes the peer's package.json and dist/ at PEER_COMMIT from a git directory (a clone or a bare mirror). */
function extract(gitDir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 64 << 20 })
  const files = [
    'package.json',
    ...git('ls-tree', '--name-only', `${PEER_COMMIT}:dist`)
      .toString()
      .trim()
      .split('\n')
      .map((f) => `dist/${f}`),
  ]
  for (const f of files) {
    mkdirSync(dirname(join(DIR, f)), { recursive: true })
    writeFileSync(join(DIR, f), git('show', `${PEER_COMMIT}:${f}`))
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let gitDir = process.argv[2]
  if (!gitDir) {
    gitDir = join(DIR, '..', 'clone.git')
    if (!existsSync(gitDir))
      execFileSync('git', ['clone', '--bare', `https://github.com/${PEER_NAME}.git`, gitDir], {
        stdio: 'inherit',
      })
  }
  extract(existsSync(join(gitDir, '.git')) ? join(gitDir, '.git') : gitDir)
  console.log(`peer bundle: ${peerBundle().path ?? peerBundle().missing}`)
}
