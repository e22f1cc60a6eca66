// api-name → the API Gateway API whose 5XX rate is checked, from the lists of REST and HTTP APIs. Pure.
//
// api-name is a name (or, to tell two APIs of one name apart, an API id). A REST API is measured by its name
// (ApiName), an HTTP API by its id (ApiId). What cannot be chosen is a check row of its own, `fail`: the lists
// were read in full and the name is not there (or names more than one API), which is the user's to fix — as an
// alarm name that does not exist fails (interface spec, alarm-names). It measured nothing, so no write acts on
// it (measured.ts). `unverified` is kept for what could not be read (api-lookup.ts).
import type { Check } from '../result.js'
import { configurationErrorRow } from './measured.js'
import { API_CHECK_NAME, httpApiRate, restApiRate, type RateSource } from './rate-sources.js'

export interface ListedApi {
  id: string
  name: string
}

export interface ApiLists {
  rest: ListedApi[]
  http: ListedApi[]
}

export type ApiChoice = { kind: 'rate'; source: RateSource } | { kind: 'row'; row: Check }

const LISTED = 5

export function chooseApi(
  wanted: { name: string; stage?: string },
  lists: ApiLists,
  region: string,
): ApiChoice {
  const byName = (a: ListedApi) => a.name === wanted.name
  const byId = (a: ListedApi) => a.id === wanted.name
  const rest = lists.rest.filter(byName)
  const http = lists.http.filter(byName)
  // An id is only looked at when no API has that name: names win, as the user most often gives one.
  if (rest.length === 0 && http.length === 0) {
    const restId = lists.rest.find(byId)
    const httpId = lists.http.find(byId)
    if (restId) return rate(restApiRate({ name: metricName(restId), stage: wanted.stage }))
    if (httpId) return rate(httpApiRate({ ...httpId, stage: wanted.stage }))
    return row(
      `no REST or HTTP API named "${wanted.name}" in ${region} (${lists.rest.length} REST and ${lists.http.length} HTTP APIs listed): check api-name, or leave it empty (it is opt-in) — a configuration error, not a measurement of the release`,
    )
  }
  const [only] = http
  if (rest.length === 0 && http.length === 1 && only)
    return rate(httpApiRate({ ...only, stage: wanted.stage }))
  if (http.length === 0) {
    // REST APIs that share a name share its metrics (ApiName): measured together, and said.
    const source = restApiRate({
      name: metricName(rest[0] ?? { id: '', name: wanted.name }),
      stage: wanted.stage,
    })
    if (rest.length > 1) source.label += ` (${rest.length} REST APIs share this name, and so its metrics)`
    return rate(source)
  }
  const candidates = [...rest.map((a) => `REST API ${a.id}`), ...http.map((a) => `HTTP API ${a.id}`)]
  return row(
    `${candidates.length} APIs are named "${wanted.name}" (${listed(candidates)}): set api-name to the id of the one to check`,
  )
}

/**
 * The ApiName value a REST API's metrics carry: API Gateway strips the characters that are not ASCII from the
 * name, and uses the id when none are left ("Amazon API Gateway dimensions and metrics").
 */
export function metricName(api: ListedApi): string {
  return api.name.replace(/[^\x20-\x7e]/g, '') || api.id
}

const rate = (source: RateSource): ApiChoice => ({ kind: 'rate', source })

const row = (message: string): ApiChoice => ({
  kind: 'row',
  row: configurationErrorRow({ name: API_CHECK_NAME, type: 'metric', value: null, threshold: null, message }),
})

const listed = (items: string[]): string =>
  items.length > LISTED
    ? `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`
    : items.join(', ')
