import { useState, type FormEvent } from 'react';
import { labStore } from '../store/labStore.ts';
import { useMessages } from './i18n/useMessages.ts';
import { labPartsMessages } from './labPartsMessages.ts';
import { RunOutput } from './RunOutput.tsx';

/** One line in, its path out, as a form: a syscall in strace syntax or a shell command, run on the chosen runtime. */
export function TryIt() {
  const t = useMessages(labPartsMessages);
  const [text, setText] = useState('');
  const { submitCommand } = labStore.getState();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submitCommand(text);
  };

  return (
    <section aria-labelledby="try-heading">
      <h2 id="try-heading">{t('tryHeading')}</h2>
      <form className="try" onSubmit={submit}>
        <div className="field grow">
          <label htmlFor="try-input">{t('tryLabel')}</label>
          <input
            id="try-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder='getpid()   sethostname("lab", 3)   cat /etc/passwd'
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <button type="submit">{t('run')}</button>
      </form>
      <RunOutput />
    </section>
  );
}
