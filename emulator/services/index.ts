// The plugins every emulator loads (startEmulator's default). One line per plugin.
import type { EmulatorPlugin } from '../core/types.js'

export const plugins: EmulatorPlugin[] = []
