#!/usr/bin/env node
// `npx aws-deploy-emulator --scenario <name|path>`: the package ships TypeScript, so its CLI runs through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../cli.ts')
