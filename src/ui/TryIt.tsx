import { useState, type FormEvent } from 'react';
import { labStore } from '../store/labStore.ts';
import { RunOutput } from './RunOutput.tsx';
import { useLab } from './useLab.ts';

/** One line in, its path out: a syscall in strace syntax or a shell command, run on the chosen runtime. */
export function TryIt() {
  const runtimes = useLab((s) => s.runtimes);
  const runtimeId = useLab((s) => s.runtimeId);
  const [text, setText] = useState('');
  const { chooseRuntime, submitCommand } = labStore.getState();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submitCommand(text);
  };

  return (
    <section aria-labelledby="try-heading">
      <h2 id="try-heading">Try a call</h2>
      <form className="try" onSubmit={submit}>
        <div className="field">
          <label htmlFor="try-runtime">Runtime</label>
          <select id="try-runtime" value={runtimeId} onChange={(e) => chooseRuntime(e.target.value)}>
            {runtimes.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="try-input">Syscall or command</label>
          <input
            id="try-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder='getpid()   sethostname("lab", 3)   cat /etc/passwd'
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <button type="submit">Run</button>
      </form>
      <RunOutput />
    </section>
  );
}
