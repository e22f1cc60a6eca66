// GitHub's compare API: `GET /repos/{owner}/{repo}/compare/{base}...{head}` → 200 with `status` (`ahead`: head
// contains base, `behind`, `identical`, `diverged`), `ahead_by`, `behind_by`, `total_commits`, `base_commit`,
// `merge_base_commit` and `commits[]` (the commits head has and base has not, oldest first), computed from the
// scenario's commit graph (`github.repositories[repo].commits` with `parents`). 404 "Not Found" for an unknown
// repository or commit (GitHub's answer for both), 401 without a token.
import type { HttpRequest, HttpResponse, RequestContext } from '../../core/types.js'
import { authenticate, error, json, repoExists } from './http.js'
import type { GitHubCommit, GitHubScenario } from './scenario.js'

const COMPARE = /^\/github\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)$/
const DOCS = 'https://docs.github.com/rest/commits/commits#compare-two-commits'

export function matchCompare(req: HttpRequest): string | undefined {
  return req.method === 'GET' && COMPARE.test(req.path) ? 'compareCommits' : undefined
}

export function handleCompare(req: HttpRequest, ctx: RequestContext, scenario: GitHubScenario): HttpResponse {
  const [, owner, repo, basehead] = COMPARE.exec(req.path)!.map(decodeURIComponent)
  const auth = authenticate(req, scenario, ctx)
  if ('answer' in auth) return auth.answer
  // The route's groups are all required: they are there whenever the route matched.
  if (owner === undefined || repo === undefined || basehead === undefined)
    return error(404, 'Not Found', ctx, DOCS)
  if (auth.token.contents === 'none' || !repoExists(scenario, owner, repo))
    return error(404, 'Not Found', ctx, DOCS)
  const parts = basehead.split('...')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return error(404, 'Not Found', ctx, DOCS)
  const graph = scenario.repositories?.[`${owner}/${repo}`]?.commits ?? []
  const find = (ref: string) => graph.find((c) => c.sha === ref || (ref.length >= 7 && c.sha.startsWith(ref)))
  const base = find(parts[0])
  const head = find(parts[1])
  if (!base || !head) return error(404, 'Not Found', ctx, DOCS)

  const fromHead = ancestors(graph, head.sha)
  const fromBase = ancestors(graph, base.sha)
  const aheadCommits = [...fromHead.keys()].filter((sha) => !fromBase.has(sha))
  const behindBy = [...fromBase.keys()].filter((sha) => !fromHead.has(sha)).length
  // Merge base: the common ancestor nearest to head.
  const mergeBase = [...fromHead.entries()]
    .filter(([sha]) => fromBase.has(sha))
    .sort((a, b) => a[1] - b[1])[0]?.[0]
  const status =
    base.sha === head.sha
      ? 'identical'
      : aheadCommits.length > 0 && behindBy === 0
        ? 'ahead'
        : aheadCommits.length === 0 && behindBy > 0
          ? 'behind'
          : 'diverged'
  const api = `https://api.github.com/repos/${owner}/${repo}`
  const web = `https://github.com/${owner}/${repo}`
  const commit = (c: GitHubCommit) => ({
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 20)}`,
    commit: {
      message: c.message ?? '',
      author: { name: 'octocat', email: 'octocat@github.com', date: c.date ?? '2026-01-01T00:00:00Z' },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: c.date ?? '2026-01-01T00:00:00Z' },
    },
    url: `${api}/commits/${c.sha}`,
    html_url: `${web}/commit/${c.sha}`,
    parents: (c.parents ?? []).map((p) => ({ sha: p, url: `${api}/commits/${p}` })),
  })
  const bySha = (sha: string) => graph.find((c) => c.sha === sha)!
  const commits = aheadCommits
    .map(bySha)
    .sort((a, b) => (fromHead.get(b.sha) ?? 0) - (fromHead.get(a.sha) ?? 0))
    .map(commit)
  return json(
    200,
    {
      url: `${api}/compare/${base.sha}...${head.sha}`,
      html_url: `${web}/compare/${base.sha}...${head.sha}`,
      permalink_url: `${web}/compare/${owner}:${base.sha.slice(0, 7)}...${owner}:${head.sha.slice(0, 7)}`,
      diff_url: `${web}/compare/${base.sha}...${head.sha}.diff`,
      patch_url: `${web}/compare/${base.sha}...${head.sha}.patch`,
      base_commit: commit(base),
      merge_base_commit: mergeBase ? commit(bySha(mergeBase)) : null,
      status,
      ahead_by: aheadCommits.length,
      behind_by: behindBy,
      total_commits: aheadCommits.length,
      commits,
      files: [],
    },
    ctx,
  )
}

/** Every commit reachable from `sha` (itself included) with its distance. */
function ancestors(graph: GitHubCommit[], sha: string): Map<string, number> {
  const seen = new Map<string, number>([[sha, 0]])
  const queue = [sha]
  while (queue.length > 0) {
    const at = queue.shift()!
    for (const parent of graph.find((c) => c.sha === at)?.parents ?? []) {
      if (seen.has(parent)) continue
      seen.set(parent, seen.get(at)! + 1)
      queue.push(parent)
    }
  }
  return seen
}
