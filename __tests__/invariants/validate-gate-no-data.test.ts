// The invariant matrix (cases.ts) for validate, the pause-hook gate on a healthy release whose test traffic has no data at the pause.
import { matrixOf } from './cases.js'

matrixOf('validate, the pause-hook gate on a healthy release whose test traffic has no data at the pause')
