import { useEffect, useRef, useState } from 'react';
import { labStore } from '../../store/labStore.ts';
import { encodeSession, sharedOf } from '../../store/urlSession.ts';
import { defineMessages } from '../i18n/messages.ts';
import { useMessages } from '../i18n/useMessages.ts';

const messages = defineMessages({
  share: { en: 'Share', zh: '分享' },
  shareTitle: { en: 'Copy a link that opens this exact session', zh: '复制一个能打开当前会话的链接' },
  link: { en: 'Link to this session', zh: '本会话的链接' },
  copied: { en: 'Copied. Anyone who opens it sees this session: the same lines, runtime, settings and playback position.', zh: '已复制。打开此链接的人会看到同一会话：相同的命令、运行时、设置和回放位置。' },
  refused: { en: 'The browser did not allow copying: select the link above and copy it.', zh: '浏览器不允许复制：请选中上面的链接后手动复制。' },
  failed: { en: 'The link could not be made: {why}', zh: '无法生成链接：{why}' },
  close: { en: 'Close', zh: '关闭' },
});

type Shared = { type: 'closed' } | { type: 'open'; url: string; copied: boolean } | { type: 'failed'; why: string };

/** Share: the whole session as a link (urlSession.ts), copied, and shown in a field for when the clipboard is refused. */
export function ShareButton() {
  const [shared, setShared] = useState<Shared>({ type: 'closed' });
  const field = useRef<HTMLInputElement>(null);
  const t = useMessages(messages);
  useEffect(() => field.current?.select(), [shared]);
  const share = async () => {
    try {
      // In the hash: never sent to a server, so no URL limit refuses a long session (urlState.ts, urlOf).
      const url = `${window.location.origin}${window.location.pathname}#s=${await encodeSession(sharedOf(labStore.getState()))}`;
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // Refused (no permission, an iframe without clipboard-write): the field below is the fallback.
      }
      setShared({ type: 'open', url, copied });
    } catch (e) {
      setShared({ type: 'failed', why: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="menu">
      <button type="button" onClick={() => void share()} title={t('shareTitle')}>{t('share')}</button>
      {shared.type !== 'closed' && (
        <div className="share-field" role="status" onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setShared({ type: 'closed' }))}>
          {shared.type === 'open' && (
            <>
              <label>
                {t('link')}
                <input ref={field} readOnly value={shared.url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
              </label>
              <p>{shared.copied ? t('copied') : t('refused')}</p>
            </>
          )}
          {shared.type === 'failed' && <p role="alert">{t('failed', { why: shared.why })}</p>}
          <button type="button" onClick={() => setShared({ type: 'closed' })}>{t('close')}</button>
        </div>
      )}
    </div>
  );
}
