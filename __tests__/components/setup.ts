// Taro's H5 runtime reads these build-time flags; the webpack build defines them, jest must too.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
const flags = [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_MUTATION_OBSERVER',
]
const g = globalThis as Record<string, unknown>
for (const flag of flags) g[flag] = true
g.__TARO_FRAMEWORK__ = 'react'
g.DEPRECATED_ADAPTER_COMPONENT = false

