// The emulator's test lookups, shared so the rule lives in one place.
export { firstOf, lastOf, must, nth, only } from '../../emulator/__tests__/must.js'
