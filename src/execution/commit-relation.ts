// Does the successor's revision contain the followed commit? GitHub's compare API answers: comparing
// commit...successor, `ahead` or `identical` means the successor's history includes the commit.
import { sameCommit } from '../commits.js'
import type { RunContext } from '../config/types.js'
import { createGitHubClient } from '../github.js'
import type { CommitRelation } from './verdict.js'
import { describeError } from '../aws-errors.js'

/** GitHub's compare `status` → the relation (pure). */
export function relationOf(status: string | undefined): CommitRelation {
  switch (status) {
    case 'ahead':
    case 'identical':
      return { kind: 'contains', how: status }
    case 'behind':
    case 'diverged':
      return { kind: 'unrelated', how: status }
    default:
      return { kind: 'unverified', why: `GitHub's compare API answered an unknown status "${status ?? ''}"` }
  }
}

export async function commitRelation(opts: {
  commit?: string
  successorCommit?: string
  repository?: string
  token?: string
  run: Pick<RunContext, 'apiUrl'>
  /** The step's cancel signal: a cancelled run must not wait out the compare call. */
  signal?: AbortSignal
}): Promise<CommitRelation> {
  const { commit, successorCommit, repository, token } = opts
  if (!commit) return { kind: 'unverified', why: 'no commit-sha is known for the followed execution' }
  if (!successorCommit) return { kind: 'unverified', why: 'the newer execution has no source revision' }
  if (sameCommit(commit, successorCommit)) return { kind: 'contains', how: 'same-commit' }
  if (!repository || !/^[^/]+\/[^/]+$/.test(repository)) {
    return { kind: 'unverified', why: 'the source repository of the pipeline is unknown' }
  }
  if (!token) return { kind: 'unverified', why: 'no github-token to call the compare API' }
  const [owner = '', repo = ''] = repository.split('/')
  try {
    const github = await createGitHubClient(token, opts.run)
    const { data } = await github.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${commit}...${successorCommit}`,
      per_page: 1,
      request: {
        signal: opts.signal
          ? AbortSignal.any([opts.signal, AbortSignal.timeout(5_000)])
          : AbortSignal.timeout(5_000),
      },
    })
    return relationOf(data.status)
  } catch (e) {
    return { kind: 'unverified', why: `GitHub's compare API for ${repository} failed (${describeError(e)})` }
  }
}
