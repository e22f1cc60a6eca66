// Each address once in a report (issue 16: no repeated links): the job summary and the Slack/e-mail alert. Places
// are rendered in reading order; the first place that shows an address links it, a later one shows its label as
// text or leaves the link out.
import { link, safeUrl, urlsIn } from './markdown.js'

export class LinksOnce {
  private readonly shown = new Set<string>()

  /** Notes the addresses a text shows as links (`md` links every URL in running text, such as the reason). */
  noteText(text: string): void {
    for (const url of urlsIn(text)) this.note(url)
  }

  /** Notes an address shown, or to be shown further down by the place that needs it most. */
  note(url: string | undefined): void {
    const key = safeUrl(url)
    if (key) this.shown.add(key)
  }

  has(url: string | undefined): boolean {
    const key = safeUrl(url)
    return !!key && this.shown.has(key)
  }

  /** True the first time an address is shown (and notes it): for reports that render their links themselves. */
  first(url: string): boolean {
    if (this.has(url)) return false
    this.note(url)
    return true
  }

  /** A link the first time the address is shown; its label as text after that. */
  link(label: string, url: string | undefined): string {
    if (this.has(url)) return link(label, undefined)
    this.note(url)
    return link(label, url)
  }

  /** A link the first time the address is shown; nothing after that (a row's `details · logs`). */
  linkOrNothing(label: string, url: string | undefined): string {
    return url && !this.has(url) ? this.link(label, url) : ''
  }
}
