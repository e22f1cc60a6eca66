// What the emulator was asked, for tests to assert on: one entry per HTTP request (retries included).
import type { FaultKind } from './faults.js'

export interface RequestLogEntry {
  seq: number
  /** Emulator time (ms since epoch) when the request arrived. */
  time: number
  service: string
  operation: string
  /** Decoded input (JSON body, decoded awsQuery form, or for HTTP routes the parsed body when JSON). */
  params: unknown
  /** SDK attempt number from `amz-sdk-request` (1 when absent). */
  attempt: number
  status: number
  /** Error code sent (`__type` / query code), if any. */
  error?: string
  /** Injected fault, if any. */
  fault?: FaultKind
  latencyMs?: number
}

export interface LogFilter {
  service?: string
  operation?: string
  error?: string
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = []

  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full = { seq: this.entries.length + 1, ...entry }
    this.entries.push(full)
    return full
  }

  where(filter: LogFilter = {}): RequestLogEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.service === undefined || e.service === filter.service) &&
        (filter.operation === undefined || e.operation === filter.operation) &&
        (filter.error === undefined || e.error === filter.error),
    )
  }

  /** Requests per `service.Operation` (every attempt counts). */
  counts(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const e of this.entries)
      out[`${e.service}.${e.operation}`] = (out[`${e.service}.${e.operation}`] ?? 0) + 1
    return out
  }

  clear(): void {
    this.entries.length = 0
  }
}
