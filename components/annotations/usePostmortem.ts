export { usePostmortem } from './useAnnotations';
