// ncc emits ESM for a "type": "module" project; this marker makes Node load dist/index.js as ESM
// wherever the action is checked out, independent of the root package.json.
import { writeFileSync } from 'node:fs'
writeFileSync(
  new URL('../dist/package.json', import.meta.url),
  JSON.stringify({ type: 'module' }, null, 2) + '\n',
)
