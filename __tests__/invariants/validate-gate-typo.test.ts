// The invariant matrix (cases.ts) for validate, the pause-hook gate on a healthy release with an alarm name
// that names nothing: the step fails, and no fault makes it answer the hook.
import { matrixOf } from './cases.js'

matrixOf('validate, the pause-hook gate on a healthy release with an alarm name that names nothing')
