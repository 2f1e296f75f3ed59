import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Argon2id in WebAssembly and SQLCipher page encryption are real work: give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { PASSEUR_LOG: 'silent' },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: ['src-main/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Kill campaigns against real child processes: `npm run test:reliability`.
          name: 'reliability',
          environment: 'node',
          include: ['tests/reliability/**/*.test.ts'],
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
