// The invariant matrix (cases.ts) for validate, the pause-hook gate on a healthy blue/green release.
import { matrixOf } from './cases.js'

matrixOf('validate, the pause-hook gate on a healthy blue/green release')
