// The invariant matrix (cases.ts) for create-pipeline updating a pipeline, starting the commit and following it.
import { matrixOf } from './cases.js'

matrixOf('create-pipeline, an update that starts and follows the commit')
