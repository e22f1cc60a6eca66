// The bundle's entry (npm run package): the action's own entry, built with build/tsconfig.json, whose path
// mappings replace what a run never uses with lazy stand-ins (see build/README.md).
import '../src/index.js'
