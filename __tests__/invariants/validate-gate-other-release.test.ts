// The invariant matrix (cases.ts) for validate, the pause-hook gate on a failing deployment that is not this release.
import { matrixOf } from './cases.js'

matrixOf('validate, the pause-hook gate on a failing deployment that is not this release')
