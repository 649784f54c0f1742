/** One jest preset for every suite (ARCHITECTURE.md, `__tests__/`). */
const common = {
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  // cookie 2 (under fastify's inject) and the k-d tree packages ship ES modules only; Node loads
  // them, jest needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(cookie|kdbush|geokdbush|tinyqueue|mingo)/)'],
  moduleNameMapper: {
    '^@/types/(.*)$': '<rootDir>/types/$1',
    '^@/domain/(.*)$': '<rootDir>/cloud/domain/$1',
  },
}

const domTaro = {
  ...common,
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/__tests__/components/setup.ts'],
  transformIgnorePatterns: [],
  moduleNameMapper: {
    ...common.moduleNameMapper,
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index',
    '^@tarojs/taro$': '<rootDir>/__tests__/components/taro.js',
    '\\.(css|scss)$': '<rootDir>/__tests__/components/styleStub.js',
  },
}

module.exports = {
  projects: [
    { ...common, displayName: 'domain', testEnvironment: 'node', testMatch: ['<rootDir>/__tests__/domain/**/*.test.ts'] },
    { ...common, displayName: 'cloud', testEnvironment: 'node', testMatch: ['<rootDir>/__tests__/cloud/**/*.test.ts'] },
    // The same actions on the production driver (cloudbase over the stand-in of wx-server-sdk's database).
    {
      ...common,
      displayName: 'cloudbase',
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/__tests__/cloud/onCloudbase.ts'],
      testMatch: ['<rootDir>/__tests__/cloud/**/*.test.ts'],
      testPathIgnorePatterns: ['/__tests__/cloud/db\\.', '/__tests__/cloud/(bundles|rooms|manifest|mydata)\\.test'],
    },
    { ...domTaro, displayName: 'components', testMatch: ['<rootDir>/__tests__/components/**/*.test.tsx'] },
    { ...common, displayName: 'mp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/__tests__/mp/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'] },
    { ...common, displayName: 'security', testEnvironment: 'node', testMatch: ['<rootDir>/__tests__/security/**/*.test.ts'] },
  ],
}
