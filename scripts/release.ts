// Cut a release: check it (version newer than its major's last release, the CHANGELOG section, dist/ as committed,
// the Node.js runtime named alike everywhere), tag vX.Y.Z, move vX, publish the notes as the GitHub release.
//   npx tsx scripts/release.ts --dry-run 1.1.0   prints what it would do, changes nothing
//   npx tsx scripts/release.ts 1.1.0             what the release workflow runs (needs push rights and GH_TOKEN)
import { planRelease, type ReleasePlan } from './release/plan.js'
import { readFacts, release } from './release/repo.js'

const USAGE = 'usage: tsx scripts/release.ts [--dry-run] [--remote <name>] <MAJOR.MINOR.PATCH>'

function main(argv: string[]): number {
  const options = parseArgs(argv)
  if (!options) {
    console.error(USAGE)
    return 2
  }
  const root = process.cwd()
  const outcome = planRelease(options.version, readFacts(root))
  if ('problems' in outcome) {
    for (const problem of outcome.problems) console.error(`release: ${problem}`)
    return 1
  }
  console.log(describe(outcome.plan, options.dryRun))
  if (!options.dryRun) release(root, outcome.plan, options.remote)
  return 0
}

interface Options {
  version: string
  dryRun: boolean
  remote: string
}

function parseArgs(argv: string[]): Options | undefined {
  const args = [...argv]
  const dryRun = take(args, '--dry-run')
  const remoteAt = args.indexOf('--remote')
  const remote = remoteAt >= 0 ? args.splice(remoteAt, 2)[1] : 'origin'
  const [version, ...extra] = args
  if (version === undefined || extra.length > 0 || !remote || version.startsWith('-')) return undefined
  return { version, dryRun, remote }
}

function take(args: string[], flag: string): boolean {
  const at = args.indexOf(flag)
  if (at >= 0) args.splice(at, 1)
  return at >= 0
}

function describe(plan: ReleasePlan, dryRun: boolean): string {
  const commit = plan.commit.slice(0, 7)
  const was = plan.majorWas === undefined ? 'new' : `was ${plan.majorWas.slice(0, 7)}`
  return [
    dryRun
      ? `Release ${plan.version} — dry run: nothing is tagged, pushed or published`
      : `Release ${plan.version}`,
    `  commit       ${commit}`,
    plan.createTag
      ? `  create tag   ${plan.tag} → ${commit}`
      : `  tag          ${plan.tag} → ${commit} (exists)`,
    `  move tag     ${plan.majorTag} → ${commit} (${was})`,
    `  previous     ${plan.previous ?? 'none'}`,
    `  publish      GitHub release ${plan.tag}${plan.latest ? ', marked latest' : ' (an older major: not marked latest)'}`,
    `Release notes (CHANGELOG.md, section ${plan.version}):`,
    '',
    plan.notes,
  ].join('\n')
}

process.exitCode = main(process.argv.slice(2))
