// The invariant matrix (cases.ts) for validate, the pause-hook gate on a deployment that ended before validate arrived.
import { matrixOf } from './cases.js'

matrixOf('validate, the pause-hook gate on a deployment that ended before validate arrived')
