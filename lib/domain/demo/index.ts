export { generateDemo, DEFAULT_DEMO_BASE_TIME_MS, DEFAULT_DEMO_SEED, GATEWAY_FILE, STORY_START_OFFSETS_MS, type DemoOptions } from './generate-demo';
export { demoProfile, DEMO_TOLERANCE_MS } from './profile';
export type * from './types';
