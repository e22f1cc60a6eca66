// What the bundle sees as `@actions/github` (build/tsconfig.json maps the name here; src/github.ts imports it
// only when a run talks to GitHub). @actions/github calls HttpClient's synchronous getAgent as it loads, which
// the lazy stand-in (build/lazy-http-client.ts) answers only once the real module is loaded: load that first,
// then the real @actions/github (imported, not re-exported statically, so that it evaluates after).
import { loadRealHttpClient } from './lazy-http-client.js'

await loadRealHttpClient()
const github = await import('../node_modules/@actions/github/lib/github.js')

export const { context, getOctokit } = github
