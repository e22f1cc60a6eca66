// Lists and describes every task of the service with the fewest calls and the least waiting.
//
// ListTasks pages are sequential (each needs the previous nextToken), but a page's DescribeTasks (≤ 100
// ARNs) can start the moment the page arrives, so describing overlaps listing: the wall time is the chain
// of pages plus one DescribeTasks, not the sum of both. The next page is asked for before the page's
// DescribeTasks, so the critical-path call is never queued behind an off-path one (measured with 5,000 tasks
// at 50 ms per call: about 10 ms less per page).
//
// Every ListTasks page and every DescribeTasks chunk is read patiently (read.ts): a throttled call is made
// again after a back-off until the deadline, on its own, so one throttled chunk does not list the service again.
import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type ListTasksCommandOutput,
  type Task,
} from '@aws-sdk/client-ecs'
import type { ModeDeps } from '../deps.js'
import { createLimiter } from './concurrency.js'
import type { Target } from './service.js'
import { call } from '../aws-errors.js'
import { patiently, stoppable } from './read.js'
import { addTasks, emptyTally, type TaskTally } from './task-tally.js'

export const DESCRIBE_TASKS_MAX = 100
export const LIST_TASKS_MAX = 100
/** DescribeTasks calls in flight at once: enough to keep up with the pages, gentle on ECS's rate limit. */
export const DESCRIBE_CONCURRENCY = 4

export interface TaskListing {
  tasks: Task[]
  /** ARNs listed but no longer there when described. */
  missing: string[]
}

/** The first ListTasks page, asked for before it is known to be needed (see observe-rollout.ts). */
export interface EarlyPage {
  page: Promise<ListTasksCommandOutput>
  /** Ends its retries (and the listener on the step's signal) once it is no longer needed. */
  stop: () => void
}

export function askFirstPage(
  deps: ModeDeps,
  t: Pick<Target, 'cluster' | 'service'>,
  deadline: number,
): EarlyPage {
  const early = stoppable(deps)
  const page = patiently(early.deps, deadline, () =>
    call('ecs', 'ListTasks', () =>
      early.deps.aws
        .get(ECSClient)
        .send(listTasks(t, 'RUNNING', undefined), { abortSignal: early.deps.signal }),
    ),
  )
  page.catch(() => undefined) // a missing service fails here too; DescribeServices says it better
  return { page, stop: early.stop }
}

const listTasks = (
  t: Pick<Target, 'cluster' | 'service'>,
  desiredStatus: 'RUNNING' | 'STOPPED',
  nextToken?: string,
) =>
  new ListTasksCommand({
    cluster: t.cluster,
    serviceName: t.service,
    desiredStatus,
    maxResults: LIST_TASKS_MAX,
    nextToken,
  })

export interface CollectOptions {
  desiredStatus?: 'RUNNING' | 'STOPPED'
  maxPages?: number
  /** The first page, already asked for (askFirstPage). */
  firstPage?: Promise<ListTasksCommandOutput>
  /** Transient failures of each call are retried until then (ms since the epoch). */
  deadline: number
  /**
   * Given, each described page is handed here and not kept: the listing returns no tasks (only the missing
   * ARNs), so judging a large service takes the memory of a page, not of the service (task-tally.ts).
   */
  onPage?: (tasks: Task[]) => void
}

/** The RUNNING tasks counted page by page (task-tally.ts), and the ARNs gone when described. */
export interface RunningTally {
  tasks: TaskTally
  missing: string[]
}

/**
 * Every RUNNING task, counted as each page is described and then dropped. `newRevision`: the task definition
 * whose tasks' addresses the target groups check needs (kept, one short record per task).
 */
export async function tallyRunningTasks(
  deps: ModeDeps,
  t: Pick<Target, 'cluster' | 'service'>,
  opts: Pick<CollectOptions, 'firstPage' | 'deadline'> & { newRevision?: string },
): Promise<RunningTally> {
  const tally = emptyTally(opts.newRevision)
  const { missing } = await collectTasks(deps, t, {
    ...opts,
    desiredStatus: 'RUNNING',
    onPage: (page) => addTasks(tally, page),
  })
  return { tasks: tally, missing }
}

export async function collectTasks(
  deps: ModeDeps,
  t: Pick<Target, 'cluster' | 'service'>,
  opts: CollectOptions,
): Promise<TaskListing> {
  // When one call fails for good, the others (and their back-offs) stop: the listing has failed.
  const { deps: scoped, stop } = stoppable(deps)
  try {
    return await collect(scoped, t, opts)
  } finally {
    stop()
  }
}

async function collect(
  deps: ModeDeps,
  t: Pick<Target, 'cluster' | 'service'>,
  opts: CollectOptions,
): Promise<TaskListing> {
  const { desiredStatus = 'RUNNING', maxPages = Infinity, firstPage, deadline, onPage } = opts
  const ecs = deps.aws.get(ECSClient)
  const limit = createLimiter(DESCRIBE_CONCURRENCY)
  const describes: Promise<{ tasks: Task[]; missing: string[] }>[] = []
  const list = (token: string | undefined): Promise<ListTasksCommandOutput> => {
    const p = patiently(deps, deadline, () =>
      call('ecs', 'ListTasks', () =>
        ecs.send(listTasks(t, desiredStatus, token), { abortSignal: deps.signal }),
      ),
    )
    p.catch(() => undefined) // awaited below; not unhandled if a DescribeTasks fails first
    return p
  }
  let pending: Promise<ListTasksCommandOutput> | undefined = firstPage ?? list(undefined)
  let pages = 0
  while (pending) {
    const page: ListTasksCommandOutput = await pending
    pages++
    // The next page is the critical path: ask for it before this page's DescribeTasks, so it is on the wire
    // (and served) first.
    pending = page.nextToken && pages < maxPages ? list(page.nextToken) : undefined
    const arns = page.taskArns ?? []
    for (let i = 0; i < arns.length; i += DESCRIBE_TASKS_MAX) {
      const chunk = arns.slice(i, i + DESCRIBE_TASKS_MAX)
      const described = limit(async () => {
        const out = await patiently(deps, deadline, () =>
          call('ecs', 'DescribeTasks', () =>
            ecs.send(new DescribeTasksCommand({ cluster: t.cluster, tasks: chunk }), {
              abortSignal: deps.signal,
            }),
          ),
        )
        const missing = (out.failures ?? []).map((f) => f.arn ?? '?')
        if (!onPage) return { tasks: out.tasks ?? [], missing }
        onPage(out.tasks ?? [])
        return { tasks: [], missing }
      })
      // Awaited below; this only keeps a failure from being reported as unhandled while listing goes on.
      described.catch(() => undefined)
      describes.push(described)
    }
  }
  const results = await Promise.all(describes)
  return { tasks: results.flatMap((r) => r.tasks), missing: results.flatMap((r) => r.missing) }
}
