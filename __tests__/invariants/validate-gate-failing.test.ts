// The invariant matrix (cases.ts) for validate, the pause-hook gate on a blue/green release whose new revision fails.
import { matrixOf } from './cases.js'

matrixOf('validate, the pause-hook gate on a blue/green release whose new revision fails')
