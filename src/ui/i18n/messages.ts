/**
 * A feature's UI strings: each key has its English and Simplified Chinese
 * text side by side, so the compiler refuses a string missing in either
 * language. Each feature keeps its own catalog next to its components
 * (`messages.ts`, `lessonMessages.ts`…) and reads it with `useMessages`.
 * The helpers are the store's (src/store/localize.ts): the store composes
 * texts of its own with the same catalogs, and may not import the UI.
 */
export { defineMessages, translate, type Messages, type Translate } from '../../store/localize.ts';
