// The invariant matrix (cases.ts) for create-pipeline adding the Deploy guards (approval stage, rollback on failure).
import { matrixOf } from './cases.js'

matrixOf('create-pipeline, an update that adds an approval stage and rollback on failure')
