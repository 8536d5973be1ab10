import { useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { exportName, narrationMarkdown } from '../../store/narrationExport.ts';
import { defineMessages } from '../i18n/messages.ts';
import { useMessages } from '../i18n/useMessages.ts';
import { diagramPng, diagramSvgText, download } from './diagramExport.ts';

const messages = defineMessages({
  export: { en: 'Export', zh: '导出' },
  svg: { en: 'Diagram as SVG', zh: '调用路径图（SVG）' },
  png: { en: 'Diagram as PNG', zh: '调用路径图（PNG）' },
  text: { en: 'Narration as text (Markdown)', zh: '讲解文字（Markdown）' },
  noDiagram: { en: 'There is no diagram on the page to export.', zh: '页面上没有可导出的调用路径图。' },
  failed: { en: 'Export failed: {why}', zh: '导出失败：{why}' },
});

const played = () => {
  const s = labStore.getState();
  return s.entries.find((e) => e.id === s.playback.entryId);
};

const mainDiagram = () => document.querySelector<SVGSVGElement>('.pane-diagram svg.diagram') ?? document.querySelector<SVGSVGElement>('svg.diagram');

/** Export: the diagram as it stands (SVG, PNG) and the played trace's narration as Markdown, for lecture notes. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const t = useMessages(messages);
  const run = async (kind: 'svg' | 'png' | 'md') => {
    setProblem(null);
    setOpen(false);
    try {
      if (kind === 'md') {
        download(new Blob([narrationMarkdown(played(), labStore.getState().language)], { type: 'text/markdown;charset=utf-8' }), exportName(played(), 'md'));
        return;
      }
      const svg = mainDiagram();
      if (!svg) return setProblem(t('noDiagram'));
      if (kind === 'svg') download(new Blob([diagramSvgText(svg).text], { type: 'image/svg+xml' }), exportName(played(), 'svg'));
      else {
        const plain = diagramSvgText(svg, true);
        download(await diagramPng(plain.text, plain.width, plain.height), exportName(played(), 'png'));
      }
    } catch (e) {
      setProblem(t('failed', { why: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <div className="menu" onKeyDown={(e) => e.key === 'Escape' && open && (e.preventDefault(), setOpen(false))}>
      <button type="button" aria-expanded={open} aria-haspopup="true" onClick={() => setOpen(!open)}>{t('export')} ▾</button>
      {open && (
        <div className="menu-list" role="group" aria-label={t('export')}>
          <button type="button" onClick={() => void run('svg')}>{t('svg')}</button>
          <button type="button" onClick={() => void run('png')}>{t('png')}</button>
          <button type="button" onClick={() => void run('md')}>{t('text')}</button>
        </div>
      )}
      {problem && <p className="toolbar-status" role="alert">{problem}</p>}
    </div>
  );
}
