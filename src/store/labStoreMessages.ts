import { defineMessages } from './localize.ts';

/** The sentences labStore.ts itself prints, in both languages. */
export const labStoreText = defineMessages({
  modelFailed: { en: "the lab's model did not load ({error}); reload the page", zh: '实验室的模型没有加载成功（{error}）；请重新加载页面' },
});
