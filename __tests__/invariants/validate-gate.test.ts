// The invariant matrix (cases.ts) for validate's pause-hook gate: a healthy blue/green release, one whose new
// revision fails, a release whose test traffic has no data at the pause, a deployment that ended before validate
// arrived, a failing deployment that is not this release, and an alarm name that names nothing (the step fails, and
// no fault makes it answer the hook).
import { matrixOf } from './cases.js'

matrixOf(
  'validate, the pause-hook gate on a healthy blue/green release',
  'validate, the pause-hook gate on a blue/green release whose new revision fails',
  'validate, the pause-hook gate on a healthy release whose test traffic has no data at the pause',
  'validate, the pause-hook gate on a deployment that ended before validate arrived',
  'validate, the pause-hook gate on a failing deployment that is not this release',
  'validate, the pause-hook gate on a healthy release with an alarm name that names nothing',
)
