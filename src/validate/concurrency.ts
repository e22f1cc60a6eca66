// A small concurrency bound: at most `n` of the given tasks run at once, in the order they were queued.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>

export function createLimiter(n: number): Limiter {
  let active = 0
  const queue: (() => void)[] = []
  const next = (): void => {
    if (active >= n) return
    const start = queue.shift()
    if (start) {
      active++
      start()
    }
  }
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--
            next()
          })
      })
      next()
    })
}
