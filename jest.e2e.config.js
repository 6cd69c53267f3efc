import { base } from './jest.config.js';

/** `npm run test:e2e`: the stories that run dist/ as the Actions runner does (built first). */
export default {
  ...base,
  roots: ['<rootDir>/test/e2e'],
};
