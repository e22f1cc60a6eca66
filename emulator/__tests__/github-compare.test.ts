// The emulator's GitHub compare API, through Octokit as the action calls it.
import { getOctokit } from '@actions/github'
import { startEmulator, type Emulator } from '../index.js'

const sha = (d: string) => d.repeat(40)
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    scenario: {
      github: {
        repositories: {
          'acme/shop': {
            commits: [
              { sha: sha('1'), parents: [] },
              { sha: sha('2'), parents: [sha('1')] },
              { sha: sha('3'), parents: [sha('2')] },
              { sha: sha('4'), parents: [sha('1')] },
            ],
          },
        },
      },
    },
  })
})
afterAll(() => emulator.stop())

const compare = (basehead: string) =>
  getOctokit('ghs_x', { baseUrl: `${emulator.url}/github` }).rest.repos.compareCommitsWithBasehead({
    owner: 'acme',
    repo: 'shop',
    basehead,
  })

describe('GET /repos/{owner}/{repo}/compare/{base}...{head}', () => {
  it.each([
    [`${sha('1')}...${sha('3')}`, 'ahead', 2, 0, sha('1')],
    [`${sha('3')}...${sha('1')}`, 'behind', 0, 2, sha('1')],
    [`${sha('2')}...${sha('2')}`, 'identical', 0, 0, sha('2')],
    [`${sha('3')}...${sha('4')}`, 'diverged', 1, 2, sha('1')],
  ])('%s → %s', async (basehead, status, ahead, behind, mergeBase) => {
    const { data } = await compare(basehead)
    expect(data).toMatchObject({ status, ahead_by: ahead, behind_by: behind, total_commits: ahead })
    expect(data.merge_base_commit.sha).toBe(mergeBase)
    expect(data.commits).toHaveLength(ahead)
  })

  it('404 for an unknown commit', async () => {
    await expect(compare(`${sha('1')}...${sha('9')}`)).rejects.toMatchObject({ status: 404 })
  })
})
