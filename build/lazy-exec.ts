// What the bundle sees as `@actions/exec` (build/tsconfig.json maps the name here). @actions/core imports it
// statically for core.platform.getDetails() (lsb_release, sw_vers), which this action never calls, and the real
// module pulls in @actions/io, child_process, assert and readline on every run. Both functions keep their
// signatures and load the real module on the first call.
type Exec = typeof import('../node_modules/@actions/exec/lib/exec.js')

const real = (): Promise<Exec> => import('../node_modules/@actions/exec/lib/exec.js')

export const exec: Exec['exec'] = async (...args) => (await real()).exec(...args)
export const getExecOutput: Exec['getExecOutput'] = async (...args) => (await real()).getExecOutput(...args)
