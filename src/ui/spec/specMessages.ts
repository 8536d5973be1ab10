import { Fragment, createElement, type ReactNode } from 'react';
import { defineMessages } from '../i18n/messages.ts';

/**
 * The spec pane's strings (SpecPane, SpecEditor). config.json, runc's
 * commands and paths stay as written; runc's own refusal (the problem's
 * message) is shown as the model prints it.
 */
export const specMessages = defineMessages({
  region: { en: 'OCI runtime spec', zh: 'OCI 运行时规范' },
  title: { en: 'OCI runtime spec (config.json)', zh: 'OCI 运行时规范（config.json）' },
  whoseOf: { en: 'of {name}, as the runtime was given it', zh: '属于 {name}，与运行时收到的完全一致' },
  none: { en: 'no container yet', zh: '尚无容器' },
  headingOf: { en: 'config.json of {name}, as the runtime was given it', zh: '{name} 的 config.json，与运行时收到的完全一致' },
  headingNone: { en: 'config.json no container yet', zh: 'config.json：尚无容器' },
  currentRegion: { en: "The container's config.json", zh: '容器的 config.json' },
  viewLabel: { en: 'config.json of {name}', zh: '{name} 的 config.json' },
  theContainer: { en: 'the container', zh: '该容器' },
  empty: { en: "Run {docker} or {runc} to see a container's config.json. Until then the editor starts from what {spec} writes.", zh: '运行 {docker} 或 {runc} 即可看到容器的 config.json。在此之前，编辑器从 {spec} 生成的内容开始。' },
  editRegion: { en: 'Edit and run config.json', zh: '编辑并运行 config.json' },
  editHeading: { en: 'Edit config.json', zh: '编辑 config.json' },
  edited: { en: 'edited', zh: '已编辑' },
  actions: { en: 'config.json actions', zh: 'config.json 操作' },
  run: { en: 'Run this spec', zh: '运行此规范' },
  import: { en: 'Import config.json', zh: '导入 config.json' },
  discard: { en: 'Discard my edits', zh: '放弃我的修改' },
  runcDefault: { en: "runc spec's default", zh: 'runc spec 的默认配置' },
  help: {
    en: "Run saves the text to {path} and runs {command} on the lab's host (Ctrl+Enter in the editor). With {terminal} and a shell in {args}, the terminal goes into the new container.",
    zh: '运行会把文本保存到 {path}，并在实验室的宿主机上执行 {command}（在编辑器中按 Ctrl+Enter）。若设置了 {terminal} 且 {args} 中是一个 shell，终端会进入新容器。',
  },
  imported: { en: 'Imported {name} ({n} characters). Run it to see whether runc accepts it.', zh: '已导入 {name}（{n} 个字符）。运行它，看 runc 是否接受。' },
  unreadable: { en: 'Could not read {name}; the editor is unchanged.', zh: '无法读取 {name}；编辑器内容未变。' },
  lineColumn: { en: 'Line {line}, column {column}', zh: '第 {line} 行，第 {column} 列' },
  refused: { en: 'runc refused it', zh: 'runc 拒绝了它' },
  goTo: { en: 'Go to line {line}', zh: '转到第 {line} 行' },
});

/** A translated text whose `{name}` placeholders are elements (`<code>…</code>`): the pieces in order, for JSX. */
export function withNodes(text: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return parts.map((part, i) => (i % 2 === 1 ? createElement(Fragment, { key: i }, part in nodes ? nodes[part] : `{${part}}`) : part));
}
