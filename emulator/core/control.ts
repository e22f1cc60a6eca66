// The emulator's own control endpoint, for runs that drive it from outside the process (the CLI in a
// workflow, the demo): `POST /_emulator/clock` with `{"now": "present" | ISO-8601 | epoch ms, "speed": N}`
// re-anchors the clock; `GET /_emulator/clock` tells the time. Never part of any AWS API.
import type { Clock } from './clock.js'
import type { HttpRoute } from './types.js'

export function controlRoute(clock: Clock): HttpRoute {
  return {
    service: 'emulator',
    match: (req) => (req.path === '/_emulator/clock' ? `${req.method} clock` : undefined),
    handle(req) {
      if (req.method === 'POST') {
        let body: { now?: unknown; speed?: unknown }
        try {
          body = req.body ? JSON.parse(req.body) : {}
        } catch {
          return {
            status: 400,
            body: 'body must be JSON: {"now": "present" | ISO-8601 | ms, "speed": number}',
          }
        }
        const now =
          body.now === undefined
            ? undefined
            : body.now === 'present'
              ? Date.now()
              : new Date(body.now as string | number).getTime()
        if (now !== undefined && Number.isNaN(now))
          return { status: 400, body: `not a time: ${JSON.stringify(body.now)}` }
        try {
          clock.set({ now, speed: body.speed === undefined ? undefined : Number(body.speed) })
        } catch (e) {
          return { status: 400, body: (e as Error).message }
        }
      } else if (req.method !== 'GET') {
        return { status: 405, body: 'GET or POST' }
      }
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: new Date(clock.now()).toISOString() }),
      }
    },
  }
}
