import { useState, type FormEvent } from 'react';
import { labStore } from '../store/labStore.ts';
import { RunOutput } from './RunOutput.tsx';
import { useLab } from './useLab.ts';

/** One line in, its path out: a syscall in strace syntax or a shell command, run on the chosen runtime. */
export function TryIt() {
  const runtimes = useLab((s) => s.runtimes);
  const runtimeId = useLab((s) => s.runtimeId);
  const chosen = useLab((s) => s.options[s.runtimeId]);
  const [text, setText] = useState('');
  const { chooseRuntime, setOption, submitCommand } = labStore.getState();
  const specs = runtimes.find((r) => r.id === runtimeId)?.options ?? [];

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
        {specs.map((o) => (
          <div className="field" key={o.key}>
            <label htmlFor={`try-opt-${o.key}`} title={o.description}>--{o.key}</label>
            <select id={`try-opt-${o.key}`} value={chosen?.[o.key] ?? o.default} title={o.description} onChange={(e) => setOption(o.key, e.target.value)}>
              {o.values.map((v) => (
                <option key={v} value={v}>{v}</option>
              ))}
            </select>
          </div>
        ))}
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
