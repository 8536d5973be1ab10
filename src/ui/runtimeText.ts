/**
 * The Chinese of the runtime models' labels, summaries and option
 * descriptions: the table is the store's (src/store/runtimeText.ts), since
 * the lab commands print these texts too.
 */
export { RUNTIME_TEXT, runtimeText } from '../store/runtimeText.ts';
