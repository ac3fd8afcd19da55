export { extractObservations } from './extract-observations';
export { normalizeStateValue } from './values';
